package io.jenkins.plugins.zenlayer.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.ExtensionList;
import hudson.model.Cause;
import hudson.model.Item;
import hudson.model.ItemGroup;
import hudson.model.Result;
import hudson.util.Secret;
import io.jenkins.plugins.zenlayer.AbstractZenlayerITest;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer.Fault;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer.InternetChargeType;
import io.jenkins.plugins.zenlayer.config.ResultOverride;
import io.jenkins.plugins.zenlayer.config.ZenlayerGlobalConfiguration;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.cps.Snippetizer;
import org.jenkinsci.plugins.workflow.flow.StepListener;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockFolder;
import org.jvnet.hudson.test.TestExtension;
import org.springframework.security.core.Authentication;

class CancelBandwidthDowngradeStepITest extends AbstractZenlayerITest {

    private static String call(String arguments) {
        return "def res = " + FUNCTION + "(" + arguments + ")\n"
                + "echo \"rid=${res.requestId} result=${res.result} instance=${res.instanceId} code=${res.code}\"\n";
    }

    private static String defaultCall(String instanceId) {
        return call("instanceId: '" + instanceId + "', credentialsId: '" + CREDENTIALS_ID + "'");
    }

    /** The warning the only call of the step left on its own flow node, or {@code null}. */
    private WarningAction warningOnStepNode() {
        List<FlowNode> nodes = ExtensionList.lookupSingleton(StepNodes.class).nodes;
        assertEquals(1, nodes.size(), "flow nodes of " + FUNCTION);
        return nodes.get(0).getAction(WarningAction.class);
    }

    @Test
    void runsOutsideAnyNodeAndReturnsTheOutcome() throws Exception {
        server.addInstance(INSTANCE, InternetChargeType.BY_BANDWIDTH, true);
        WorkflowJob p = pipeline("outside-node", defaultCall(INSTANCE));

        WorkflowRun b = build(p, Result.SUCCESS);

        String requestId = onlyRequestId(null);
        r.assertLogContains("rid=" + requestId + " result=SUCCESS instance=" + INSTANCE + " code=", b);
        assertFalse(server.pendingDowngrade(INSTANCE));
        assertNull(warningOnStepNode());
        ZenlayerCallsAction action = b.getAction(ZenlayerCallsAction.class);
        assertNotNull(action);
        assertEquals(requestId, action.getCalls().get(0).getRequestId());
    }

    @Test
    void runsInsideANodeBlockWithTheGlobalCredentials() throws Exception {
        server.addInstance(INSTANCE, InternetChargeType.BY_BANDWIDTH, true);
        ZenlayerGlobalConfiguration.get().setCredentialsId(CREDENTIALS_ID);
        WorkflowJob p = pipeline("inside-node", "node {\n" + call("instanceId: '" + INSTANCE + "'") + "}\n");

        WorkflowRun b = build(p, Result.SUCCESS);

        r.assertLogContains("rid=" + onlyRequestId(null) + " result=SUCCESS", b);
        assertFalse(server.pendingDowngrade(INSTANCE));
    }

    @Test
    void runsInADeclarativePipelineWithoutAnAgent() throws Exception {
        server.addInstance(INSTANCE, InternetChargeType.BY_BANDWIDTH, true);
        WorkflowJob p = pipeline(
                "declarative",
                "pipeline {\n"
                        + "  agent none\n"
                        + "  stages {\n"
                        + "    stage('cancel') {\n"
                        + "      steps {\n"
                        + "        " + FUNCTION + " instanceId: '" + INSTANCE + "', credentialsId: '" + CREDENTIALS_ID
                        + "'\n"
                        + "      }\n"
                        + "    }\n"
                        + "  }\n"
                        + "}\n");

        WorkflowRun b = build(p, Result.SUCCESS);

        r.assertLogContains(onlyRequestId(null), b);
        assertFalse(server.pendingDowngrade(INSTANCE));
    }

    @Test
    void noPendingDowngradeMarksTheStepAndTheBuildUnstable() throws Exception {
        server.addInstance(INSTANCE, InternetChargeType.BY_BANDWIDTH, false);
        WorkflowJob p = pipeline("unstable", defaultCall(INSTANCE));

        WorkflowRun b = build(p, Result.UNSTABLE);

        String requestId = onlyRequestId(NO_PENDING_DOWNGRADE);
        r.assertLogContains("WARNING:", b);
        r.assertLogContains(
                "rid=" + requestId + " result=UNSTABLE instance=" + INSTANCE + " code=" + NO_PENDING_DOWNGRADE, b);
        WarningAction warning = warningOnStepNode();
        assertNotNull(warning, "the step's flow node carries a warning");
        assertEquals(Result.UNSTABLE, warning.getResult());
        assertNotNull(warning.getMessage());
        assertTrue(warning.getMessage().contains(NO_PENDING_DOWNGRADE), warning.getMessage());
    }

    @Test
    void unknownInstanceFailsWithCodeMessageAndRequestId() throws Exception {
        WorkflowJob p = pipeline("failure", defaultCall("bmc-does-not-exist") + "echo 'not reached'\n");

        WorkflowRun b = build(p, Result.FAILURE);

        String requestId = onlyRequestId(INSTANCE_NOT_FOUND);
        r.assertLogContains(requestId, b);
        r.assertLogContains(INSTANCE_NOT_FOUND, b);
        r.assertLogContains("bmc-does-not-exist", b);
        r.assertLogNotContains("not reached", b);
    }

    @Test
    void stepOverrideTurnsNoPendingDowngradeIntoSuccess() throws Exception {
        server.addInstance(INSTANCE, InternetChargeType.BY_BANDWIDTH, false);
        WorkflowJob p = pipeline(
                "step-override",
                call("instanceId: '" + INSTANCE + "', credentialsId: '" + CREDENTIALS_ID + "', resultOverrides: "
                        + "[resultOverride(code: '" + NO_PENDING_DOWNGRADE + "', result: 'SUCCESS')]"));

        WorkflowRun b = build(p, Result.SUCCESS);

        r.assertLogContains("rid=" + onlyRequestId(NO_PENDING_DOWNGRADE) + " result=SUCCESS", b);
        assertNull(warningOnStepNode());
    }

    @Test
    void stepOverrideInMapForm() throws Exception {
        server.addInstance(INSTANCE, InternetChargeType.BY_BANDWIDTH, false);
        WorkflowJob p = pipeline(
                "step-override-map",
                call("instanceId: '" + INSTANCE + "', credentialsId: '" + CREDENTIALS_ID + "', resultOverrides: "
                        + "[[code: '" + NO_PENDING_DOWNGRADE + "', result: 'SUCCESS']]"));

        WorkflowRun b = build(p, Result.SUCCESS);

        r.assertLogContains("rid=" + onlyRequestId(NO_PENDING_DOWNGRADE) + " result=SUCCESS", b);
        assertNull(warningOnStepNode());
    }

    @Test
    void requestIdIsExportedToTheEnvironmentOfLaterSteps() throws Exception {
        server.addInstance(INSTANCE, InternetChargeType.BY_BANDWIDTH, true);
        WorkflowJob p =
                pipeline("exported-request-id", defaultCall(INSTANCE) + "echo \"env=${env.ZENLAYER_REQUEST_ID}\"\n");

        WorkflowRun b = build(p, Result.SUCCESS);

        r.assertLogContains("env=" + onlyRequestId(null), b);
    }

    @Test
    void globalOverrideTurnsNoPendingDowngradeIntoSuccess() throws Exception {
        server.addInstance(INSTANCE, InternetChargeType.BY_BANDWIDTH, false);
        ZenlayerGlobalConfiguration.get()
                .setResultOverrides(List.of(new ResultOverride(NO_PENDING_DOWNGRADE, "SUCCESS")));
        WorkflowJob p = pipeline("global-override", defaultCall(INSTANCE));

        WorkflowRun b = build(p, Result.SUCCESS);

        r.assertLogContains("rid=" + onlyRequestId(NO_PENDING_DOWNGRADE) + " result=SUCCESS", b);
        assertNull(warningOnStepNode());
    }

    @Test
    void stepOverrideWinsOverGlobalOverride() throws Exception {
        server.addInstance(INSTANCE, InternetChargeType.BY_BANDWIDTH, false);
        ZenlayerGlobalConfiguration.get()
                .setResultOverrides(List.of(new ResultOverride(NO_PENDING_DOWNGRADE, "SUCCESS")));
        WorkflowJob p = pipeline(
                "both-overrides",
                call("instanceId: '" + INSTANCE + "', credentialsId: '" + CREDENTIALS_ID + "', resultOverrides: "
                        + "[resultOverride(code: '" + NO_PENDING_DOWNGRADE + "', result: 'FAILURE')]"));

        WorkflowRun b = build(p, Result.FAILURE);

        r.assertLogContains(onlyRequestId(NO_PENDING_DOWNGRADE), b);
    }

    @Test
    void bearerTokenFromSecretText() throws Exception {
        String token = "zl-token-9d7be1f0c4a3";
        server.addBearerToken(token).addInstance(INSTANCE, InternetChargeType.BY_BANDWIDTH, true);
        addCredentials(
                new StringCredentialsImpl(CredentialsScope.GLOBAL, "zl-token", "token", Secret.fromString(token)));
        WorkflowJob p = pipeline("token", call("instanceId: '" + INSTANCE + "', credentialsId: 'zl-token'"));

        WorkflowRun b = build(p, Result.SUCCESS);

        assertEquals("Bearer " + token, onlyExchange().header("Authorization"));
        assertFalse(server.pendingDowngrade(INSTANCE));
        r.assertLogNotContains(token, b);
    }

    @Test
    void accessKeyFromUsernameWithPassword() throws Exception {
        server.addInstance(INSTANCE, InternetChargeType.BY_BANDWIDTH, true);
        addCredentials(new UsernamePasswordCredentialsImpl(
                CredentialsScope.GLOBAL,
                "zl-userpass",
                "key as username/password",
                ACCESS_KEY_ID,
                ACCESS_KEY_PASSWORD));
        WorkflowJob p = pipeline("userpass", call("instanceId: '" + INSTANCE + "', credentialsId: 'zl-userpass'"));

        WorkflowRun b = build(p, Result.SUCCESS);

        assertTrue(onlyExchange().header("Authorization").contains("Credential=" + ACCESS_KEY_ID + ","));
        assertFalse(server.pendingDowngrade(INSTANCE));
        r.assertLogNotContains(ACCESS_KEY_PASSWORD, b);
    }

    @Test
    void missingCredentialsFailWithoutCallingTheApi() throws Exception {
        server.addInstance(INSTANCE, InternetChargeType.BY_BANDWIDTH, true);
        WorkflowJob p = pipeline("missing", call("instanceId: '" + INSTANCE + "', credentialsId: 'no-such-key'"));

        WorkflowRun b = build(p, Result.FAILURE);

        r.assertLogContains("no-such-key", b);
        assertEquals(0, server.requestCount());
        assertTrue(server.pendingDowngrade(INSTANCE));
    }

    @Test
    void folderCredentialsAreUsedInsideTheFolderOnly() throws Exception {
        server.addInstance(INSTANCE, InternetChargeType.BY_BANDWIDTH, true);
        server.addAccessKey("ZLAKFOLDER00000000001", "zl-folder-password-0b5e");
        MockFolder folder = r.createFolder("team");
        ExtensionList.lookupSingleton(FolderCredentialsProvider.class)
                .put(folder, accessKey("team-key", "ZLAKFOLDER00000000001", "zl-folder-password-0b5e"));
        String script = call("instanceId: '" + INSTANCE + "', credentialsId: 'team-key'");

        WorkflowRun outside = build(pipeline("outside", script), Result.FAILURE);
        r.assertLogContains("team-key", outside);
        assertEquals(0, server.requestCount());

        WorkflowJob inside = folder.createProject(WorkflowJob.class, "inside");
        inside.setDefinition(new CpsFlowDefinition(script, true));
        WorkflowRun b = build(inside, Result.SUCCESS);
        r.assertLogContains("rid=" + onlyRequestId(null) + " result=SUCCESS", b);
        assertTrue(onlyExchange().header("Authorization").contains("Credential=ZLAKFOLDER00000000001,"));
        assertFalse(server.pendingDowngrade(INSTANCE));
    }

    @Test
    void abortingTheBuildCancelsTheCallAtOnce() throws Exception {
        server.addInstance(INSTANCE, InternetChargeType.BY_BANDWIDTH, true);
        server.enqueueFault(Fault.delay(Duration.ofSeconds(60)));
        ZenlayerGlobalConfiguration.get().setCallTimeoutSeconds(300);
        WorkflowJob p = pipeline("abort", defaultCall(INSTANCE));

        assertTrue(p.scheduleBuild(0, new Cause.UserIdCause()));
        awaitCallInFlight();
        WorkflowRun b = p.getLastBuild();
        long abortedAt = System.nanoTime();
        b.doStop();
        r.waitForCompletion(b);

        assertThat(Duration.ofNanos(System.nanoTime() - abortedAt), lessThan(Duration.ofSeconds(15)));
        r.assertBuildStatus(Result.ABORTED, b);
        r.assertLogNotContains("result=SUCCESS", b);
    }

    @Test
    void timeoutStepInterruptsADelayedCall() throws Exception {
        server.addInstance(INSTANCE, InternetChargeType.BY_BANDWIDTH, true);
        server.enqueueFault(Fault.delay(Duration.ofSeconds(60)));
        ZenlayerGlobalConfiguration.get().setCallTimeoutSeconds(300);
        WorkflowJob p = pipeline(
                "timeout", "timeout(time: 2, unit: 'SECONDS') {\n" + defaultCall(INSTANCE) + "}\necho 'not reached'\n");

        long startedAt = System.nanoTime();
        WorkflowRun b = build(p, Result.ABORTED);

        assertThat(Duration.ofNanos(System.nanoTime() - startedAt), lessThan(Duration.ofSeconds(30)));
        r.assertLogContains("Timeout has been exceeded", b);
        r.assertLogNotContains("not reached", b);
        // One line, as Jenkins' own steps print: no stack trace of the interrupted call.
        r.assertLogContains("The Zenlayer step was aborted.", b);
        r.assertLogNotContains("java.lang.InterruptedException", b);
        // Under load the timeout may fire before the request is written: at most one was sent, never more.
        assertThat(server.requestCount(), lessThan(2));
    }

    @Test
    void snippetGeneratorRoundTrip() throws Exception {
        server.addInstance(INSTANCE, InternetChargeType.BY_BANDWIDTH, false);
        CancelBandwidthDowngradeStep step = new CancelBandwidthDowngradeStep();
        step.setInstanceId(INSTANCE);
        step.setCredentialsId(CREDENTIALS_ID);
        step.setResultOverrides(List.of(new ResultOverride(NO_PENDING_DOWNGRADE, "SUCCESS")));
        String expected = FUNCTION + " credentialsId: '" + CREDENTIALS_ID + "', instanceId: '" + INSTANCE
                + "', resultOverrides: [resultOverride(code: '" + NO_PENDING_DOWNGRADE + "', result: 'SUCCESS')]";

        assertEquals(expected, Snippetizer.object2Groovy(step));

        assertEquals(
                expected,
                generateSnippet(
                        CancelBandwidthDowngradeStep.class,
                        "\"instanceId\": \"" + INSTANCE + "\", \"credentialsId\": \"" + CREDENTIALS_ID + "\", "
                                + "\"resultOverrides\": [{\"code\": \"" + NO_PENDING_DOWNGRADE
                                + "\", \"result\": \"SUCCESS\"}]"));

        WorkflowRun b = build(pipeline("generated", expected + "\n"), Result.SUCCESS);
        r.assertLogContains(onlyRequestId(NO_PENDING_DOWNGRADE), b);
    }

    @Test
    void aDryRunReadsTheStatusSendsNoCancellationAndSaysSo() throws Exception {
        server.addInstance(INSTANCE, InternetChargeType.BY_BANDWIDTH, true);
        WorkflowJob p = pipeline(
                "dry-run",
                "def res = " + FUNCTION + "(instanceId: '" + INSTANCE + "', credentialsId: '" + CREDENTIALS_ID
                        + "', dryRun: true)\n"
                        + "echo \"dry=${res.dryRun} pending=${res.downgradePending} from=${res.currentBandwidthMbps}"
                        + " to=${res.targetBandwidthMbps} result=${res.result}\"\n");

        WorkflowRun b = build(p, Result.SUCCESS);

        assertEquals(0, server.requestCount(FakeZenlayerServer.CANCEL_ACTION));
        assertEquals(FakeZenlayerServer.DESCRIBE_INTERNET_STATUS, onlyExchange().action());
        assertTrue(server.pendingDowngrade(INSTANCE));
        r.assertLogContains("dry=true pending=true from=100 to=50 result=SUCCESS", b);
        r.assertLogContains("[Zenlayer] [DRY RUN] Would cancel the downgrade of instance " + INSTANCE, b);
        for (String line : JenkinsRule.getLog(b).split("\\R")) {
            if (line.startsWith("[Zenlayer]")) {
                assertTrue(line.startsWith("[Zenlayer] [DRY RUN] "), line);
            }
        }
        ZenlayerCall call = b.getAction(ZenlayerCallsAction.class).getCalls().get(0);
        assertTrue(call.isDryRun());
        assertEquals("DRY_RUN", call.getPurposeName());
    }

    @Test
    void verificationReportsADowngradeStillPendingAsUnstable() throws Exception {
        server.addInstance(INSTANCE, InternetChargeType.BY_BANDWIDTH, true).showCancelledDowngradesFor(1);
        WorkflowJob p = pipeline(
                "verify-pending",
                call("instanceId: '" + INSTANCE + "', credentialsId: '" + CREDENTIALS_ID + "', verify: true"));

        WorkflowRun b = build(p, Result.UNSTABLE);

        assertEquals(1, server.requestCount(FakeZenlayerServer.CANCEL_ACTION));
        assertEquals(1, server.requestCount(FakeZenlayerServer.DESCRIBE_INTERNET_STATUS));
        String cancelRequestId = server.exchanges().get(0).requestId();
        r.assertLogContains(
                "rid=" + cancelRequestId + " result=UNSTABLE instance=" + INSTANCE + " code=DOWNGRADE_STILL_PENDING",
                b);
        assertNotNull(warningOnStepNode());
    }

    @Test
    void verificationConfirmsTheCancellation() throws Exception {
        server.addInstance(INSTANCE, InternetChargeType.BY_BANDWIDTH, true);
        WorkflowJob p = pipeline(
                "verify-gone",
                "def res = " + FUNCTION + "(instanceId: '" + INSTANCE + "', credentialsId: '" + CREDENTIALS_ID
                        + "', verify: true)\necho \"verified=${res.verified} pending=${res.downgradePending}\"\n");

        WorkflowRun b = build(p, Result.SUCCESS);

        r.assertLogContains("verified=true pending=false", b);
        r.assertLogContains("Verified: instance " + INSTANCE, b);
        assertFalse(server.pendingDowngrade(INSTANCE));
    }

    @Test
    void snippetGeneratorKeepsDryRunAndVerify() throws Exception {
        CancelBandwidthDowngradeStep step = new CancelBandwidthDowngradeStep();
        step.setInstanceId(INSTANCE);
        step.setCredentialsId(CREDENTIALS_ID);
        step.setDryRun(true);
        step.setVerify(true);
        String expected = FUNCTION + " credentialsId: '" + CREDENTIALS_ID + "', dryRun: true, instanceId: '" + INSTANCE
                + "', verify: true";

        assertEquals(expected, Snippetizer.object2Groovy(step));

        assertEquals(
                expected,
                generateSnippet(
                        CancelBandwidthDowngradeStep.class,
                        "\"instanceId\": \"" + INSTANCE + "\", \"credentialsId\": \"" + CREDENTIALS_ID + "\", "
                                + "\"dryRun\": true, \"verify\": true"));
    }

    /** Remembers the flow node of every call of the step. */
    @TestExtension
    public static final class StepNodes implements StepListener {
        final List<FlowNode> nodes = new CopyOnWriteArrayList<>();

        @Override
        public void notifyOfNewStep(@NonNull Step step, @NonNull StepContext context) {
            if (!(step instanceof CancelBandwidthDowngradeStep)) {
                return;
            }
            try {
                nodes.add(context.get(FlowNode.class));
            } catch (IOException | InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    /** Credentials stored on one folder, visible to the items inside it, like the Folders plugin's store. */
    @TestExtension("folderCredentialsAreUsedInsideTheFolderOnly")
    public static final class FolderCredentialsProvider extends CredentialsProvider {
        private final Map<ItemGroup<?>, List<Credentials>> stores = new ConcurrentHashMap<>();

        void put(ItemGroup<?> folder, Credentials credentials) {
            stores.computeIfAbsent(folder, f -> new ArrayList<>()).add(credentials);
        }

        @NonNull
        @Override
        public <C extends Credentials> List<C> getCredentialsInItemGroup(
                @NonNull Class<C> type,
                @Nullable ItemGroup itemGroup,
                @Nullable Authentication authentication,
                @NonNull List<DomainRequirement> domainRequirements) {
            List<C> result = new ArrayList<>();
            ItemGroup<?> group = itemGroup;
            while (group != null) {
                for (Credentials c : stores.getOrDefault(group, List.of())) {
                    if (type.isInstance(c)) {
                        result.add(type.cast(c));
                    }
                }
                group = group instanceof Item item ? item.getParent() : null;
            }
            return result;
        }
    }
}
