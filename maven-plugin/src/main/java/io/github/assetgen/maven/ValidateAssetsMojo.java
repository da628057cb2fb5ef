package io.github.assetgen.maven;

import io.github.assetgen.core.api.AssetBuild;
import io.github.assetgen.core.api.AssetgenException;
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
        int assets = validated(build).size();
        getLog().info("assetgen: " + assets + " asset spec(s) valid.");
    }
}
