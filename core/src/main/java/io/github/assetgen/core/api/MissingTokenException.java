package io.github.assetgen.core.api;

import io.github.assetgen.core.provider.ProviderDescriptor;
import io.github.assetgen.core.wording.Advice;
import io.github.assetgen.core.wording.Wording;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Providers the plan must call have no token. Nothing was sent. */
public final class MissingTokenException extends UserErrorException {

    private static final long serialVersionUID = 1L;

    private final List<String> providers;

    /**
     * @param providers the providers without a token, in the order of the plan, each with the ids of
     *     the assets that need it
     * @param buildable the ids of the other assets of the plan, which need no missing token
     */
    MissingTokenException(Map<ProviderDescriptor, List<String>> providers, List<String> buildable, Wording wording) {
        super(
                wording.render(providers.entrySet().stream()
                                .map(p -> "No token for " + p.getKey().name() + " (needed by "
                                        + WayForward.named(p.getValue()) + "): "
                                        + Advice.addToken(
                                                p.getKey().serverId(),
                                                p.getKey().tokenVariable()) + ".")
                                .collect(Collectors.joining("\n"))
                        + "\nNothing was sent."
                        + (buildable.isEmpty()
                                ? ""
                                : " To build only what needs no missing token, "
                                        + WayForward.only(buildable, "that need no missing token") + ".")
                        + " To try the build without a token use"
                        + " " + Advice.parameter("placeholders", "true") + "."),
                null);
        this.providers =
                providers.keySet().stream().map(ProviderDescriptor::name).toList();
    }

    /** The provider names without a token. */
    public List<String> providers() {
        return providers;
    }
}
