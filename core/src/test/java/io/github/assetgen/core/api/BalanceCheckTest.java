package io.github.assetgen.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.assetgen.core.plan.Action;
import io.github.assetgen.core.plan.Plan;
import io.github.assetgen.core.plan.PlannedAsset;
import io.github.assetgen.core.provider.Cost;
import io.github.assetgen.core.provider.DownloadedFile;
import io.github.assetgen.core.provider.FileIdMemory;
import io.github.assetgen.core.provider.JobRef;
import io.github.assetgen.core.provider.JobState;
import io.github.assetgen.core.provider.ProviderClient;
import io.github.assetgen.core.provider.ProviderException;
import io.github.assetgen.core.provider.ResultLocation;
import io.github.assetgen.core.provider.SubmitResult;
import io.github.assetgen.core.provider.http.HttpClientFactory;
import io.github.assetgen.core.provider.http.RecordingSleeper;
import io.github.assetgen.core.provider.http.TestSettings;
import io.github.assetgen.core.provider.minimax.MinimaxClient;
import io.github.assetgen.core.provider.useapi.UseapiClient;
import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.request.AssetType;
import io.github.assetgen.core.specfile.Position;
import io.github.assetgen.core.wording.Wording;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class BalanceCheckTest {

    private final CollectingLog log = new CollectingLog();

    /** A client that only answers balances, and remembers which accounts it was asked about. */
    private static final class BalanceClient implements ProviderClient {

        final List<String> asked = new ArrayList<>();
        private final Function<String, Cost> balances;

        BalanceClient(Function<String, Cost> balances) {
            this.balances = balances;
        }

        @Override
        public String name() {
            return "fake";
        }

        @Override
        public SubmitResult submit(AssetRequest request) {
            throw new AssertionError("nothing is created by a balance check");
        }

        @Override
        public JobState poll(JobRef job) {
            throw new AssertionError();
        }

        @Override
        public DownloadedFile download(ResultLocation result, Path target) {
            throw new AssertionError();
        }

        @Override
        public Optional<Cost> balance(String account) throws ProviderException {
            asked.add(account);
            Cost balance = balances.apply(account);
            if (balance == null) {
                throw new ProviderException(
                        ProviderException.Kind.REJECTED, "fake", 404, "no such endpoint", null, null);
            }
            if (balance.unit() == Cost.Unit.UNKNOWN) {
                throw new ProviderException(
                        ProviderException.Kind.PROVIDER_STOP, "fake", 401, "the token was refused", null, null);
            }
            return Optional.of(balance);
        }
    }

    private static PlannedAsset generate(String id, String provider, String account, Cost cost, Action action) {
        AssetRequest request = new AssetRequest(
                id,
                provider,
                AssetType.IMAGE,
                "image-01",
                "p",
                Map.of(),
                List.of(),
                null,
                null,
                null,
                account,
                List.of(id + ".png"),
                Position.startOf("a.yaml"));
        return new PlannedAsset(request, "a".repeat(64), action, cost, null, null);
    }

    private static PlannedAsset generate(String id, String provider, String account, Cost cost) {
        return generate(id, provider, account, cost, Action.GENERATE);
    }

    @StartStop
    MockWebServer server = new MockWebServer();

    @Test
    void aBalanceReadIsBoundedOnItsOwnSoAProviderAskingToWaitADayIsNotWaitedFor() throws Exception {
        // before any asset runs, no asset's timeout bounds this read: 5 answers of "wait a day" (each
        // capped to 5 min) once cost 20 minutes of waiting before the first create
        for (int i = 0; i < 5; i++) {
            server.enqueue(new MockResponse.Builder()
                    .code(429)
                    .setHeader("Retry-After", "86400")
                    .body("{\"error\":\"slow down\"}")
                    .build());
        }
        RecordingSleeper sleeper = new RecordingSleeper();
        UseapiClient useapi = new UseapiClient(
                TestSettings.forServer("useapi", server, 4), new HttpClientFactory(), FileIdMemory.inMemory(), sleeper);
        Plan plan = new Plan(List.of(generate("a", "useapi", null, Cost.credits(6))));

        BalanceCheck.check(plan, Map.of("useapi", useapi), false, log, Wording.PLAIN);

        assertThat(sleeper.delays().stream().reduce(Duration.ZERO, Duration::plus))
                .isLessThanOrEqualTo(BalanceCheck.READ_LIMIT);
        assertThat(log.warnings).singleElement().asString().startsWith("could not read the balance at useapi");
    }

    /** MiniMax's official API on the test server, which answers what each test enqueues. */
    private MinimaxClient minimax() {
        return new MinimaxClient(
                TestSettings.forServer("minimax", server, 0),
                new HttpClientFactory(),
                new RecordingSleeper(),
                MinimaxClient.ImageFormat.URL);
    }

    @Test
    void aBalanceOfAbsurdSizeIsAWarningReadAtOnceNotMinutesOfArithmetic() throws Exception {
        for (String amount :
                List.of("\"1e30000000\"", "\"1e-2147483647\"", "1e400", "\"" + "9".repeat(100_000) + "\"")) {
            server.enqueue(new MockResponse.Builder()
                    .setHeader("Content-Type", "application/json")
                    .body("{\"available_amount\":" + amount + ",\"base_resp\":{\"status_code\":0}}")
                    .build());
        }
        MinimaxClient minimax = minimax();
        Plan plan = new Plan(List.of(generate("a", "minimax", null, Cost.usd(new BigDecimal("0.0035")))));

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (int i = 0; i < 4; i++) {
                BalanceCheck.check(plan, Map.of("minimax", minimax), false, log, Wording.PLAIN);
            }
        });

        assertThat(log.warnings)
                .hasSize(4)
                .allSatisfy(w -> assertThat(w)
                        .startsWith("could not read the balance at minimax")
                        .containsPattern("available_amount is not a (usable amount|number|finite number)")
                        .hasSizeLessThan(600));
    }

    @Test
    void aNearlyEmptyBalanceWrittenAsADoubleStillStopsTheBuild() {
        // 19 decimals: cut to the 18 a cost keeps, not refused as out of range (which only warned)
        server.enqueue(new MockResponse.Builder()
                .setHeader("Content-Type", "application/json")
                .body("{\"available_amount\":5.000000000007887E-4,\"base_resp\":{\"status_code\":0}}")
                .build());
        MinimaxClient minimax = minimax();
        Plan plan = new Plan(List.of(generate("a", "minimax", null, Cost.usd(new BigDecimal("0.0035")))));

        assertThatThrownBy(() -> BalanceCheck.check(plan, Map.of("minimax", minimax), false, log, Wording.PLAIN))
                .isInstanceOf(BalanceTooLowException.class)
                .hasMessageStartingWith("the estimate for minimax is $0.0035 but its balance is $0.000500000000000788");
    }

    @Test
    void anEstimateAboveTheBalanceFailsNamingBothFigures() {
        BalanceClient apixo = new BalanceClient(account -> Cost.usd(new BigDecimal("0.005")));
        Plan plan = new Plan(List.of(
                generate("a", "apixo", null, Cost.usd(new BigDecimal("0.0035"))),
                generate("b", "apixo", null, Cost.usd(new BigDecimal("0.0035")))));

        assertThatThrownBy(() -> BalanceCheck.check(plan, Map.of("apixo", apixo), false, log, Wording.PLAIN))
                .isInstanceOf(BalanceTooLowException.class)
                .hasMessageStartingWith("the estimate for apixo is $0.007 but its balance is $0.005")
                .hasMessageContaining("Nothing was sent");
        assertThat(apixo.asked).containsExactly((String) null);
    }

    @Test
    void useapiIsAskedOncePerAccountAndEachAccountIsComparedWithItsOwnCredits() throws Exception {
        BalanceClient useapi =
                new BalanceClient(account -> "rich".equals(account) ? Cost.credits(100) : Cost.credits(5));
        Plan plan = new Plan(List.of(
                generate("a", "useapi", "rich", Cost.credits(40)),
                generate("b", "useapi", "rich", Cost.credits(40)),
                generate("c", "useapi", "poor", Cost.credits(8))));

        assertThatThrownBy(() -> BalanceCheck.check(plan, Map.of("useapi", useapi), false, log, Wording.PLAIN))
                .hasMessageStartingWith(
                        "the estimate for useapi account poor is 8 credits but its balance is 5 credits");
        assertThat(useapi.asked).containsExactlyInAnyOrder("poor", "rich");
    }

    @Test
    void aBalanceThatCannotBeReadIsAWarningAndTheBuildGoesOn() throws Exception {
        BalanceClient minimax = new BalanceClient(account -> null);
        Plan plan = new Plan(List.of(generate("a", "minimax", null, Cost.usd(new BigDecimal("0.28")))));

        assertThat(BalanceCheck.check(plan, Map.of("minimax", minimax), false, log, Wording.PLAIN))
                .isEmpty();

        assertThat(log.warnings).singleElement().asString().contains("could not read the balance at minimax");
    }

    @Test
    void aTokenRefusedOnTheBalanceReadKeepsCreatesFromThatProvider() throws Exception {
        BalanceClient useapi = new BalanceClient(account -> Cost.unknown());
        Plan plan = new Plan(List.of(generate("a", "useapi", null, Cost.credits(4))));

        Map<String, String> refused = BalanceCheck.check(plan, Map.of("useapi", useapi), false, log, Wording.PLAIN);

        assertThat(refused).containsOnly(org.assertj.core.api.Assertions.entry("useapi", "the token was refused"));
    }

    @Test
    void nothingIsAskedOfflineOrWhenNothingIsGeneratedOrOfAProviderWithoutAClient() throws Exception {
        BalanceClient apixo = new BalanceClient(account -> Cost.usd(BigDecimal.ZERO));
        Plan generating = new Plan(List.of(generate("a", "apixo", null, Cost.usd(BigDecimal.ONE))));
        Plan resuming = new Plan(List.of(generate("a", "apixo", null, Cost.usd(BigDecimal.ONE), Action.RESUME)));

        BalanceCheck.check(generating, Map.of("apixo", apixo), true, log, Wording.PLAIN);
        BalanceCheck.check(resuming, Map.of("apixo", apixo), false, log, Wording.PLAIN);
        BalanceCheck.check(generating, Map.of(), false, log, Wording.PLAIN);

        assertThat(apixo.asked).isEmpty();
    }

    @Test
    void anEstimateWithinTheBalanceIsLoggedWithBothFigures() throws Exception {
        BalanceClient apixo = new BalanceClient(account -> Cost.usd(new BigDecimal("74.87")));
        Plan plan = new Plan(List.of(generate("a", "apixo", null, Cost.usd(new BigDecimal("0.0035")))));

        BalanceCheck.check(plan, Map.of("apixo", apixo), false, log, Wording.PLAIN);

        assertThat(log.infos).contains("apixo balance: $74.87; this build's estimate there: $0.0035");
    }
}
