package io.github.assetgen.maven;

import io.github.assetgen.core.api.AssetBuild;
import io.github.assetgen.core.api.AssetgenException;
import io.github.assetgen.core.request.AssetRequest;
import java.util.List;
import java.util.OptionalInt;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Validates every asset spec and reports all mistakes at once. Never uses the network.
 *
 * @since 0.1.0
 */
@Mojo(
        name = ValidateAssetsMojo.GOAL_NAME,
        defaultPhase = LifecyclePhase.VALIDATE,
        threadSafe = true,
        requiresProject = true)
public class ValidateAssetsMojo extends AbstractAssetgenMojo {

    static final String GOAL_NAME = "validate-assets";

    @Override
    void run(AssetBuild build) throws AssetgenException {
        OptionalInt unchanged = build.unchangedValidation();
        if (unchanged.isPresent()) {
            getLog().info("assetgen: " + unchanged.getAsInt()
                    + " asset spec(s) valid (unchanged since the last build).");
            return;
        }
        List<AssetRequest> requests = validated(build);
        // a validation writes its reports too, so target/assetgen never holds an older build's
        if (!reportedLater(PlanAssetsMojo.GOAL_NAME, GenerateAssetsMojo.GOAL_NAME)) {
            build.reportValid(requests);
        }
        getLog().info("assetgen: " + requests.size() + " asset spec(s) valid.");
    }
}
