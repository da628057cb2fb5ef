package io.github.assetgen.core.rules;

import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.specfile.AssetSpec;
import io.github.assetgen.core.specfile.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks every asset of a project against the provider rules and resolves the valid ones into
 * requests. Reports all problems at once; never throws for a user mistake.
 */
public final class RuleBook {

    /**
     * The rule families, in the order they run: each reads what the ones before resolved (type and
     * provider, then model and rules), and problems of one asset are reported in this order.
     */
    private static final List<RuleFamily> FAMILIES = List.of(
            new IdAndShapeRules(), new ModelFieldRules(), new PromptRules(), new InputFileRules(), new OutputRules());

    private final ModelCatalog catalog;

    private RuleBook(ModelCatalog catalog) {
        this.catalog = catalog;
    }

    /** The rule book over the standard catalog. */
    public static RuleBook standard() {
        return new RuleBook(ModelCatalog.standard());
    }

    /**
     * Checks all assets (each alone, then together: ids and output files must be unique) and
     * resolves those without errors.
     */
    public Validation validate(List<AssetSpec> assets, ValidationContext context) {
        InputFiles files = new InputFiles();
        List<Problem> problems = new ArrayList<>();
        List<Optional<AssetRequest>> resolved = new ArrayList<>();
        List<Boolean> failed = new ArrayList<>();
        for (AssetSpec asset : assets) {
            CheckedAsset check = new CheckedAsset(asset, catalog, files, context, problems);
            for (RuleFamily family : FAMILIES) {
                family.check(check);
            }
            resolved.add(CheckedRequests.of(check));
            failed.add(check.failed());
        }
        Map<String, Integer> originals = DuplicateIds.originals(assets, resolved, context);
        Map<String, Claim> outputs = new HashMap<>();
        // the folders outputs need: "img/a.png" needs "img", which no other asset may write as a file
        Map<String, Claim> folders = new HashMap<>();
        for (int i = 0; i < assets.size(); i++) {
            AssetSpec asset = assets.get(i);
            if (asset.id() != null && !asset.id().isEmpty()) {
                int original = originals.get(asset.id());
                if (original != i) {
                    problems.add(IdAndShapeRules.duplicateId(asset, assets.get(original)));
                    failed.set(i, true);
                    continue; // its default output would repeat the same mistake
                }
            }
            if (resolved.get(i).isEmpty()) {
                continue;
            }
            AssetRequest request = resolved.get(i).get();
            boolean placeholder = context.placeholders()
                    || catalog.provider(request.provider())
                            .map(d -> !d.checksModels())
                            .orElse(false);
            // with a pick, only the picked candidate is written: the others cannot collide
            for (String output : request.placedOutputs()) {
                String written = Outputs.written(output, placeholder);
                // case-insensitive: two names differing in case are one file on macOS and Windows
                String file = written.toLowerCase(Locale.ROOT);
                Claim claim = outputs.putIfAbsent(file, new Claim(asset, output));
                if (claim != null && claim.asset() != asset) {
                    problems.add(OutputRules.collision(asset, output, written, claim.asset(), claim.output()));
                    failed.set(i, true);
                    continue;
                }
                Claim asFolder = folders.get(file);
                if (asFolder != null && asFolder.asset() != asset) {
                    problems.add(
                            OutputRules.folderCollision(asset, output, asFolder.asset(), asFolder.output(), written));
                    failed.set(i, true);
                    continue;
                }
                // over the written name, not its lower case, which may be longer ('İ' is two characters)
                for (int slash = written.indexOf('/'); slash > 0; slash = written.indexOf('/', slash + 1)) {
                    String folder = written.substring(0, slash).toLowerCase(Locale.ROOT);
                    folders.putIfAbsent(folder, new Claim(asset, output));
                    Claim asFile = outputs.get(folder);
                    if (asFile != null && asFile.asset() != asset) {
                        problems.add(OutputRules.folderCollision(
                                asset, output, asFile.asset(), asFile.output(), written.substring(0, slash)));
                        failed.set(i, true);
                        break;
                    }
                }
            }
        }
        List<AssetRequest> requests = new ArrayList<>();
        for (int i = 0; i < assets.size(); i++) {
            if (!failed.get(i)) {
                resolved.get(i).ifPresent(requests::add);
            }
        }
        return new Validation(problems, requests);
    }

    private record Claim(AssetSpec asset, String output) {}
}
