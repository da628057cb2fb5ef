package io.github.assetgen.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where tokens come from and that they never show in a log. */
class CredentialsIT extends ItSupport {

    private static final String SECRET_PART = "fake-test-token";

    @Test
    void aTokenFromASettingsServerWorks() {
        MavenBuild build = prepareWithoutTokens("generate").server("assetgen-useapi", FakeUseapi.TOKEN);

        BuildResult result = build.run(fakes.args(GENERATE));

        result.assertSuccess();
        assertThat(fakes.useapi.unauthorized()).isZero();
        assertThat(fakes.useapi.createRequests()).isEqualTo(3);
        assertThat(result.log()).doesNotContain(SECRET_PART);
    }

    @Test
    void aDebugBuildNeverPrintsTheToken() {
        MavenBuild build = prepare("generate").server("assetgen-useapi", FakeUseapi.TOKEN);

        BuildResult result = build.run(fakes.args("-X", GENERATE));

        result.assertSuccess();
        assertThat(result.log()).contains("[DEBUG]");
        assertThat(result.log()).doesNotContain(FakeUseapi.TOKEN).doesNotContain(SECRET_PART);
        assertThat(fakes.useapi.createRequests()).isEqualTo(3);
    }

    @Test
    void aMissingTokenFailsNamingWhereToPutIt() {
        MavenBuild build = prepareWithoutTokens("generate");

        BuildResult result = build.run(fakes.args(GENERATE));

        result.assertFailure();
        assertThat(result.log()).contains("USEAPI_TOKEN");
        assertThat(result.stackTraceLines()).isEmpty();
        assertThat(fakes.useapi.createRequests()).isZero();
    }

    @Test
    void aWrongTokenStopsWorkAtTheFirst401AndIsNotPrinted() {
        String wrong = "user:9999-wrong-token-not-real";
        MavenBuild build = prepareWithoutTokens("generate").env("USEAPI_TOKEN", wrong);

        BuildResult result = build.run(fakes.args(GENERATE, "-Dassetgen.useapi.maxJobs=1"));

        result.assertFailure();
        assertThat(fakes.useapi.unauthorized()).isEqualTo(1);
        assertThat(result.log()).doesNotContain(wrong).doesNotContain("wrong-token-not-real");
        assertThat(result.stackTraceLines()).isEmpty();
    }
}
