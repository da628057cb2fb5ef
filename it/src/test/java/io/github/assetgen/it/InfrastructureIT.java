package io.github.assetgen.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The harness itself, on a project without the plugin: forked builds run offline, logs are kept, kills work. */
class InfrastructureIT {

    @Test
    void aForkedBuildRunsWithThePreparedSettingsAndKeepsItsLog() {
        MavenBuild build = MavenBuild.prepare("plain", "InfrastructureIT-log");

        BuildResult result = build.run("-o", "validate");

        result.assertSuccess();
        // plain log levels: a coloured log would read "[\u001b[1;34mINFO\u001b[m]"
        assertThat(result.log()).contains("[INFO] BUILD SUCCESS");
        assertThat(build.file("build.log")).hasContent(result.log());
        assertThat(ItSupport.read(build.file("pom.xml")))
                .contains(MavenBuild.required("it.projectVersion"))
                .doesNotContain("@project.version@");
        assertThat(ItSupport.read(build.settingsFile()))
                .contains(Path.of(MavenBuild.required("it.outerRepo")).toUri().toString());
    }

    @Test
    void aBrokenProjectFailsWithANonZeroExitCode() {
        MavenBuild build = MavenBuild.prepare("plain", "InfrastructureIT-broken");
        ItSupport.replace(
                build.file("pom.xml"), "<packaging>pom</packaging>", "<packaging>no-such-packaging</packaging>");

        BuildResult result = build.run("-o", "validate");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.log()).contains("[ERROR] ").contains("no-such-packaging");
    }

    @Test
    void settingsServersAreWrittenForTheBuild() {
        MavenBuild build =
                MavenBuild.prepare("plain", "InfrastructureIT-servers").server("assetgen-useapi", "a<b");
        assertThat(ItSupport.read(build.settingsFile()))
                .contains("<server><id>assetgen-useapi</id><password>a&lt;b</password></server>");
        build.run("-o", "validate").assertSuccess();
    }

    @Test
    void aKilledBuildEndsAtOnce() {
        MavenBuild build = MavenBuild.prepare("plain", "InfrastructureIT-kill");
        // -X prints a debug line early; the build is killed before or while it validates
        MavenBuild.RunningBuild running = build.start("-o", "-X", "validate");
        running.awaitLog("[DEBUG]", Duration.ofSeconds(60));

        BuildResult killed = running.kill();

        assertThat(running.isAlive()).isFalse();
        assertThat(killed.exitCode()).isNotZero();
    }
}
