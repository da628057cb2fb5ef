package io.github.assetgen.core.provider;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretTest {

    @Test
    void aTokenNeverPrintsAndIsMaskedWhereATextEchoesIt() {
        Secret token = Secret.of("user:1234-0123456789abcdef");

        assertThat(token).hasToString("****");
        assertThat(token.redact("refused user:1234-0123456789abcdef, twice: user:1234-0123456789abcdef"))
                .isEqualTo("refused ****, twice: ****");
        assertThat(token.redactAnswer("{\"statusLabel\":\"user:1234-0123456789abcdef\"}"))
                .isEqualTo("{\"statusLabel\":\"****\"}");
    }

    @Test
    void aPlaceholderTokenTooShortToBeToldFromOrdinaryTextLeavesAnAnswerWhole() {
        // masking "abc" would break the address of the result file; messages are still cleaned of it
        Secret placeholder = Secret.of("abc");
        String answer = "{\"downloadURL\":\"https://cdn.example/abc123.png\"}";

        assertThat(placeholder.redactAnswer(answer)).isEqualTo(answer);
        assertThat(placeholder.redact("the token abc was refused")).isEqualTo("the token **** was refused");
    }
}
