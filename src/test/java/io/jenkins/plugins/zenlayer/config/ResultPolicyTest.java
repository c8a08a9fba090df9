package io.jenkins.plugins.zenlayer.config;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.zenlayer.api.ZenlayerErrorCodes;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResultPolicyTest {

    private static final List<ResultOverride> NONE = List.of();

    @Test
    void successIsSuccess() {
        assertEquals(BuildOutcome.SUCCESS, ResultPolicy.defaultOutcome(true, null));
        assertEquals(
                new ResultPolicy.Decision(BuildOutcome.SUCCESS, ResultPolicy.Source.DEFAULT),
                ResultPolicy.decide(true, null, NONE, NONE));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                ZenlayerErrorCodes.OPERATION_DENIED_DOWNGRADE_NOT_EXIST,
                ZenlayerErrorCodes.OPERATION_FILED_INSTANCE_NOT_EXIST_PLAN_FIX_BANDWIDTH,
                ZenlayerErrorCodes.OPERATION_DENIED_INTERNET_CHARGE_TYPE_NOT_SUPPORT,
                ZenlayerErrorCodes.OPERATION_DENIED_INTERNET_CHARGE_TYPE_NOT_BY_FIX_BANDWIDTH
            })
    void noPendingDowngradeAndWrongChargeTypeAreUnstableInBothGenerations(String code) {
        assertEquals(BuildOutcome.UNSTABLE, ResultPolicy.defaultOutcome(false, code));
    }

    @Test
    void aDowngradeStillPendingAfterVerificationIsUnstableUnlessOverridden() {
        String code = ZenlayerErrorCodes.DOWNGRADE_STILL_PENDING;
        ResultPolicy.Rules rules = new ResultPolicy.Rules(null, List.of(new ResultOverride(code, "FAILURE")));

        assertEquals(BuildOutcome.UNSTABLE, ResultPolicy.defaultOutcome(false, code));
        assertEquals(
                new ResultPolicy.Decision(BuildOutcome.FAILURE, ResultPolicy.Source.GLOBAL_OVERRIDE),
                rules.decide(false, code));
        assertEquals(
                new ResultPolicy.Decision(BuildOutcome.UNSTABLE, ResultPolicy.Source.DEFAULT),
                ResultPolicy.Rules.DEFAULT.decide(false, code));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                ZenlayerErrorCodes.INVALID_INSTANCE_NOT_FOUND,
                ZenlayerErrorCodes.AUTHFAILURE_SIGNATURE_FAILURE,
                ZenlayerErrorCodes.AUTHFAILURE_INVALID_AUTHORIZATION,
                ZenlayerErrorCodes.AUTHFAILURE_UNAUTHORIZED_OPERATION,
                ZenlayerErrorCodes.AUTHFAILURE_SIGNATURE_EXPIRED,
                ZenlayerErrorCodes.REQUEST_LIMIT_EXCEEDED,
                ZenlayerErrorCodes.SERVICE_TEMPORARY_UNAVAILABLE,
                ZenlayerErrorCodes.REQUEST_TIMED_OUT,
                ZenlayerErrorCodes.INTERNAL_SERVER_ERROR,
                ZenlayerErrorCodes.INVALID_PARAMETER_VALUE,
                ZenlayerErrorCodes.MISSING_PARAMETER,
                ZenlayerErrorCodes.SECURITY_CHALLENGE,
                ZenlayerErrorCodes.REQUEST_BLOCKED,
                ZenlayerErrorCodes.UNEXPECTED_RESPONSE,
                ZenlayerErrorCodes.NETWORK_ERROR,
                ZenlayerErrorCodes.CALL_TIMEOUT,
                "SOMETHING_NOBODY_DOCUMENTED",
                "Invalid.Instance.Not.Found",
                ""
            })
    void everyOtherCodeIsFailure(String code) {
        assertEquals(BuildOutcome.FAILURE, ResultPolicy.defaultOutcome(false, code));
    }

    @Test
    void failureWithoutCodeIsFailure() {
        assertEquals(BuildOutcome.FAILURE, ResultPolicy.defaultOutcome(false, null));
    }

    @Test
    void stepOverrideWinsOverGlobalOverrideWhichWinsOverDefault() {
        String code = ZenlayerErrorCodes.OPERATION_DENIED_DOWNGRADE_NOT_EXIST;
        List<ResultOverride> global = List.of(new ResultOverride(code, "FAILURE"));
        List<ResultOverride> step = List.of(new ResultOverride(code, "SUCCESS"));

        assertEquals(
                new ResultPolicy.Decision(BuildOutcome.SUCCESS, ResultPolicy.Source.STEP_OVERRIDE),
                ResultPolicy.decide(false, code, step, global));
        assertEquals(
                new ResultPolicy.Decision(BuildOutcome.FAILURE, ResultPolicy.Source.GLOBAL_OVERRIDE),
                ResultPolicy.decide(false, code, NONE, global));
        assertEquals(
                new ResultPolicy.Decision(BuildOutcome.UNSTABLE, ResultPolicy.Source.DEFAULT),
                ResultPolicy.decide(false, code, NONE, NONE));
    }

    @Test
    void overridesApplyOnlyToTheirCodeAndNeverToSuccess() {
        List<ResultOverride> step = List.of(new ResultOverride("NETWORK_ERROR", "UNSTABLE"));
        assertEquals(
                BuildOutcome.UNSTABLE,
                ResultPolicy.decide(false, "NETWORK_ERROR", step, NONE).outcome());
        assertEquals(
                BuildOutcome.FAILURE,
                ResultPolicy.decide(false, "CALL_TIMEOUT", step, NONE).outcome());
        assertEquals(
                BuildOutcome.SUCCESS,
                ResultPolicy.decide(true, null, step, NONE).outcome());
    }

    @Test
    void unknownCodesCanBeOverridden() {
        List<ResultOverride> global = List.of(new ResultOverride("NEW_CODE_FROM_2027", "unstable"));
        assertEquals(
                BuildOutcome.UNSTABLE,
                ResultPolicy.decide(false, "NEW_CODE_FROM_2027", NONE, global).outcome());
    }

    @Test
    void resultNamesParseCaseInsensitively() {
        assertEquals(Optional.of(BuildOutcome.UNSTABLE), BuildOutcome.parse(" unstable "));
        assertEquals(Optional.of(BuildOutcome.SUCCESS), BuildOutcome.parse("SUCCESS"));
        assertEquals(Optional.empty(), BuildOutcome.parse("ABORTED"));
        assertEquals(Optional.empty(), BuildOutcome.parse(null));
    }

    @Test
    void validOverridesHaveNoProblems() {
        List<ResultOverride> overrides = List.of(
                new ResultOverride("OPERATION_DENIED_DOWNGRADE_NOT_EXIST", "SUCCESS"),
                new ResultOverride("NETWORK_ERROR", "unstable"),
                new ResultOverride("AUTHFAILURE_SIGNATURE_FAILURE", "FAILURE"));
        assertThat(ResultPolicy.problems(overrides, "this step"), empty());
        assertThat(ResultPolicy.problems(null, "this step"), empty());
    }

    @Test
    void blankCodeUnknownResultMalformedCodeAndDuplicatesAreReportedWithTheirPlace() {
        List<ResultOverride> overrides = List.of(
                new ResultOverride("  ", "SUCCESS"),
                new ResultOverride("NETWORK_ERROR", "WARN"),
                new ResultOverride("network_error", "SUCCESS"),
                new ResultOverride("NETWORK_ERROR", "SUCCESS"),
                new ResultOverride("CALL_TIMEOUT", ""));
        List<String> problems = ResultPolicy.problems(overrides, "this step");
        assertThat(problems, hasSize(5));
        assertThat(problems.get(0), containsString("1"));
        assertThat(problems.get(0), containsString("this step"));
        assertThat(problems.get(1), containsString("WARN"));
        assertThat(problems.get(2), containsString("network_error"));
        assertThat(problems.get(3), allOf(containsString("4"), containsString("NETWORK_ERROR")));
        assertThat(problems.get(4), containsString("5"));
    }

    @Test
    void codeAndResultChecksForForms() {
        assertTrue(ResultPolicy.codeProblem(null).isPresent());
        assertTrue(ResultPolicy.codeProblem("").isPresent());
        assertTrue(ResultPolicy.codeProblem("NOT-SNAKE").isPresent());
        assertTrue(ResultPolicy.codeProblem("_LEADING").isPresent());
        assertTrue(ResultPolicy.codeProblem("TRAILING_").isPresent());
        assertEquals(
                Optional.empty(), ResultPolicy.codeProblem("OPERATION_FILED_INSTANCE_NOT_EXIST_PLAN_FIX_BANDWIDTH"));
        assertEquals(Optional.empty(), ResultPolicy.codeProblem(" CODE2 "));
        assertTrue(ResultPolicy.resultProblem("").isPresent());
        assertTrue(ResultPolicy.resultProblem("ABORTED").isPresent());
        assertEquals(Optional.empty(), ResultPolicy.resultProblem("UNSTABLE"));
    }

    @Test
    void overridesKeepTrimmedValuesAndCompareByValue() {
        ResultOverride override = new ResultOverride(" NETWORK_ERROR ", " SUCCESS ");
        assertEquals("NETWORK_ERROR", override.getCode());
        assertEquals("SUCCESS", override.getResult());
        assertEquals(new ResultOverride("NETWORK_ERROR", "SUCCESS"), override);
        assertThat(
                List.of(new ResultOverride(null, null)).stream()
                        .map(o -> o.getCode() + "|" + o.getResult())
                        .toList(),
                contains("|"));
    }
}
