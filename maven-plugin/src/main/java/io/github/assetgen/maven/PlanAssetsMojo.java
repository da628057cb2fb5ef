package io.github.assetgen.maven;

import io.github.assetgen.core.build.AssetBuild;
import io.github.assetgen.core.build.AssetgenException;
import io.github.assetgen.core.plan.Plan;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Prints what a build would do for each asset (up to date, restore, resume, generate) and what it
 * would cost, without the network.
 */
@Mojo(name = PlanAssetsMojo.GOAL_NAME, defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true,
        requiresProject = true)
public class PlanAssetsMojo extends AbstractAssetgenMojo {

    static final String GOAL_NAME = "plan-assets";

    /** Project context key: the plan was printed in this build, generate need not print it again. */
    static final String PLAN_SHOWN_KEY = "assetgen.planShown";

    @Override
    void run(AssetBuild build) throws AssetgenException {
        Plan plan = build.plan(validated(build));
        build.printPlan(plan);
        project.setContextValue(PLAN_SHOWN_KEY, Boolean.TRUE);
        build.checkBudget(plan);
    }
}
