package io.github.assetgen.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

class PollScheduleTest {

    private static final Instant SUBMITTED = Instant.parse("2026-11-26T05:00:00Z");

    /** How a simulated job went: the polls it took, how long after its end it was found, every wait. */
    private record Outcome(int polls, Duration late, List<Duration> waits) {}

    /**
     * Polls a job that ends {@code length} after it was submitted, the first poll {@code firstDelay}
     * after that, each poll instant (a poll takes no time here) answering {@code percentAt} of the
     * nanoseconds since the submit until the job has ended.
     */
    private static Outcome simulate(
            Duration interval, Duration length, Duration firstDelay, LongFunction<Integer> percentAt) {
        PollSchedule schedule = new PollSchedule(interval);
        List<Duration> waits = new ArrayList<>();
        long now = firstDelay.toNanos();
        for (int polls = 1; polls < 100_000; polls++) {
            if (now >= length.toNanos()) {
                return new Outcome(polls, Duration.ofNanos(now - length.toNanos()), waits);
            }
            Duration wait = schedule.next(SUBMITTED.plusNanos(now), percentAt.apply(now));
            waits.add(wait);
            now += wait.toNanos();
        }
        throw new AssertionError("the job was never found done");
    }

    /** The percent of a job that moves at a steady pace from 0 at its submit to 100 at {@code length}. */
    private static LongFunction<Integer> linear(Duration length) {
        return nanos -> (int) (100 * nanos / length.toNanos());
    }

    @Test
    void aSecondRisingPercentSetsTheWaitToHalfTheTimeLeftAtTheObservedPace() {
        PollSchedule schedule = new PollSchedule(Duration.ofMillis(200));

        Duration first = schedule.next(SUBMITTED, 10);
        Duration second = schedule.next(SUBMITTED.plusSeconds(1), 20);

        assertThat(first).isEqualTo(Duration.ofMillis(200));
        // 10 points a second, 80 to go: 8 s left, half of it waited
        assertThat(second).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void steadyProgressPollsMarkedlyLessOftenAndFindsTheJobWithinOneIntervalOfItsEnd() {
        // a useapi video: two minutes at a 5 s interval, as the vendor's own clients poll
        Duration interval = Duration.ofSeconds(5);
        Duration length = Duration.ofSeconds(120);
        Outcome video = simulate(interval, length, interval, linear(length));
        // the cold benchmark's jobs: 2 s at 200 ms
        Duration shortInterval = Duration.ofMillis(200);
        Duration shortLength = Duration.ofSeconds(2);
        Outcome image = simulate(shortInterval, shortLength, shortInterval, linear(shortLength));

        // at a fixed rate these take 24 and 10 polls
        assertThat(video.polls()).isLessThanOrEqualTo(24 / 2);
        assertThat(video.late()).isLessThanOrEqualTo(interval);
        assertThat(image.polls()).isLessThanOrEqualTo(10 * 7 / 10);
        assertThat(image.late()).isLessThanOrEqualTo(shortInterval);
    }

    @Test
    void withoutAPercentThePollsComeAtTheIntervalAsBefore() {
        Duration interval = Duration.ofMillis(200);
        Duration length = Duration.ofSeconds(2);

        Outcome outcome = simulate(interval, length, interval, nanos -> null);

        assertThat(outcome.waits()).isNotEmpty().allMatch(interval::equals);
        assertThat(outcome.polls()).isLessThanOrEqualTo(2000 / 200 + 2);
        assertThat(outcome.late()).isLessThanOrEqualTo(interval);
    }

    @Test
    void aStalledOrFallingPercentFallsBackToTheInterval() {
        Duration interval = Duration.ofSeconds(2);
        PollSchedule stalled = new PollSchedule(interval);
        PollSchedule falling = new PollSchedule(interval);

        stalled.next(SUBMITTED, 10);
        Duration rising = stalled.next(SUBMITTED.plusSeconds(2), 20);
        Duration still = stalled.next(SUBMITTED.plusSeconds(10), 20);
        falling.next(SUBMITTED, 10);
        falling.next(SUBMITTED.plusSeconds(2), 20);
        Duration back = falling.next(SUBMITTED.plusSeconds(10), 15);
        // a rise after the fall is measured from the fall, not from the first figure
        Duration again = falling.next(SUBMITTED.plusSeconds(12), 25);

        assertThat(rising).isGreaterThan(interval);
        assertThat(still).isEqualTo(interval);
        assertThat(back).isEqualTo(interval);
        // 10 points in 2 s, 75 to go: 15 s left, 7.5 s waited
        assertThat(again).isEqualTo(Duration.ofMillis(7500));
    }

    @Test
    void aJobThatEndsFarEarlierThanItsPercentSuggestsIsFoundAtMostThirtySecondsLate() {
        // the percent crawls as for a 30-minute job, but the job ends after one minute: the waits the
        // estimate asks for are half the time it thinks is left, at most 30 s, so it is found at most
        // 30 s after its end
        Duration interval = Duration.ofSeconds(5);
        Duration length = Duration.ofMinutes(1);

        Outcome outcome = simulate(interval, length, interval, linear(Duration.ofMinutes(30)));

        assertThat(outcome.late()).isLessThanOrEqualTo(PollSchedule.LONGEST);
        assertThat(outcome.waits()).allMatch(wait -> wait.compareTo(PollSchedule.LONGEST) <= 0);
    }

    @Test
    void aJobThatSpeedsUpIsFoundWithinHalfTheTimeLeftAtItsLastPoll() {
        // 2 s at 200 ms: the percent rises as for a 4 s job, but the job ends at 2 s. Each wait is at
        // most half the time then estimated to be left, and the estimate at the last running poll was
        // at most the 4 s job's 2 s left: it is found at most 1 s after its end.
        Duration interval = Duration.ofMillis(200);
        Duration length = Duration.ofSeconds(2);

        Outcome outcome = simulate(interval, length, interval, linear(Duration.ofSeconds(4)));

        assertThat(outcome.late()).isLessThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aPercentThatMovesOnlyWhenAskedDoesNotStretchTheWaitsWithoutEnd() {
        // a percent that rises 10 points per poll, whatever the time between them, as the project's
        // own fake useapi answers: each stretched wait would make the pace look slower and the next
        // wait longer. At a fixed rate the 15 running polls take 15 intervals.
        Duration interval = Duration.ofMillis(50);
        PollSchedule schedule = new PollSchedule(interval);
        Duration waited = Duration.ZERO;
        for (int poll = 1; poll <= 15; poll++) {
            waited = waited.plus(schedule.next(SUBMITTED.plus(waited), Math.min(90, 10 * poll)));
        }

        assertThat(waited).isLessThanOrEqualTo(interval.multipliedBy(15 * 2));
    }

    @Test
    void aPaceThatHalvesAfterAStretchedWaitBringsBackTheInterval() {
        Duration interval = Duration.ofSeconds(1);
        PollSchedule schedule = new PollSchedule(interval);

        schedule.next(SUBMITTED, 10);
        Duration stretched = schedule.next(SUBMITTED.plusSeconds(1), 20);
        // 4 s waited for 10 points a second, but only 10 more points came: 2.5 a second
        Duration slowed = schedule.next(SUBMITTED.plusSeconds(5), 30);

        assertThat(stretched).isEqualTo(Duration.ofSeconds(4));
        assertThat(slowed).isEqualTo(interval);
    }

    @Test
    void hostilePercentsNeverMakeAWaitShorterThanTheIntervalOrLongerThanTheCap() {
        Duration interval = Duration.ofMillis(200);
        Random random = new Random(14);
        Integer[] odd = {null, 0, 1, 99, 100, -5, 250, Integer.MAX_VALUE, Integer.MIN_VALUE};
        for (int job = 0; job < 2_000; job++) {
            PollSchedule schedule = new PollSchedule(interval);
            Instant asked = SUBMITTED;
            for (int poll = 0; poll < 30; poll++) {
                Integer percent =
                        random.nextBoolean() ? odd[random.nextInt(odd.length)] : Integer.valueOf(random.nextInt(101));
                // answers that come at once, late, or with a clock that went back
                asked = asked.plusMillis(random.nextInt(3) == 0 ? -random.nextInt(500) : random.nextInt(60_000));

                Duration wait = schedule.next(asked, percent);

                assertThat(wait).isBetween(interval, PollSchedule.LONGEST);
            }
        }
    }

    @Test
    void aClockThatJumpsCenturiesIsNoCrash() {
        Duration interval = Duration.ofSeconds(1);
        PollSchedule forward = new PollSchedule(interval);
        PollSchedule back = new PollSchedule(interval);

        forward.next(SUBMITTED, 10);
        Duration later = forward.next(SUBMITTED.plus(Duration.ofDays(365L * 500)), 20);
        back.next(SUBMITTED, 10);
        Duration earlier = back.next(SUBMITTED.minus(Duration.ofDays(365L * 500)), 20);

        assertThat(later).isBetween(interval, PollSchedule.LONGEST);
        assertThat(earlier).isEqualTo(interval);
    }

    @Test
    void aPercentThatJumpsFromZeroToAlmostDoneKeepsTheInterval() {
        Duration interval = Duration.ofSeconds(1);
        PollSchedule schedule = new PollSchedule(interval);

        schedule.next(SUBMITTED, 0);
        Duration nearlyDone = schedule.next(SUBMITTED.plusSeconds(1), 99);
        Duration doneButRunning = schedule.next(SUBMITTED.plusSeconds(2), 100);
        Duration afterThat = schedule.next(SUBMITTED.plusSeconds(3), 100);

        assertThat(List.of(nearlyDone, doneButRunning, afterThat)).allMatch(interval::equals);
    }

    @Test
    void anIntervalLongerThanTheCapIsNeverShortened() {
        Duration interval = Duration.ofMinutes(1);
        Duration length = Duration.ofMinutes(20);

        Outcome outcome = simulate(interval, length, interval, linear(length));

        assertThat(outcome.waits()).allMatch(interval::equals);
    }
}
