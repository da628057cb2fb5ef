package io.github.assetgen.core.api;

import java.util.List;
import java.util.stream.Collectors;

/** Providers the plan must call have no token. Nothing was sent. */
public final class MissingTokenException extends UserErrorException {

    private static final long serialVersionUID = 1L;

    private final List<String> providers;

    /** @param providers the provider names without a token, in the order of the plan */
    MissingTokenException(List<String> providers) {
        super(providers.stream()
                .map(p -> "No token for " + p + ": add a <server> with id '" + ProviderDefaults.serverId(p)
                        + "' and the token as <password> to settings.xml, or set the environment variable "
                        + ProviderDefaults.environmentVariable(p) + ".")
                .collect(Collectors.joining("\n")) + "\nNothing was sent. To try the build without a token use"
                + " -Dassetgen.placeholders=true.", null);
        this.providers = List.copyOf(providers);
    }

    /** The provider names without a token. */
    public List<String> providers() {
        return providers;
    }
}
