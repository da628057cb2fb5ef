package io.github.assetgen.core.api;

import io.github.assetgen.core.provider.ProviderDescriptor;
import io.github.assetgen.core.wording.Advice;
import io.github.assetgen.core.wording.Wording;
import java.util.List;
import java.util.stream.Collectors;

/** Providers the plan must call have no token. Nothing was sent. */
public final class MissingTokenException extends UserErrorException {

    private static final long serialVersionUID = 1L;

    private final List<String> providers;

    /** @param providers the providers without a token, in the order of the plan */
    MissingTokenException(List<ProviderDescriptor> providers, Wording wording) {
        super(
                wording.render(providers.stream()
                                .map(p -> "No token for " + p.name() + ": "
                                        + Advice.addToken(p.serverId(), p.tokenVariable()) + ".")
                                .collect(Collectors.joining("\n"))
                        + "\nNothing was sent. To try the build without a token use"
                        + " " + Advice.parameter("placeholders", "true") + "."),
                null);
        this.providers = providers.stream().map(ProviderDescriptor::name).toList();
    }

    /** The provider names without a token. */
    public List<String> providers() {
        return providers;
    }
}
