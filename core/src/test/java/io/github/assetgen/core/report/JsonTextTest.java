package io.github.assetgen.core.report;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JsonTextTest {

    @Test
    void anObjectLeftOpenIsAnErrorRatherThanQuietlyClosed() throws Exception {
        // a missing end() in a report writer would move every later field into the wrong object
        JsonText json = new JsonText().object().object("summary").field("assets", 2);

        assertThatThrownBy(json::text).isInstanceOf(IllegalStateException.class);
    }
}
