package io.github.assetgen.core.api;

import io.github.assetgen.core.plan.Selection;
import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.specfile.SpecSet;
import io.github.assetgen.core.wording.Advice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The mistakes that used to pass quietly: an {@code only} entry that matches no asset ("5 skipped",
 * BUILD SUCCESS) and a misspelt spec directory ("0 asset spec(s) valid"). Stateless.
 */
final class TypoChecks {

    private TypoChecks() {}

    /**
     * The build's selection, once every entry of {@code only} selects some asset.
     *
     * @throws UnknownAssetsException naming each entry that matches nothing and the nearest ids
     */
    static Selection selection(List<AssetRequest> requests, BuildConfig config) throws UnknownAssetsException {
        Selection selection = Selection.of(config.only());
        List<String> ids = requests.stream().map(AssetRequest::id).toList();
        List<String> unmatched = selection.unmatched(ids);
        if (selection.selectsAll() && config.only().stream().anyMatch(entry -> !entry.isBlank())) {
            // "only" given as commas alone (a script's "$ID," with ID empty) must not build, or force, everything
            unmatched = List.of(String.join(",", config.only()));
        }
        if (!unmatched.isEmpty()) {
            throw new UnknownAssetsException(unmatched, ids, config.wording());
        }
        return selection;
    }

    /**
     * A misspelt spec directory must not pass as "0 asset spec(s) valid": say which folder was read.
     * Only a warning, because a plugin bound in a parent POM runs in modules that have no specs.
     */
    static void warnWhenThereAreNoSpecs(SpecSet specs, BuildConfig config, BuildLog log) {
        if (!specs.assets().isEmpty() || !specs.problems().isEmpty()) {
            return;
        }
        Path directory = config.specDirectory();
        Path base = config.projectBaseDir().toAbsolutePath().normalize();
        Path absolute = directory.toAbsolutePath().normalize();
        String shown = absolute.startsWith(base) ? base.relativize(absolute).toString() : absolute.toString();
        String where = Advice.parameter("specDirectory");
        if (Files.notExists(directory)) {
            log.warn("The spec directory " + shown + " does not exist: no asset to validate or build. Put the"
                    + " specs there or set " + where + ".");
        } else {
            log.warn("The spec directory " + shown + " holds no asset spec (*.yaml, *.yml, *.json): no asset to"
                    + " validate or build.");
        }
    }
}
