package io.github.assetgen.core.api;

import io.github.assetgen.core.plan.Action;
import io.github.assetgen.core.plan.Plan;
import io.github.assetgen.core.plan.PlannedAsset;
import io.github.assetgen.core.plan.Planner;
import io.github.assetgen.core.plan.Selection;
import io.github.assetgen.core.provider.ProviderClient;
import io.github.assetgen.core.provider.ProviderDescriptor;
import io.github.assetgen.core.provider.ProviderSettings;
import io.github.assetgen.core.provider.registry.ProviderRegistry;
import io.github.assetgen.core.report.ReportWriter;
import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.rules.Pricing;
import io.github.assetgen.core.rules.RuleBook;
import io.github.assetgen.core.rules.Validation;
import io.github.assetgen.core.rules.ValidationContext;
import io.github.assetgen.core.run.AssetResult;
import io.github.assetgen.core.run.AssetRunner;
import io.github.assetgen.core.run.AssetStatus;
import io.github.assetgen.core.provider.http.Sleeper;
import io.github.assetgen.core.specfile.Problem;
import io.github.assetgen.core.specfile.SpecReader;
import io.github.assetgen.core.specfile.SpecSet;
import io.github.assetgen.core.store.AssetCache;
import io.github.assetgen.core.store.Journal;
import io.github.assetgen.core.store.KeyLock;
import io.github.assetgen.core.store.LockFile;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One assetgen run over a project: validate the specs, plan, then restore or generate. The Maven
 * goals call this and nothing else. Not thread-safe; one instance per goal execution.
 */
public final class AssetBuild {

    private final BuildConfig config;
    private final BuildLog log;
    private final Clock clock;
    private final Sleeper sleeper;

    public AssetBuild(BuildConfig config, BuildLog log) {
        this(config, log, Clock.systemUTC(), Sleeper.SYSTEM);
    }

    AssetBuild(BuildConfig config, BuildLog log, Clock clock, Sleeper sleeper) {
        this.config = config;
        this.log = log;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * Reads and checks every spec; prints every problem, one per line.
     *
     * @return one resolved request per asset
     * @throws AssetgenException (a user error) when any spec has an error
     */
    public List<AssetRequest> validate() throws AssetgenException {
        SpecSet specs = new SpecReader().read(config.specDirectory(), config.projectBaseDir());
        Validation validation = RuleBook.standard().validate(specs.assets(),
                new ValidationContext(config.projectBaseDir(), config.placeholders()));
        List<Problem> problems = Stream.concat(specs.problems().stream(), validation.problems().stream())
                .sorted(Problem.BY_POSITION)
                .toList();
        long errors = problems.stream().filter(Problem::isError).count();
        for (Problem problem : problems) {
            if (problem.isError()) {
                log.error(problem.format());
            } else {
                log.warn(problem.format());
            }
        }
        if (errors > 0) {
            throw new AssetgenException(errors + " error(s) in the asset specs, listed above. Nothing was sent.",
                    true);
        }
        List<AssetRequest> requests = validation.requests();
        if (config.placeholders()) {
            String placeholder = ProviderRegistry.standard().placeholder().name();
            requests = requests.stream().map(r -> r.withProvider(placeholder)).toList();
        }
        return requests;
    }

    /** Decides what each asset needs, from files only. */
    public Plan plan(List<AssetRequest> requests) throws AssetgenException {
        try {
            Stores stores = stores();
            return new Planner(Pricing.standard()).plan(requests, stores.state(lockEntries()), Selection.of(config.only()),
                    config.force(), config.offline());
        } catch (IOException e) {
            throw new AssetgenException("cannot read the cache or lock file: " + e.getMessage(), false, e);
        }
    }

    /** The widest action label ("restore from cache"), so the model column lines up. */
    private static final int LABEL_WIDTH = java.util.Arrays.stream(Action.values())
            .mapToInt(a -> a.label().length()).max().orElse(0);

    /** Prints one line per asset and the totals. */
    public void printPlan(Plan plan) {
        int width = plan.assets().stream().mapToInt(a -> a.id().length()).max().orElse(2);
        for (PlannedAsset asset : plan.assets()) {
            AssetRequest request = asset.request();
            StringBuilder line = new StringBuilder("  ")
                    .append(pad(asset.id(), width)).append("  ")
                    .append(pad(asset.action().label(), LABEL_WIDTH)).append("  ")
                    .append(request.model()).append(" @ ").append(request.provider());
            if (asset.action() == Action.GENERATE) {
                line.append("  ").append(asset.cost().format());
            }
            if (asset.note() != null) {
                line.append("  (").append(asset.note()).append(')');
            }
            log.info(line.toString());
        }
        log.info("Plan: " + count(plan, Action.GENERATE) + " to generate, " + count(plan, Action.RESUME)
                + " to resume, " + count(plan, Action.RESTORE) + " to restore, " + count(plan, Action.KEEP)
                + " up to date, " + count(plan, Action.SKIP) + " skipped, " + count(plan, Action.BLOCKED)
                + " blocked. Estimate: " + estimate(plan) + ".");
        if (!plan.unpriced().isEmpty()) {
            log.warn("No price is known for " + plan.unpriced().stream().map(PlannedAsset::id)
                    .collect(Collectors.joining(", ")) + "; the estimate leaves them out.");
        }
    }

    /** Fails before anything is sent when the plan costs more than the budget. */
    public void checkBudget(Plan plan) throws AssetgenException {
        var problem = plan.budgetProblem(config.maxCredits(), config.maxUsd());
        if (problem.isPresent()) {
            throw new AssetgenException(problem.get(), true);
        }
    }

    /**
     * Validated requests in, assets out: plans, checks the budget and credentials, restores,
     * resumes and generates, then writes the lock file and the reports.
     *
     * @param showPlan print the plan first (generate-assets run alone)
     * @throws AssetgenException when any asset failed (after everything that succeeded was kept)
     */
    public BuildSummary generate(List<AssetRequest> requests, boolean showPlan) throws AssetgenException {
        Plan plan = plan(requests);
        if (showPlan) {
            printPlan(plan);
        }
        return generate(plan);
    }

    /**
     * Carries out a plan made (and printed) earlier in the same build.
     *
     * @throws AssetgenException when any asset failed (after everything that succeeded was kept)
     */
    public BuildSummary generate(Plan plan) throws AssetgenException {
        Instant start = clock.instant();
        checkBudget(plan);
        checkCredentials(plan);
        try {
            Stores stores = stores();
            stores.cleanLeftovers(config.reportDirectory(), start);
            LockFile lockEntries = lockEntries();
            List<PlannedAsset> work = plan.assets().stream()
                    .filter(a -> a.action() == Action.RESTORE || a.action().needsNetwork() || runnerDecides(a))
                    .toList();
            AssetRunner runner = new AssetRunner(clients(plan, stores), config.providers(), stores.cache(),
                    stores.journal(), stores.locks(), config.outputDirectory(), config.cacheDirectory().resolve("tmp"),
                    config.assetTimeout(), config.force(), clock, sleeper, new SecureRandom(), log);
            List<AssetResult> results = new ArrayList<>(runner.run(work));
            for (PlannedAsset asset : plan.assets()) {
                switch (asset.action()) {
                    case KEEP -> results.add(stores.keptResult(asset, lockEntries));
                    case SKIP -> results.add(new AssetResult(asset, AssetStatus.SKIPPED, List.of(), List.of(),
                            Duration.ZERO, asset.note()));
                    case BLOCKED -> {
                        if (!runnerDecides(asset)) {
                            log.error("[" + asset.id() + "] " + asset.note());
                            results.add(new AssetResult(asset, AssetStatus.FAILED, List.of(), List.of(),
                                    Duration.ZERO, asset.note()));
                        }
                    }
                    default -> {
                        // handled by the runner
                    }
                }
            }
            results.sort(Comparator.comparing(AssetResult::id));
            BuildSummary summary = new BuildSummary(results, spent(results));
            writeLock(stores, lockEntries, results, Selection.of(config.only()).selectsAll());
            new ReportWriter().write(config.reportDirectory(), config.outputDirectory(), Reports.outcomes(results),
                    Reports.summary(results, summary.spent(), Duration.between(start, clock.instant())));
            if (!summary.failures().isEmpty()) {
                throw new AssetgenException(failureMessage(summary), true);
            }
            return summary;
        } catch (IOException e) {
            throw new AssetgenException("I/O error: " + e.getMessage(), false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssetgenException("interrupted; jobs in flight are recorded and the next build resumes them",
                    false, e);
        }
    }

    /**
     * A "submitting" journal entry may belong to a build running right now (another JVM, or another
     * module of this reactor) that has not had its answer yet. The runner takes the key's lock, which
     * that build holds, and decides after it: restore, resume, or fail as a lost answer. Offline builds
     * must not resume, so they decide here.
     */
    private boolean runnerDecides(PlannedAsset asset) {
        return asset.awaitsAnAnswer() && !config.offline();
    }

    private static String failureMessage(BuildSummary summary) {
        StringBuilder message = new StringBuilder(summary.failures().size() + " asset(s) failed:");
        for (AssetResult failure : summary.failures()) {
            message.append("\n  ").append(failure.id()).append(": ").append(failure.message());
        }
        message.append("\nEverything else was generated or restored, cached and locked.");
        return message.toString();
    }

    /** Fails, naming both ways to set a token, for every provider that must be called and has none. */
    private void checkCredentials(Plan plan) throws AssetgenException {
        Set<ProviderDescriptor> missing = new LinkedHashSet<>();
        for (PlannedAsset asset : plan.assets()) {
            ProviderDescriptor provider = ProviderRegistry.standard().get(asset.request().provider());
            ProviderSettings settings = config.providers().get(provider.name());
            if (asset.action().needsNetwork() && provider.tokenVariable() != null
                    && (settings == null || settings.token() == null)) {
                missing.add(provider);
            }
        }
        if (!missing.isEmpty()) {
            throw new AssetgenException(missing.stream()
                    .map(p -> "No token for " + p.name() + ": add a <server> with id '" + p.serverId()
                            + "' and the token as <password> to settings.xml, or set the environment variable "
                            + p.tokenVariable() + ".")
                    .collect(Collectors.joining("\n")) + "\nNothing was sent. To try the build without a token use"
                    + " -Dassetgen.placeholders=true.", true);
        }
    }

    private Map<String, ProviderClient> clients(Plan plan, Stores stores) throws IOException {
        Set<String> needed = plan.assets().stream()
                .filter(a -> a.action().needsNetwork())
                .map(a -> a.request().provider())
                .collect(Collectors.toSet());
        return ProviderRegistry.standard().createClients(needed, config.providers(), stores.fileIds(),
                config.cacheDirectory().resolve("tmp"));
    }

    private Stores stores() throws IOException {
        return Stores.open(config.cacheDirectory(), config.outputDirectory(), clock, log);
    }

    /** Placeholder runs keep their own lock under target, so the committed lock only records real assets. */
    private Path lockPath() {
        return config.placeholders() ? config.reportDirectory().resolve("placeholder.lock.json") : config.lockFile();
    }

    private LockFile lockEntries() throws IOException {
        return LockFile.read(lockPath());
    }

    private void writeLock(Stores stores, LockFile previous, List<AssetResult> results, boolean all)
            throws IOException {
        stores.updatedLock(previous, results, all, clock.instant()).write(lockPath(), config.reportDirectory());
    }

    private static String spent(List<AssetResult> results) {
        BigDecimal credits = BigDecimal.ZERO;
        BigDecimal dollars = BigDecimal.ZERO;
        for (AssetResult result : results) {
            if (result.status() == AssetStatus.GENERATED && result.planned().action() == Action.GENERATE) {
                var cost = result.planned().cost();
                switch (cost.unit()) {
                    case CREDITS -> credits = credits.add(cost.amount());
                    case USD -> dollars = dollars.add(cost.amount());
                    default -> {
                        // free or unknown: nothing to add
                    }
                }
            }
        }
        return credits.toPlainString() + " credits, $" + dollars.toPlainString();
    }

    private static String estimate(Plan plan) {
        return plan.credits().toPlainString() + " credits, $" + plan.dollars().toPlainString();
    }

    private static long count(Plan plan, Action action) {
        return plan.withAction(action).size();
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}
