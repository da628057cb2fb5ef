package io.github.assetgen.core.provider.placeholder;

import io.github.assetgen.core.provider.ClientContext;
import io.github.assetgen.core.provider.Cost;
import io.github.assetgen.core.provider.DefaultModels;
import io.github.assetgen.core.provider.ModelRules;
import io.github.assetgen.core.provider.ProviderClient;
import io.github.assetgen.core.provider.ProviderDefaults;
import io.github.assetgen.core.provider.ProviderDescriptor;
import io.github.assetgen.core.provider.ProviderInputs;
import io.github.assetgen.core.provider.Recollection;
import io.github.assetgen.core.provider.RenderSize;
import io.github.assetgen.core.request.AssetRequest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The local {@code placeholder} provider: free, no token, no network. It takes any model name and
 * any input, and renders at the size the named model of any provider would make. Immutable.
 */
public final class PlaceholderProvider implements ProviderDescriptor {

    /** The name specs use. */
    static final String NAME = "placeholder";

    private static final ProviderInputs INPUTS =
            new ProviderInputs(true, true, ProviderInputs.IMAGES, Long.MAX_VALUE, false, false);

    private final ProviderDefaults defaults;

    /**
     * @param models the default models it borrows (the default provider's), so a spec without a
     *     model renders at a realistic size
     */
    public PlaceholderProvider(DefaultModels models) {
        this.defaults = new ProviderDefaults(
                Objects.requireNonNull(models, "models"),
                URI.create("http://placeholder.invalid"),
                Duration.ZERO,
                Duration.ZERO,
                Duration.ofSeconds(60),
                Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean remote() {
        return false;
    }

    @Override
    public boolean checksModels() {
        return false;
    }

    @Override
    public ProviderDefaults defaults() {
        return defaults;
    }

    /** None: it needs no token. */
    @Override
    public String tokenVariable() {
        return null;
    }

    /** Renders are kept a day, so a resumed build finds them. */
    @Override
    public Duration resultRetention() {
        return Duration.ofHours(24);
    }

    /** Renders are deterministic and free, so anything is simply rendered again. */
    @Override
    public Recollection recollection() {
        return Recollection.renderAgain();
    }

    @Override
    public ProviderInputs inputs() {
        return INPUTS;
    }

    /** None of its own: it borrows the size of any provider's model. */
    @Override
    public List<ModelRules> models() {
        return List.of();
    }

    @Override
    public Cost estimate(AssetRequest request) {
        return Cost.free();
    }

    @Override
    public RenderSize renderSize(ModelRules model, AssetRequest request) {
        throw new IllegalArgumentException(
                "the placeholder has no models of its own; it renders at the size of " + model.provider() + "'s");
    }

    @Override
    public ProviderClient createClient(ClientContext context) {
        return new PlaceholderClient(
                request -> {
                    RenderSize size = context.renderSize().apply(request);
                    return new PlaceholderSizer.Size(size.width(), size.height(), size.durationSeconds());
                },
                context.workDirectory().resolve(NAME));
    }
}
