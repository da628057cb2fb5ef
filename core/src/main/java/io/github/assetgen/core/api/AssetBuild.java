package io.github.assetgen.core.api;

import io.github.assetgen.core.plan.DiskState;
import io.github.assetgen.core.plan.Plan;
import io.github.assetgen.core.plan.PlannedAsset;
import io.github.assetgen.core.plan.Planner;
import io.github.assetgen.core.plan.Selection;
import io.github.assetgen.core.provider.ProviderClient;
import io.github.assetgen.core.provider.http.Sleeper;
import io.github.assetgen.core.provider.registry.ProviderRegistry;
import io.github.assetgen.core.report.OutputFacts;
import io.github.assetgen.core.report.PlanTable;
import io.github.assetgen.core.report.RunReports;
import io.github.assetgen.core.report.Spending;
import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.rules.Pricing;
import io.github.assetgen.core.rules.RuleBook;
import io.github.assetgen.core.rules.Validation;
import io.github.assetgen.core.rules.ValidationContext;
import io.github.assetgen.core.run.AssetResult;
import io.github.assetgen.core.run.AssetRunner;
import io.github.assetgen.core.run.AssetStatus;
import io.github.assetgen.core.run.OutputPlacer;
import io.github.assetgen.core.run.RunPolicy;
import io.github.assetgen.core.specfile.Problem;
import io.github.assetgen.core.specfile.SpecReader;
import io.github.assetgen.core.specfile.SpecSet;
import io.github.assetgen.core.store.LockFile;
import io.github.assetgen.core.store.OutputStamps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * One assetgen run over a project: validate the specs, plan, then restore or generate. The Maven
 * goals call this and nothing else. Not thread-safe; one instance per goal execution.
 */
public final class AssetBuild {

    /** Under the report directory: what proves each output unchanged since it was last hashed. */
    static final String STAMPS_FILE = "output-stamps.tsv";

    private final BuildConfig config;
    private final BuildLog log;
    private final Clock clock;
    private final Sleeper sleeper;
    private final BuildLock lock;
    private final BuildProviders providers;
    private final BuildReports reports;
    private final UpToDateCheck upToDate;
    private final boolean fastPathAllowed;

    public AssetBuild(BuildConfig config, BuildLog log) {
        this(config, log, CiEnvironment.NONE);
    }

    /** A build on a CI server, which shows problems and the summary where that server looks. */
    public AssetBuild(BuildConfig config, BuildLog log, CiEnvironment ci) {
        this(config, log, ci, Clock.systemUTC(), Sleeper.SYSTEM);
    }

    AssetBuild(BuildConfig config, BuildLog log, Clock clock, Sleeper sleeper) {
        this(config, log, CiEnvironment.NONE, clock, sleeper);
    }

    AssetBuild(BuildConfig config, BuildLog log, CiEnvironment ci, Clock clock, Sleeper sleeper) {
        this.config = config;
        // every line core logs passes the host's wording, so advice names parameters as the user types them
        this.log = new WordedLog(log, config.wording());
        this.clock = clock;
        this.sleeper = sleeper;
        this.lock = new BuildLock(config);
        this.providers = new BuildProviders(config);
        this.reports = new BuildReports(config, ci, this.log);
        this.upToDate = new UpToDateCheck(config, lock.path(), clock);
        // GitHub Actions shows this build's annotations and step summary, which only the full path writes
        this.fastPathAllowed = !ci.githubActions() && ci.stepSummary() == null;
    }

    /**
     * Reads and checks every spec; prints every problem, one per line.
     *
     * @return one resolved request per asset
     * @throws SpecErrorsException when any spec has an error
     */
    public List<AssetRequest> validate() throws SpecErrorsException {
        upToDate.forget(UpToDateCheck.VALIDATED);
        upToDate.forget(UpToDateCheck.UP_TO_DATE);
        SpecSet specs = new SpecReader().read(config.specDirectory(), config.projectBaseDir(), config.rootDirectory());
        TypoChecks.warnWhenThereAreNoSpecs(specs, config, log);
        Validation validation = RuleBook.standard()
                .validate(
                        specs.assets(),
                        new ValidationContext(
                                config.projectBaseDir(), config.placeholders(), config.rootDirectory(), lock.keys()));
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
        reports.validated(problems);
        if (errors > 0) {
            SpecErrorsException failure = new SpecErrorsException(problems);
            reports.stopped(RunReports.validated(validation.requests(), "the specs have errors"), failure);
            throw failure;
        }
        List<AssetRequest> requests = validation.requests();
        upToDate.recordValidation(
                requests.size(),
                References.of(requests),
                problems.stream().map(Problem::format).toList());
        if (config.placeholders()) {
            String placeholder = ProviderRegistry.standard().placeholder().name();
            requests = requests.stream().map(r -> r.withProvider(placeholder)).toList();
        }
        return requests;
    }

    /** The assets the last validation found valid, when nothing it read has changed; its warnings are printed again. */
    public OptionalInt unchangedValidation() {
        return fastPathAllowed ? upToDate.validation(log) : OptionalInt.empty();
    }

    /** The assets the last all-kept build kept, when nothing it read or wrote has changed: nothing to plan or send. */
    public OptionalInt unchangedBuild() {
        return fastPathAllowed ? upToDate.build(log) : OptionalInt.empty();
    }

    /** Writes this build's reports of a validation that found no error (validate-assets alone). */
    public void reportValid(List<AssetRequest> requests) {
        reports.valid(requests);
    }

    /** Writes this build's reports of a plan that was printed and is not carried out (plan-assets). */
    public void reportPlan(Plan plan) {
        reports.planned(plan);
    }

    /**
     * Decides what each asset needs, from files only.
     *
     * @throws LockFileDamagedException when the lock file cannot be read
     * @throws BuildFaultException when the cache cannot be read
     */
    public Plan plan(List<AssetRequest> requests) throws AssetgenException {
        upToDate.forget(UpToDateCheck.UP_TO_DATE);
        Selection selection;
        try {
            selection = TypoChecks.selection(requests, config);
        } catch (UnknownAssetsException e) {
            reports.stopped(List.of(), e);
            throw e;
        }
        String context = "cannot read the cache or lock file: ";
        try {
            Stores stores = stores();
            OutputStamps stamps = OutputStamps.read(config.reportDirectory().resolve(STAMPS_FILE), clock);
            DiskState state = new DiskState(
                    lock.read(context),
                    config.outputDirectory(),
                    stores.cache(),
                    stores.journal(),
                    BuildProviders::resultRetention,
                    OutputPlacer::placedPath,
                    clock,
                    stamps);
            Plan plan =
                    new Planner(Pricing.standard()).plan(requests, state, selection, config.force(), config.offline());
            stamps.save();
            return plan;
        } catch (LockFileDamagedException e) {
            reports.stopped(List.of(), e);
            throw e;
        } catch (IOException e) {
            throw reportedFault(context, e);
        } catch (UncheckedIOException e) {
            // the planner reads the cache and journal per asset, through streams
            throw reportedFault(context, e.getCause());
        }
    }

    /** Prints one line per asset and the totals. */
    public void printPlan(Plan plan) {
        PlanTable.lines(plan).forEach(log::info);
        PlanTable.unpricedWarning(plan).ifPresent(log::warn);
        // files it would delete are part of what a build does: said before it does it
        List<LockFile> locks;
        try {
            locks = List.of(lock.read("cannot read the lock file: "), lock.readOther());
        } catch (IOException | LockFileDamagedException e) {
            return; // the build itself stops on it, saying why
        }
        for (String removal : new BuildOutputs(config, log).removals(plan, locks)) {
            log.info("  " + removal);
        }
    }

    /** Fails before anything is sent, with this build's reports, when the plan costs more than the budget. */
    public void checkBudget(Plan plan) throws BudgetExceededException {
        try {
            requireWithinBudget(plan);
        } catch (BudgetExceededException e) {
            reports.stopped(RunReports.notRun(plan.assets(), e.getMessage()), e);
            throw e;
        }
    }

    private void requireWithinBudget(Plan plan) throws BudgetExceededException {
        var problem = plan.budgetProblem(config.maxCredits(), config.maxUsd());
        if (problem.isPresent()) {
            throw new BudgetExceededException(
                    config.wording().render(problem.get()),
                    plan.credits(),
                    plan.dollars(),
                    config.maxCredits(),
                    config.maxUsd());
        }
    }

    /**
     * Validated requests in, assets out: plans, checks the budget and credentials, restores,
     * resumes and generates, then writes the lock file and the reports.
     *
     * @param showPlan print the plan first (generate-assets run alone)
     * @throws AssetsFailedException when any asset failed (after everything that succeeded was kept)
     * @throws UserErrorException for the other mistakes: budget, token, damaged lock file
     * @throws BuildFaultException when the cache, outputs or reports cannot be read or written
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
     * @throws AssetsFailedException when any asset failed (after everything that succeeded was kept)
     * @throws LockedBuildException in a locked build, before anything is sent, when any asset
     *     would need a create request
     * @throws UserErrorException for the other mistakes: budget, balance, token, damaged lock file
     * @throws BuildFaultException when the cache, outputs or reports cannot be read or written
     */
    public BuildSummary generate(Plan plan) throws AssetgenException {
        Instant start = clock.instant();
        // the reports written below replace the ones a standing validation would leave in place
        byte[] validation = upToDate.withdraw(UpToDateCheck.VALIDATED);
        String context = "I/O error: ";
        try {
            LockFile lockEntries = lock.read(context);
            if (config.locked()) {
                BuildLock.requireNothingToBuy(plan, lockEntries, config.wording());
            }
            requireWithinBudget(plan);
            providers.checkCredentials(plan);
            Stores stores = stores();
            stores.cleanLeftovers(config.reportDirectory(), start);
            RunPolicy policy = providers.runPolicy();
            Map<String, ProviderClient> clients = providers.clients(plan, stores);
            Map<String, String> refused = BalanceCheck.check(plan, clients, config.offline(), log, config.wording());
            RunnerWork split = new RunnerWork(config, log, lock);
            List<PlannedAsset> work = split.of(plan, policy);
            AssetRunner runner = new AssetRunner(
                    clients,
                    config.providers(),
                    stores.cache(),
                    stores.journal(),
                    stores.locks(),
                    config.outputDirectory(),
                    config.cacheDirectory().resolve("tmp"),
                    config.assetTimeout(),
                    config.force(),
                    clock,
                    sleeper,
                    new SecureRandom(),
                    log,
                    policy);
            refused.forEach(runner::stop);
            RunnerWork.protectKept(plan, lockEntries, runner);
            List<AssetResult> results = split.results(plan, lockEntries, runner.run(work));
            results.sort(Comparator.comparing(AssetResult::id));
            LockFile written = lock.write(
                    lockEntries, results, Selection.of(config.only()).selectsAll(), clock.instant(), stores.locks());
            BuildOutputs outputDirectory = new BuildOutputs(config, log);
            OutputFacts outputs = outputDirectory.settle(plan, results, lockEntries, lock, stores);
            BuildSummary summary = new BuildSummary(
                    results,
                    Spending.spent(results),
                    Spending.byProvider(results),
                    Spending.lockedTotal(written),
                    Duration.between(start, clock.instant()));
            reports.write(
                    RunReports.outcomes(results, outputs),
                    RunReports.summary(results, outputs, summary.spent(), summary.wallTime()),
                    null);
            // the closing line, the same whether the build fails or not (an info line: -q hides it)
            log.info("assetgen: " + summary.describe());
            if (results.stream().allMatch(r -> r.status() == AssetStatus.KEPT)) {
                if (outputDirectory.settled()) {
                    // else the prune it could not do would never be tried while nothing changes
                    upToDate.recordBuild(results.size(), References.of(plan), outputDirectory.warnings());
                }
                upToDate.restore(UpToDateCheck.VALIDATED, validation);
            }
            if (!summary.failures().isEmpty()) {
                throw new AssetsFailedException(
                        summary.failures(),
                        WayForward.offline(plan, config.offline())
                                .map(config.wording()::render)
                                .orElse(null));
            }
            return summary;
        } catch (AssetsFailedException e) {
            throw e; // its reports are written
        } catch (UserErrorException e) {
            // stopped before any asset ran (locked build, budget, token, balance, damaged lock)
            reports.stopped(RunReports.notRun(plan.assets(), e.getMessage()), e);
            throw e;
        } catch (IOException e) {
            throw reportedFault(context, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BuildFaultException(
                    "interrupted; jobs in flight are recorded and the next build resumes them", e);
        }
    }

    /**
     * A fault (BUILD ERROR) with this build's reports: what happened to the assets is not known here,
     * so they list none, but the failure replaces any older build's report.
     */
    private BuildFaultException reportedFault(String context, IOException e) {
        BuildFaultException fault = new BuildFaultException(config.wording().render(context + e.getMessage()), e);
        reports.stopped(List.of(), fault);
        return fault;
    }

    private Stores stores() throws IOException {
        return Stores.open(config.cacheDirectory(), config.outputDirectory(), clock, log);
    }
}
