package io.jenkins.plugins.zenlayer.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.impl.BaseStandardCredentials;
import hudson.model.Cause;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.ParametersAction;
import hudson.model.ParametersDefinitionProperty;
import hudson.model.Result;
import hudson.model.StringParameterDefinition;
import hudson.model.StringParameterValue;
import io.jenkins.plugins.zenlayer.AbstractZenlayerITest;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer.Fault;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer.InternetChargeType;
import io.jenkins.plugins.zenlayer.config.ResultOverride;
import io.jenkins.plugins.zenlayer.config.ZenlayerGlobalConfiguration;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.CaptureEnvironmentBuilder;
import org.jvnet.hudson.test.TestExtension;

class CancelBandwidthDowngradeBuilderITest extends AbstractZenlayerITest {

    private static final String REQUEST_ID_VARIABLE = "ZENLAYER_REQUEST_ID";

    private FreeStyleProject project(CancelBandwidthDowngradeBuilder builder, CaptureEnvironmentBuilder capture)
            throws Exception {
        FreeStyleProject p = r.createFreeStyleProject();
        p.getBuildersList().add(builder);
        if (capture != null) {
            p.getBuildersList().add(capture);
        }
        return p;
    }

    private static CancelBandwidthDowngradeBuilder builder(String instanceId) {
        CancelBandwidthDowngradeBuilder builder = new CancelBandwidthDowngradeBuilder(instanceId);
        builder.setCredentialsId(CREDENTIALS_ID);
        return builder;
    }

    @Test
    void cancelsPendingDowngradeAndExportsRequestIdToLaterSteps() throws Exception {
        server.addInstance(INSTANCE, InternetChargeType.BY_BANDWIDTH, true);
        CaptureEnvironmentBuilder capture = new CaptureEnvironmentBuilder();
        FreeStyleProject p = project(builder(INSTANCE), capture);

        FreeStyleBuild b = r.buildAndAssertSuccess(p);

        String requestId = onlyRequestId(null);
        r.assertLogContains(requestId, b);
        r.assertLogContains(INSTANCE, b);
        assertFalse(server.pendingDowngrade(INSTANCE), "the downgrade order was cancelled");
        assertEquals(requestId, capture.getEnvVars().get(REQUEST_ID_VARIABLE));
        ZenlayerCall call = onlyCall(b);
        assertEquals(INSTANCE, call.getInstanceId());
        assertEquals(requestId, call.getRequestId());
        assertEquals("SUCCESS", call.getResult());
    }

    @Test
    void noPendingDowngradeMakesTheBuildUnstable() throws Exception {
        server.addInstance(INSTANCE, InternetChargeType.BY_BANDWIDTH, false);
        CaptureEnvironmentBuilder capture = new CaptureEnvironmentBuilder();
        FreeStyleProject p = project(builder(INSTANCE), capture);

        FreeStyleBuild b = build(p, Result.UNSTABLE);

        String requestId = onlyRequestId(NO_PENDING_DOWNGRADE);
        r.assertLogContains(requestId, b);
        r.assertLogContains(NO_PENDING_DOWNGRADE, b);
        assertEquals(requestId, capture.getEnvVars().get(REQUEST_ID_VARIABLE), "later steps still run");
        ZenlayerCall call = onlyCall(b);
        assertEquals("UNSTABLE", call.getResult());
        assertEquals(NO_PENDING_DOWNGRADE, call.getCode());
    }

    @Test
    void chargeTypeWithoutDowngradesMakesTheBuildUnstable() throws Exception {
        server.addInstance(INSTANCE, InternetChargeType.BY_TRAFFIC_PACKAGE, false);
        FreeStyleProject p = project(builder(INSTANCE), null);

        FreeStyleBuild b = build(p, Result.UNSTABLE);

        String requestId = onlyRequestId("OPERATION_DENIED_INTERNET_CHARGE_TYPE_NOT_SUPPORT");
        r.assertLogContains(requestId, b);
    }

    @Test
    void oldGenerationCodeForNoPendingDowngradeMakesTheBuildUnstable() throws Exception {
        server.useOldGenerationCodes().addInstance(INSTANCE, InternetChargeType.BY_BANDWIDTH, false);
        FreeStyleProject p = project(builder(INSTANCE), null);

        FreeStyleBuild b = build(p, Result.UNSTABLE);

        String requestId = onlyRequestId("OPERATION_FILED_INSTANCE_NOT_EXIST_PLAN_FIX_BANDWIDTH");
        r.assertLogContains(requestId, b);
    }

    @Test
    void unknownInstanceFailsTheBuildWithCodeAndRequestId() throws Exception {
        CaptureEnvironmentBuilder capture = new CaptureEnvironmentBuilder();
        FreeStyleProject p = project(builder("bmc-does-not-exist"), capture);

        FreeStyleBuild b = build(p, Result.FAILURE);

        String requestId = onlyRequestId(INSTANCE_NOT_FOUND);
        r.assertLogContains(requestId, b);
        r.assertLogContains(INSTANCE_NOT_FOUND, b);
        r.assertLogContains("bmc-does-not-exist", b);
        assertNull(capture.getEnvVars(), "later build steps do not run");
        ZenlayerCall call = onlyCall(b);
        assertEquals("FAILURE", call.getResult());
        assertEquals(INSTANCE_NOT_FOUND, call.getCode());
    }

    @Test
    void wrongAccessKeyPasswordFailsTheBuildWithoutPrintingTheSecret() throws Exception {
        server.addInstance(INSTANCE, InternetChargeType.BY_BANDWIDTH, true);
        String wrongPassword = "zl-wrong-password-31d8c2";
        addCredentials(accessKey("wrong-key", ACCESS_KEY_ID, wrongPassword));
        CancelBandwidthDowngradeBuilder builder = new CancelBandwidthDowngradeBuilder(INSTANCE);
        builder.setCredentialsId("wrong-key");
        FreeStyleProject p = project(builder, null);

        FreeStyleBuild b = build(p, Result.FAILURE);

        String requestId = onlyRequestId("AUTHFAILURE_SIGNATURE_FAILURE");
        r.assertLogContains(requestId, b);
        r.assertLogContains("AUTHFAILURE_SIGNATURE_FAILURE", b);
        r.assertLogNotContains(wrongPassword, b);
        r.assertLogNotContains(ACCESS_KEY_PASSWORD, b);
        assertTrue(server.pendingDowngrade(INSTANCE), "nothing was cancelled");
    }

    @Test
    void instanceIdIsExpandedFromBuildParameters() throws Exception {
        server.addInstance("bmc-from-parameter", InternetChargeType.BY_BANDWIDTH, true);
        server.addInstance("bmc-default-value", InternetChargeType.BY_BANDWIDTH, true);
        FreeStyleProject p = project(builder("${INSTANCE_ID}"), null);
        p.addProperty(
                new ParametersDefinitionProperty(new StringParameterDefinition("INSTANCE_ID", "bmc-default-value")));

        FreeStyleBuild b = build(
                p, Result.SUCCESS, new ParametersAction(new StringParameterValue("INSTANCE_ID", "bmc-from-parameter")));

        assertFalse(server.pendingDowngrade("bmc-from-parameter"));
        assertTrue(server.pendingDowngrade("bmc-default-value"));
        assertTrue(
                onlyExchange().body().contains("bmc-from-parameter"),
                onlyExchange().body());
        assertEquals("bmc-from-parameter", onlyCall(b).getInstanceId());
    }

    @Test
    void builderOverrideTurnsNoPendingDowngradeIntoSuccess() throws Exception {
        server.addInstance(INSTANCE, InternetChargeType.BY_BANDWIDTH, false);
        CancelBandwidthDowngradeBuilder builder = builder(INSTANCE);
        builder.setResultOverrides(List.of(new ResultOverride(NO_PENDING_DOWNGRADE, "SUCCESS")));

        FreeStyleBuild b = r.buildAndAssertSuccess(project(builder, null));

        r.assertLogContains(onlyRequestId(NO_PENDING_DOWNGRADE), b);
        assertEquals("SUCCESS", onlyCall(b).getResult());
    }

    @Test
    void globalOverrideDowngradesFailureToUnstable() throws Exception {
        ZenlayerGlobalConfiguration.get()
                .setResultOverrides(List.of(new ResultOverride(INSTANCE_NOT_FOUND, "UNSTABLE")));

        FreeStyleBuild b = build(project(builder("bmc-gone"), null), Result.UNSTABLE);

        r.assertLogContains(onlyRequestId(INSTANCE_NOT_FOUND), b);
        assertEquals("UNSTABLE", onlyCall(b).getResult());
    }

    @Test
    void globalCredentialsAreUsedWhenTheBuildStepNamesNone() throws Exception {
        server.addInstance(INSTANCE, InternetChargeType.BY_BANDWIDTH, true);
        ZenlayerGlobalConfiguration.get().setCredentialsId(CREDENTIALS_ID);

        r.buildAndAssertSuccess(project(new CancelBandwidthDowngradeBuilder(INSTANCE), null));

        assertFalse(server.pendingDowngrade(INSTANCE));
    }

    @Test
    void missingCredentialsFailTheBuildWithoutCallingTheApi() throws Exception {
        server.addInstance(INSTANCE, InternetChargeType.BY_BANDWIDTH, true);
        CancelBandwidthDowngradeBuilder builder = new CancelBandwidthDowngradeBuilder(INSTANCE);
        builder.setCredentialsId("no-such-credentials");

        FreeStyleBuild b = build(project(builder, null), Result.FAILURE);

        r.assertLogContains("no-such-credentials", b);
        assertEquals(0, server.requestCount());
    }

    @Test
    void credentialsOfAnUnsupportedTypeFailTheBuildWithoutCallingTheApi() throws Exception {
        server.addInstance(INSTANCE, InternetChargeType.BY_BANDWIDTH, true);
        addCredentials(new UnrelatedCredentials("unrelated"));
        CancelBandwidthDowngradeBuilder builder = new CancelBandwidthDowngradeBuilder(INSTANCE);
        builder.setCredentialsId("unrelated");

        FreeStyleBuild b = build(project(builder, null), Result.FAILURE);

        r.assertLogContains("unrelated", b);
        assertEquals(0, server.requestCount());
        assertTrue(server.pendingDowngrade(INSTANCE));
    }

    @Test
    void abortingTheBuildAbandonsTheCallAtOnce() throws Exception {
        server.addInstance(INSTANCE, InternetChargeType.BY_BANDWIDTH, true);
        server.enqueueFault(Fault.delay(Duration.ofSeconds(60)));
        ZenlayerGlobalConfiguration.get().setCallTimeoutSeconds(300);
        FreeStyleProject p = project(builder(INSTANCE), null);

        assertTrue(p.scheduleBuild(0, new Cause.UserIdCause()));
        awaitCallInFlight();
        FreeStyleBuild b = p.getLastBuild();
        long abortedAt = System.nanoTime();
        b.doStop();
        r.waitForCompletion(b);

        assertThat(
                "the build step returned without waiting for the answer",
                Duration.ofNanos(System.nanoTime() - abortedAt),
                lessThan(Duration.ofSeconds(15)));
        r.assertBuildStatus(Result.ABORTED, b);
    }

    @Test
    void aDryRunSendsNoCancellationAndIsMarkedInTheLogAndOnTheBuild() throws Exception {
        server.addInstance(INSTANCE, InternetChargeType.BY_BANDWIDTH, true);
        CancelBandwidthDowngradeBuilder builder = builder(INSTANCE);
        builder.setDryRun(true);
        builder.setVerify(true);

        FreeStyleBuild b = r.buildAndAssertSuccess(project(builder, null));

        assertEquals(0, server.requestCount(FakeZenlayerServer.CANCEL_ACTION));
        assertEquals(FakeZenlayerServer.DESCRIBE_INTERNET_STATUS, onlyExchange().action());
        assertTrue(server.pendingDowngrade(INSTANCE));
        r.assertLogContains(
                "[Zenlayer] [DRY RUN] Would cancel the downgrade of instance " + INSTANCE + " from 100 to 50 Mbps", b);
        r.assertLogNotContains("[Zenlayer] Attempt", b);
        ZenlayerCall call = onlyCall(b);
        assertTrue(call.isDryRun());
        assertEquals(Boolean.TRUE, call.getBandwidth().getDowngradePending());
    }

    @Test
    void verificationFindingTheDowngradeStillPendingMakesTheBuildUnstable() throws Exception {
        server.addInstance(INSTANCE, InternetChargeType.BY_BANDWIDTH, true).showCancelledDowngradesFor(1);
        CancelBandwidthDowngradeBuilder builder = builder(INSTANCE);
        builder.setVerify(true);

        FreeStyleBuild b = build(project(builder, null), Result.UNSTABLE);

        r.assertLogContains("DOWNGRADE_STILL_PENDING", b);
        ZenlayerCall call = onlyCall(b);
        assertEquals("DOWNGRADE_STILL_PENDING", call.getCode());
        assertEquals(Boolean.FALSE, call.getVerified());
        assertEquals(server.exchanges().get(0).requestId(), call.getRequestId());
    }

    @Test
    void verificationConfirmingTheCancellationKeepsTheBuildSuccessful() throws Exception {
        server.addInstance(INSTANCE, InternetChargeType.BY_BANDWIDTH, true);
        CancelBandwidthDowngradeBuilder builder = builder(INSTANCE);
        builder.setVerify(true);

        FreeStyleBuild b = r.buildAndAssertSuccess(project(builder, null));

        r.assertLogContains("Verified: instance " + INSTANCE, b);
        assertEquals(Boolean.TRUE, onlyCall(b).getVerified());
        assertEquals(1, server.requestCount(FakeZenlayerServer.DESCRIBE_INTERNET_STATUS));
    }

    @Test
    void configRoundtripKeepsEveryField() throws Exception {
        CancelBandwidthDowngradeBuilder before = builder(INSTANCE);
        before.setDryRun(true);
        before.setVerify(true);
        before.setResultOverrides(List.of(
                new ResultOverride(NO_PENDING_DOWNGRADE, "SUCCESS"),
                new ResultOverride(INSTANCE_NOT_FOUND, "UNSTABLE")));

        FreeStyleProject p = project(before, null);
        r.configRoundtrip(p);

        CancelBandwidthDowngradeBuilder after = p.getBuildersList().get(CancelBandwidthDowngradeBuilder.class);
        assertNotSame(before, after, "the form created a new build step");
        r.assertEqualDataBoundBeans(before, after);
    }

    /** A credentials type the build step cannot use. */
    public static final class UnrelatedCredentials extends BaseStandardCredentials {
        private static final long serialVersionUID = 1L;

        UnrelatedCredentials(String id) {
            super(CredentialsScope.GLOBAL, id, "not usable for Zenlayer");
        }

        @TestExtension("credentialsOfAnUnsupportedTypeFailTheBuildWithoutCallingTheApi")
        public static final class DescriptorImpl extends BaseStandardCredentialsDescriptor {}
    }
}
