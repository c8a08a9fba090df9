package io.jenkins.plugins.zenlayer.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jenkins.plugins.zenlayer.api.Outcomes;
import io.jenkins.plugins.zenlayer.api.ZenlayerService;
import io.jenkins.plugins.zenlayer.config.BuildOutcome;
import io.jenkins.plugins.zenlayer.config.ResultPolicy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchReportTest {

    private static final String ACTION = ZenlayerService.CANCEL_INSTANCE_BANDWIDTH_DOWNGRADE;

    private static BatchReport.Entry succeeded(String id) {
        return entry(Outcomes.success(ACTION, id, "req-" + id), BuildOutcome.SUCCESS);
    }

    private static BatchReport.Entry answered(String id, String code, BuildOutcome outcome) {
        return entry(Outcomes.failure(ACTION, id, 403, code, "no " + id, "req-" + id), outcome);
    }

    private static BatchReport.Entry entry(io.jenkins.plugins.zenlayer.api.CallOutcome outcome, BuildOutcome result) {
        ZenlayerCall call =
                ZenlayerCall.of(outcome, new ResultPolicy.Decision(result, ResultPolicy.Source.DEFAULT), 0L);
        return new BatchReport.Entry(outcome.instanceId(), call, null);
    }

    @Test
    void theResultIsTheWorstOfTheInstances() {
        assertEquals(BuildOutcome.SUCCESS, new BatchReport(List.of(succeeded("a"), succeeded("b")), 0).buildOutcome());
        BatchReport unstable =
                new BatchReport(List.of(succeeded("a"), answered("b", "NO_ORDER", BuildOutcome.UNSTABLE)), 0);
        assertEquals(BuildOutcome.UNSTABLE, unstable.buildOutcome());
        BatchReport failed = new BatchReport(
                List.of(
                        answered("a", "GONE", BuildOutcome.FAILURE),
                        answered("b", "NO_ORDER", BuildOutcome.UNSTABLE),
                        new BatchReport.Entry("c", null, "the call ended without an answer")),
                0);
        assertEquals(BuildOutcome.FAILURE, failed.buildOutcome());
        assertThat(failed.instancesWith(BuildOutcome.FAILURE), contains("a", "c"));
    }

    @Test
    void theFailureMessageNamesEveryFailedInstanceAndExplainsTheFirst() {
        BatchReport report = new BatchReport(
                List.of(
                        succeeded("a"),
                        answered("b", "INVALID_INSTANCE_NOT_FOUND", BuildOutcome.FAILURE),
                        answered("c", "INTERNAL_SERVER_ERROR", BuildOutcome.FAILURE)),
                0);

        String message = report.failureMessage();

        assertThat(message, containsString("failed for 2 of 3 instances: b, c"));
        assertThat(message, containsString("INVALID_INSTANCE_NOT_FOUND"));
        assertThat(message, containsString("req-b"));
        assertThat(message, not(containsString("unstable")));
        assertThat(report.summary(), containsString("3 instances: 1 succeeded, 0 unstable, 2 (b, c) failed"));
    }

    @Test
    void theUnstableReasonNamesEveryUnstableInstance() {
        BatchReport report = new BatchReport(
                List.of(succeeded("a"), answered("b", "OPERATION_DENIED_DOWNGRADE_NOT_EXIST", BuildOutcome.UNSTABLE)),
                1);

        assertThat(report.unstableReason(), containsString("1 of 2 instances"));
        assertThat(report.unstableReason(), containsString("OPERATION_DENIED_DOWNGRADE_NOT_EXIST"));
        assertThat(report.summary(), containsString("1 duplicate IDs left out"));
    }

    @Test
    void theMapHasTheAggregateAndOneMapPerInstanceInOrder() {
        BatchReport report = new BatchReport(
                List.of(
                        succeeded("a"),
                        answered("b", "NO_ORDER", BuildOutcome.UNSTABLE),
                        new BatchReport.Entry("c", null, "boom")),
                2);

        Map<String, Object> map = report.toStepResult();

        assertThat(map.keySet(), contains("result", "succeeded", "unstable", "failed", "duplicates", "instances"));
        assertEquals("FAILURE", map.get("result"));
        assertEquals(1, map.get("succeeded"));
        assertEquals(1, map.get("unstable"));
        assertEquals(1, map.get("failed"));
        assertEquals(2, map.get("duplicates"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> instances = (List<Map<String, Object>>) map.get("instances");
        assertEquals(
                List.of("a", "b", "c"),
                instances.stream().map(m -> m.get("instanceId")).toList());
        assertEquals("req-a", instances.get(0).get("requestId"));
        assertEquals("UNSTABLE", instances.get(1).get("result"));
        assertEquals("FAILURE", instances.get(2).get("result"));
        assertEquals("boom", instances.get(2).get("message"));
    }
}
