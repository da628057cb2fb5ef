package io.github.assetgen.maven;

/** The {@code <providers>} parameter: per-provider base URL and jobs in flight. */
public class Providers {

    private ProviderParameters useapi;
    private ProviderParameters minimax;
    private ProviderParameters apixo;

    /** The block of one provider, or null when not configured. */
    ProviderParameters get(String name) {
        return switch (name) {
            case "useapi" -> useapi;
            case "minimax" -> minimax;
            case "apixo" -> apixo;
            default -> null;
        };
    }

    public void setUseapi(ProviderParameters useapi) {
        this.useapi = useapi;
    }

    public void setMinimax(ProviderParameters minimax) {
        this.minimax = minimax;
    }

    public void setApixo(ProviderParameters apixo) {
        this.apixo = apixo;
    }
}
