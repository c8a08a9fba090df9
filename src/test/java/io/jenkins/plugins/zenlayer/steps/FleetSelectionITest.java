package io.jenkins.plugins.zenlayer.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.FreeStyleProject;
import hudson.model.Result;
import io.jenkins.plugins.zenlayer.AbstractZenlayerITest;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer.InternetChargeType;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer.Placement;
import java.util.List;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;

/** Fleets named by what they are: the instances step, select: on the Pipeline steps, and the freestyle radio block. */
class FleetSelectionITest extends AbstractZenlayerITest {

    private static final Placement RELEASE = FakeZenlayerServer.DEFAULT_PLACEMENT.withTag("release", "2026.12");

    /**
     * bmc-r-1 pending, bmc-r-2 nothing pending, bmc-r-3 billed by traffic and bmc-r-4 postpaid (both skipped), all of
     * release 2026.12; bmc-other pending, of another release.
     */
    private void release() {
        server.addInstance("bmc-r-1", InternetChargeType.BY_BANDWIDTH, true)
                .place("bmc-r-1", RELEASE.withTag("role", "web"))
                .addInstance("bmc-r-2", InternetChargeType.BY_BANDWIDTH, false)
                .place("bmc-r-2", RELEASE.withTag("role", "web"))
                .addInstance("bmc-r-3", InternetChargeType.BY_TRAFFIC_PACKAGE, true)
                .place("bmc-r-3", RELEASE)
                .addInstance("bmc-r-4", InternetChargeType.BY_BANDWIDTH, true)
                .place("bmc-r-4", RELEASE.billed("POSTPAID"))
                .addInstance("bmc-other", InternetChargeType.BY_BANDWIDTH, true)
                .place("bmc-other", FakeZenlayerServer.DEFAULT_PLACEMENT.withTag("release", "2026.11"));
    }

    private static final String CANCEL_RELEASE = "def r = zenlayerCancelBandwidthDowngrade(credentialsId: '"
            + CREDENTIALS_ID + "', select: [tags: [[key: 'release', value: '2026.12']]])\n"
            + "echo \"result=${r.result} cancelled=${r.cancelled} nothing=${r.nothingPending}"
            + " skipped=${r.skipped.collect { it.instanceId }}\"\n";

    @Test
    void aPipelineCancelsWherePendingInAFleetNamedByATagAndASecondRunSendsNoCancellation() throws Exception {
        release();

        WorkflowJob job = pipeline("release", CANCEL_RELEASE);
        WorkflowRun first = build(job, Result.SUCCESS);
        WorkflowRun second = build(job, Result.SUCCESS);

        r.assertLogContains("result=SUCCESS cancelled=[bmc-r-1] nothing=[bmc-r-2] skipped=[bmc-r-3, bmc-r-4]", first);
        r.assertLogContains("result=SUCCESS cancelled=[] nothing=[bmc-r-1, bmc-r-2]", second);
        r.assertLogContains("DescribeInstances page 1: 4 instances of 4. requestId: T", first);
        r.assertLogContains("Instance bmc-r-3 is skipped: its internet is billed ByTrafficPackage", first);
        r.assertLogContains("Instance bmc-r-4 is skipped: it is not prepaid (POSTPAID)", first);
        assertEquals(1, server.requestCount(FakeZenlayerServer.CANCEL_ACTION), "one cancellation in two runs");
        assertFalse(server.pendingDowngrade("bmc-r-1"));
        assertTrue(server.pendingDowngrade("bmc-other"), "outside the selection");
        assertTrue(server.pendingDowngrade("bmc-r-3"), "skipped");
    }

    @Test
    void aSelectionThatMatchesNothingIsUnstableNamingTheFiltersUnlessOverridden() throws Exception {
        release();
        String select = "select: [zoneId: 'SEL-Z', tags: [[key: 'release', value: '2026.12']]]";

        WorkflowRun unstable = build(
                pipeline(
                        "typo",
                        "zenlayerCancelBandwidthDowngrade(credentialsId: '" + CREDENTIALS_ID + "', " + select + ")\n"),
                Result.UNSTABLE);
        WorkflowRun overridden = build(
                pipeline(
                        "empty-is-fine",
                        "zenlayerBandwidthDowngradeStatus(credentialsId: '" + CREDENTIALS_ID + "', " + select
                                + ", resultOverrides: [resultOverride(code: 'NO_INSTANCE_SELECTED',"
                                + " result: 'SUCCESS')])\n"),
                Result.SUCCESS);

        r.assertLogContains("No instance matches zoneId=SEL-Z, tags.release=2026.12", unstable);
        r.assertLogContains("NO_INSTANCE_SELECTED", overridden);
        assertEquals(0, server.requestCount(FakeZenlayerServer.CANCEL_ACTION));
    }

    @Test
    void theInstancesStepAndASelectionInDeclarative() throws Exception {
        release();
        String script = "pipeline {\n"
                + "  agent none\n"
                + "  stages {\n"
                + "    stage('fleet') {\n"
                + "      steps {\n"
                + "        script {\n"
                + "          def web = zenlayerInstances(credentialsId: '" + CREDENTIALS_ID + "', zoneId: 'SEL-A',"
                + " tags: [tag(key: 'role', value: 'web')])\n"
                + "          echo \"web=${web.collect { it.instanceId }} role=${web[0].tags.role}"
                + " billing=${web[0].instanceChargeType}/${web[0].internetChargeType}\"\n"
                + "        }\n"
                + "        zenlayerBandwidthDowngradeStatus credentialsId: '" + CREDENTIALS_ID + "',"
                + " select: instanceSelection(tags: [tag(key: 'role', value: 'web')])\n"
                + "      }\n"
                + "    }\n"
                + "  }\n"
                + "}\n";

        WorkflowRun b = build(pipeline("declarative", script), Result.SUCCESS);

        r.assertLogContains("web=[bmc-r-1, bmc-r-2] role=web billing=PREPAID/ByBandwidth", b);
        r.assertLogContains("a bandwidth downgrade is pending", b);
        assertEquals(0, server.requestCount(FakeZenlayerServer.CANCEL_ACTION));
        assertEquals(2, server.requestCount(FakeZenlayerServer.DESCRIBE_INSTANCES));
    }

    @Test
    void aFleetLargerThanOneStepTakesIsRefusedWithItsSizeAfterOnePage() throws Exception {
        for (int i = 0; i <= 1000; i++) {
            server.addInstance("bmc-big-" + i, InternetChargeType.BY_BANDWIDTH, false);
        }

        WorkflowRun b =
                build(pipeline("big", "zenlayerInstances(credentialsId: '" + CREDENTIALS_ID + "')\n"), Result.FAILURE);

        r.assertLogContains("1,001 instances match no filter: at most 1,000 in one step", b);
        assertEquals(1, server.requestCount(FakeZenlayerServer.DESCRIBE_INSTANCES));
    }

    @Test
    void theFreestyleStepTakesASelectionAndItsFormKeepsIt() throws Exception {
        release();
        FreeStyleProject job = r.createFreeStyleProject("freestyle-selection");
        CancelBandwidthDowngradeBuilder builder = new CancelBandwidthDowngradeBuilder(null);
        builder.setCredentialsId(CREDENTIALS_ID);
        InstanceSelection selection = new InstanceSelection();
        selection.setZoneId("SEL-A");
        selection.setTags(List.of(new InstanceTag("release", "2026.12")));
        builder.setSelect(selection);
        job.getBuildersList().add(builder);

        r.configRoundtrip(job);
        CancelBandwidthDowngradeBuilder saved = job.getBuildersList().get(CancelBandwidthDowngradeBuilder.class);
        assertEquals("SEL-A", saved.getSelect().getZoneId());
        assertEquals("release", saved.getSelect().getTags().get(0).getKey());
        assertEquals("2026.12", saved.getSelect().getTags().get(0).getValue());

        build(job, Result.SUCCESS);
        assertEquals(1, server.requestCount(FakeZenlayerServer.CANCEL_ACTION));
        assertFalse(server.pendingDowngrade("bmc-r-1"));
    }

    @Test
    void theSnippetGeneratorProducesASelection() throws Exception {
        release();

        String snippet = generateSnippet(
                CancelBandwidthDowngradeStep.class,
                "\"credentialsId\": \"" + CREDENTIALS_ID + "\", \"select\": {\"zoneId\": \"SEL-A\", \"tags\":"
                        + " {\"key\": \"release\", \"value\": \"2026.12\"}, \"instanceIds\": \"\"}");

        assertThat(snippet, allOf(containsString("zoneId: 'SEL-A'"), containsString("value: '2026.12'")));
        WorkflowRun b = build(pipeline("generated-selection", snippet + "\n"), Result.SUCCESS);
        r.assertLogContains("2 can have a bandwidth downgrade order", b);
        assertEquals(1, server.requestCount(FakeZenlayerServer.CANCEL_ACTION));
    }
}
