package io.jenkins.plugins.zenlayer.api;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The pace's arithmetic on a ticker moved by hand: no sleeping, no timing. */
class AdaptiveRateLimitTest {

    private static final long MS = 1_000_000L;

    private long now = 1_000_000 * MS;
    private final AdaptiveRateLimit pace = new AdaptiveRateLimit(() -> now);

    /** {@code count} accepted answers spread evenly over the next {@code millis}. */
    private void acceptOver(int count, long millis) {
        for (int i = 0; i < count; i++) {
            now += millis * MS / count;
            pace.accepted();
        }
    }

    @Test
    void noPaceBeforeTheFirstRateLimitAnswer() {
        acceptOver(100, 1000);
        assertThat(pace.rate(), is(Double.POSITIVE_INFINITY));
        assertThat(pace.reserveStart(), is(now));
        assertThat(pace.reserveStart(), is(now));
        assertThat(pace.lowestRate(), is(Double.POSITIVE_INFINITY));
    }

    @Test
    void aRateLimitAnswerSetsTheRateJustUnderWhatTheApiAcceptedInTheLastSecond() {
        acceptOver(35, 1750); // 20 of them in the last second
        OptionalDouble rate = pace.rateLimited();

        assertThat(rate.isPresent(), is(true));
        assertThat(rate.getAsDouble(), closeTo(20 * AdaptiveRateLimit.DECREASE, 1e-9));
        assertThat(pace.rateLimitedAnswers(), is(1));
        assertThat(pace.decreases(), is(1));
    }

    @Test
    void afterASlowDownCallsStartOneIntervalApartBeginningOneIntervalFromNow() {
        acceptOver(10, 1000);
        pace.rateLimited(); // 9 calls/s
        long interval = Math.round(1e9 / 9);

        long first = pace.reserveStart();
        long second = pace.reserveStart();
        long third = pace.reserveStart();

        assertThat(first, is(now + interval));
        assertThat(second - first, is(interval));
        assertThat(third - second, is(interval));
    }

    @Test
    void rateLimitAnswersWithinTheHoldAfterADecreaseAreCountedButDoNotLowerTheRateAgain() {
        acceptOver(20, 1000);
        double afterFirst = pace.rateLimited().getAsDouble();
        now += AdaptiveRateLimit.HOLD_NANOS - MS;

        assertThat(pace.rateLimited().isPresent(), is(false));
        assertThat(pace.rateLimited().isPresent(), is(false));
        assertThat(pace.rate(), is(afterFirst));
        assertThat(pace.rateLimitedAnswers(), is(3));
        assertThat(pace.decreases(), is(1));

        now += 2 * MS;
        OptionalDouble second = pace.rateLimited();
        assertThat(second.isPresent(), is(true));
        assertThat(second.getAsDouble(), lessThan(afterFirst));
        assertThat(pace.decreases(), is(2));
    }

    @Test
    void acceptedAnswersRaiseTheRateByAboutOneCallPerSecondEachSecond() {
        acceptOver(10, 1000);
        pace.rateLimited(); // 9 calls/s
        // Two seconds at the current pace: about 9 + 10 accepted answers.
        for (int second = 0; second < 2; second++) {
            int calls = (int) Math.round(pace.rate());
            acceptOver(calls, 1000);
        }
        assertThat(pace.rate(), closeTo(11, 0.2));
    }

    @Test
    void theRateNeverDropsBelowTheMinimumEvenWhenNothingWasAccepted() {
        OptionalDouble rate = pace.rateLimited();
        assertThat(rate.getAsDouble(), is(AdaptiveRateLimit.MIN_RATE));
        for (int i = 0; i < 5; i++) {
            now += AdaptiveRateLimit.HOLD_NANOS;
            pace.rateLimited();
        }
        assertThat(pace.rate(), is(AdaptiveRateLimit.MIN_RATE));
        assertThat(pace.lowestRate(), is(AdaptiveRateLimit.MIN_RATE));
    }

    @Test
    void theRateFollowsTheSmallerOfItselfAndTheAcceptedRate() {
        acceptOver(20, 1000);
        pace.rateLimited(); // 18
        now += 5_000 * MS; // nothing accepted for a while, then a few answers
        acceptOver(5, 1000);
        assertThat(pace.rate(), greaterThan(18.0));

        double rate = pace.rateLimited().getAsDouble();

        assertThat(rate, closeTo(5 * AdaptiveRateLimit.DECREASE, 1e-9));
    }

    @Test
    void anAnnouncedRetryTakesAStartTimeLikeANewCall() {
        acceptOver(10, 1000);
        pace.rateLimited(); // 9 calls/s
        long interval = Math.round(1e9 / 9);
        long first = pace.reserveStart();

        pace.retryAnnounced();
        long next = pace.reserveStart();

        assertThat(next - first, is(2 * interval));
    }

    @Test
    void anAnnouncedRetryCostsNothingWhileThereIsNoPace() {
        pace.retryAnnounced();
        assertThat(pace.reserveStart(), is(now));
    }
}
