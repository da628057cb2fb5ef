package io.github.assetgen.maven;

import io.github.assetgen.core.api.AssetBuild;
import io.github.assetgen.core.api.AssetgenException;
import io.github.assetgen.core.plan.Plan;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Prints what a build would do for each asset (generate, restore, resume, kept …) and why, and what
 * it would cost, without the network.
 *
 * @since 0.1.0
 */
@Mojo(
        name = PlanAssetsMojo.GOAL_NAME,
        defaultPhase = LifecyclePhase.VALIDATE,
        threadSafe = true,
        requiresProject = true)
public class PlanAssetsMojo extends AbstractPlanningMojo {

    static final String GOAL_NAME = "plan-assets";

    /** Project context key: the plan printed in this build, which generate then carries out. */
    static final String PLAN_KEY = "assetgen.plan";

    @Override
    void run(AssetBuild build) throws AssetgenException {
        if (unchanged(build)) {
            return;
        }
        Plan plan = build.plan(validated(build));
        build.printPlan(plan);
        project.setContextValue(PLAN_KEY, plan);
        build.checkBudget(plan);
        if (!reportedLater(GenerateAssetsMojo.GOAL_NAME)) {
            build.reportPlan(plan);
        }
    }
}
