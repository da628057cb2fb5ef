package io.github.assetgen.maven;

import io.github.assetgen.core.api.AssetBuild;
import io.github.assetgen.core.api.AssetgenException;
import io.github.assetgen.core.api.BuildSummary;
import io.github.assetgen.core.plan.Plan;
import org.apache.maven.model.Resource;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Validates every spec, restores what the cache holds, resumes open jobs and generates only what
 * is missing; writes the lock file and the reports; adds the output directory to the resources.
 */
@Mojo(
        name = GenerateAssetsMojo.GOAL_NAME,
        defaultPhase = LifecyclePhase.GENERATE_RESOURCES,
        threadSafe = true,
        requiresProject = true)
public class GenerateAssetsMojo extends AbstractAssetgenMojo {

    static final String GOAL_NAME = "generate-assets";

    @Override
    void run(AssetBuild build) throws AssetgenException {
        // run from the lifecycle, plan-assets has just planned and printed: carry out that plan
        Object planned = project.getContextValue(PlanAssetsMojo.PLAN_KEY);
        BuildSummary summary =
                planned instanceof Plan plan ? build.generate(plan) : build.generate(validated(build), true);
        addResourceDirectory();
        getLog().info("assetgen: " + summary.describe());
    }

    private void addResourceDirectory() {
        String directory = outputDirectory.getAbsolutePath();
        boolean present = project.getResources().stream().anyMatch(r -> directory.equals(r.getDirectory()));
        if (!present) {
            Resource resource = new Resource();
            resource.setDirectory(directory);
            project.addResource(resource);
        }
    }
}
