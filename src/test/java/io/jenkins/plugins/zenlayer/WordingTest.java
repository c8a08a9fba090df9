package io.jenkins.plugins.zenlayer;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.zenlayer.api.AttemptRecord;
import io.jenkins.plugins.zenlayer.api.CallOutcome;
import io.jenkins.plugins.zenlayer.api.InstanceIdProblem;
import io.jenkins.plugins.zenlayer.api.InstanceIds;
import io.jenkins.plugins.zenlayer.api.InvalidSettingException;
import io.jenkins.plugins.zenlayer.api.Outcomes;
import io.jenkins.plugins.zenlayer.api.ZenlayerClientConfig;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WordingTest {

    private static final String ACTION = "CancelInstanceBandwidthDowngrade";
    private final Locale before = Locale.getDefault();

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(before);
    }

    private static Optional<String> problem(String expanded) {
        return InstanceIds.check(expanded).map(p -> Wording.instanceIdProblem(p, expanded));
    }

    @Test
    void anUnresolvedBracedVariableIsNamed() {
        assertThat(
                problem("${INSTANCE_ID}").orElseThrow(),
                allOf(containsString("${INSTANCE_ID}"), containsString("INSTANCE_ID")));
    }

    @Test
    void anUnresolvedVariableInsideTheIdIsNamed() {
        assertThat(problem("i-${SUFFIX}").orElseThrow(), containsString("${SUFFIX}"));
        assertThat(problem("$INSTANCE").orElseThrow(), containsString("$INSTANCE"));
    }

    @Test
    void clientSideProblemsAreExplained() {
        assertTrue(problem(null).isPresent());
        assertTrue(problem("   ").isPresent());
        assertThat(problem("i-1 i-2").orElseThrow(), containsString("whitespace"));
        assertTrue(problem("i-1\u0007").isPresent());
        assertThat(problem("i".repeat(129)).orElseThrow(), containsString("128"));
        assertEquals(Optional.empty(), problem("i".repeat(128)));
        assertEquals(Optional.empty(), problem("  i-0123  "));
    }

    @Test
    void everyInstanceIdProblemHasItsOwnSentence() {
        long distinct = List.of(InstanceIdProblem.values()).stream()
                .map(p -> Wording.instanceIdProblem(p, "${X}"))
                .distinct()
                .count();
        assertEquals(InstanceIdProblem.values().length, distinct);
    }

    @Test
    void endpointProblemsAreWordedInTheUsersLanguage() {
        InvalidSettingException e = assertThrows(
                InvalidSettingException.class, () -> ZenlayerClientConfig.checkEndpoint("http://example.com"));
        assertThat(Wording.settingProblem(e), containsString("loopback"));

        Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
        assertThat(Wording.settingProblem(e), allOf(containsString("回环"), not(containsString("loopback"))));
    }

    @Test
    void aServicePathInTheEndpointIsExplained() {
        InvalidSettingException e = assertThrows(
                InvalidSettingException.class,
                () -> ZenlayerClientConfig.checkEndpoint("https://example.com/api/v2/bmc"));
        assertThat(Wording.settingProblem(e), containsString("/api/v2/bmc"));
    }

    @Test
    void givingUpAfterRetriesIsAddedToTheMessageOnlyWhenRetriesRanOut() {
        CallOutcome exhausted = CallOutcome.of(
                ACTION,
                "i-1",
                List.of(
                        Outcomes.answered(1, 429, "REQUEST_LIMIT_EXCEEDED", "Slow down.", "r1", true),
                        Outcomes.answered(2, 429, "REQUEST_LIMIT_EXCEEDED", "Slow down.", "r2", true)));
        assertThat(Wording.errorMessage(exhausted), is("Slow down. Gave up after 2 attempts."));

        Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
        assertThat(Wording.errorMessage(exhausted), allOf(containsString("Slow down."), containsString("2 次")));

        CallOutcome once = Outcomes.failure(ACTION, "i-1", 404, "INVALID_INSTANCE_NOT_FOUND", "No such.", "r");
        assertThat(Wording.errorMessage(once), is("No such."));
        assertThat(Wording.errorMessage(Outcomes.success(ACTION, "i-1", "r")), nullValue());
    }

    @Test
    void aLostAnswerIsExplainedBothWays() {
        AttemptRecord lost = new AttemptRecord(
                1,
                java.time.Duration.ofMillis(3),
                0,
                "NETWORK_ERROR",
                "no answer",
                null,
                "no answer",
                true,
                true,
                true,
                true,
                null,
                null,
                null);
        AttemptRecord nothingLeft =
                Outcomes.answered(2, 403, "OPERATION_DENIED_DOWNGRADE_NOT_EXIST", "none", "r2", false);
        CallOutcome inferred = CallOutcome.afterLostAnswer(
                ACTION, "i-1", List.of(lost, nothingLeft), CallOutcome.LostAnswer.INFERRED_SUCCESS, 1);
        assertThat(
                Wording.lostAnswerNote(inferred),
                allOf(
                        containsString("Attempt 1"),
                        containsString("attempt 2"),
                        containsString("OPERATION_DENIED_DOWNGRADE_NOT_EXIST"),
                        containsString("most likely cancelled the downgrade")));

        CallOutcome failed = CallOutcome.afterLostAnswer(
                ACTION,
                "i-1",
                List.of(lost, Outcomes.answered(2, 500, "INTERNAL_SERVER_ERROR", "boom", "r2", false)),
                CallOutcome.LostAnswer.MAY_HAVE_TAKEN_EFFECT,
                1);
        assertThat(Wording.lostAnswerNote(failed), containsString("may already have been cancelled"));
        assertThat(Wording.lostAnswerNote(Outcomes.success(ACTION, "i-1", "r")), nullValue());
    }
}
