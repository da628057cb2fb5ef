package io.github.assetgen.core.api;

import io.github.assetgen.core.provider.ProviderDescriptor;
import java.util.List;
import java.util.stream.Collectors;

/** Providers the plan must call have no token. Nothing was sent. */
public final class MissingTokenException extends UserErrorException {

    private static final long serialVersionUID = 1L;

    private final List<String> providers;

    /** @param providers the providers without a token, in the order of the plan */
    MissingTokenException(List<ProviderDescriptor> providers) {
        super(
                providers.stream()
                                .map(p -> "No token for " + p.name() + ": add a <server> with id '" + p.serverId()
                                        + "' and the token as <password> to settings.xml, or set the environment variable "
                                        + p.tokenVariable() + ".")
                                .collect(Collectors.joining("\n"))
                        + "\nNothing was sent. To try the build without a token use"
                        + " -Dassetgen.placeholders=true.",
                null);
        this.providers = providers.stream().map(ProviderDescriptor::name).toList();
    }

    /** The provider names without a token. */
    public List<String> providers() {
        return providers;
    }
}
