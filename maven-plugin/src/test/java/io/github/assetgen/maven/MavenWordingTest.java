package io.github.assetgen.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assetgen.core.wording.Advice;
import org.junit.jupiter.api.Test;

class MavenWordingTest {

    @Test
    void parametersAreUserPropertiesAndTokensAreSettingsServers() {
        String advice = "run with " + Advice.parameter("force", "true") + " " + Advice.parameter("only", "hero")
                + "; raise " + Advice.parameter("timeout") + "; No token: "
                + Advice.addToken("assetgen-useapi", "USEAPI_TOKEN") + "; check "
                + Advice.checkToken("assetgen-apixo", "APIXO_API_KEY");

        assertThat(MavenWording.INSTANCE.render(advice))
                .isEqualTo("run with -Dassetgen.force=true -Dassetgen.only=hero; raise -Dassetgen.timeout; No token:"
                        + " add a <server> with id 'assetgen-useapi' and the token as <password> to settings.xml, or"
                        + " set the environment variable USEAPI_TOKEN; check the password of the <server> with id"
                        + " 'assetgen-apixo' in ~/.m2/settings.xml, or the environment variable APIXO_API_KEY");
    }

    @Test
    void goingOnlineNamesBothOfMavensOfflineSwitches() {
        assertThat(MavenWording.INSTANCE.render(Advice.online() + " to generate them"))
                .isEqualTo("run Maven online (without -o or -Dassetgen.offline=true) to generate them");
    }
}
