package io.github.assetgen.core.api;

import io.github.assetgen.core.plan.Plan;
import io.github.assetgen.core.plan.PlannedAsset;
import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.request.InputFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The local files the requests read besides their specs (reference images), for the up-to-date check. */
final class References {

    private References() {}

    static Set<Path> of(List<AssetRequest> requests) {
        Set<Path> paths = new TreeSet<>();
        for (AssetRequest request : requests) {
            List<InputFile> inputs = new ArrayList<>(request.references());
            inputs.add(request.character());
            inputs.add(request.firstFrame());
            inputs.add(request.endFrame());
            for (InputFile input : inputs) {
                if (input != null && input.isLocal()) {
                    paths.add(input.path());
                }
            }
        }
        return paths;
    }

    static Set<Path> of(Plan plan) {
        return of(plan.assets().stream().map(PlannedAsset::request).toList());
    }
}
