package io.github.assetgen.it;

import java.util.ArrayList;
import java.util.List;

/** The three fake providers an IT class shares, and the build arguments and tokens that point a build at them. */
public final class FakeProviders implements AutoCloseable {

    /** Fast timings so retries and polls cost milliseconds, not the providers' real seconds. */
    public static final List<String> FAST_TIMINGS =
            List.of("-Dassetgen.pollInterval=50ms", "-Dassetgen.retryDelay=50ms");

    public final FakeUseapi useapi = new FakeUseapi();
    public final FakeMinimax minimax = new FakeMinimax();
    public final FakeApixo apixo = new FakeApixo();

    public List<FakeProvider> all() {
        return List.of(useapi, minimax, apixo);
    }

    public void reset() {
        all().forEach(FakeProvider::reset);
    }

    /** {@code goalsAndArgs}, then every fake's base URL and the fast timings. */
    public String[] args(String... goalsAndArgs) {
        List<String> args = new ArrayList<>(List.of(goalsAndArgs));
        all().forEach(fake -> args.add(fake.baseUrlArgument()));
        args.addAll(FAST_TIMINGS);
        return args.toArray(String[]::new);
    }

    /** Gives the build every fake's token through its environment variable. */
    public MavenBuild withTokens(MavenBuild build) {
        all().forEach(fake -> build.env(fake.tokenVariable(), fake.token()));
        return build;
    }

    /** Create requests all fakes received, accepted or not. */
    public int createRequests() {
        return all().stream().mapToInt(FakeProvider::createRequests).sum();
    }

    /** Requests of any kind all fakes received. */
    public int requests() {
        return all().stream().mapToInt(FakeProvider::requests).sum();
    }

    @Override
    public void close() {
        all().forEach(FakeProvider::close);
    }
}
