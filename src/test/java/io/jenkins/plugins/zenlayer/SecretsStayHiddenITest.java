package io.jenkins.plugins.zenlayer;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsScope;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import hudson.model.Run;
import hudson.util.Secret;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer.Fault;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer.InternetChargeType;
import io.jenkins.plugins.zenlayer.config.ResultOverride;
import io.jenkins.plugins.zenlayer.config.ZenlayerGlobalConfiguration;
import io.jenkins.plugins.zenlayer.steps.CancelBandwidthDowngradeBuilder;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;

/** The access key password and the token never reach a build log, a job or build record, or a configuration file. */
class SecretsStayHiddenITest extends AbstractZenlayerITest {

    private static final String TOKEN = "zl-token-secret-4e2f8a91";

    private static String read(File file) throws IOException {
        return Files.readString(file.toPath(), StandardCharsets.ISO_8859_1);
    }

    private static void assertNoSecretIn(String what, String text) {
        assertThat(what, text, not(containsString(ACCESS_KEY_PASSWORD)));
        assertThat(what, text, not(containsString(TOKEN)));
    }

    /** Every file of the job: config.xml, every build.xml, logs and the Pipeline flow node records. */
    private static void assertNoSecretUnder(File directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory.toPath())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertNoSecretIn(file.toString(), Files.readString(file, StandardCharsets.ISO_8859_1));
            }
        }
    }

    private void assertNoSecretInBuild(Run<?, ?> build) throws IOException {
        assertNoSecretIn("log of " + build, JenkinsRule.getLog(build));
        File buildXml = new File(build.getRootDir(), "build.xml");
        assertTrue(buildXml.isFile(), buildXml + " exists");
        assertNoSecretIn(buildXml.toString(), read(buildXml));
    }

    @Test
    void secretsAreAbsentFromLogsRecordsAndConfiguration() throws Exception {
        server.addBearerToken(TOKEN);
        server.addInstance(INSTANCE, InternetChargeType.BY_BANDWIDTH, true);
        server.addInstance("bmc-without-downgrade", InternetChargeType.BY_BANDWIDTH, false);
        addCredentials(
                new StringCredentialsImpl(CredentialsScope.GLOBAL, "zl-token", "token", Secret.fromString(TOKEN)));
        ZenlayerGlobalConfiguration config = ZenlayerGlobalConfiguration.get();
        config.setCredentialsId(CREDENTIALS_ID);
        config.setResultOverrides(List.of(new ResultOverride(INSTANCE_NOT_FOUND, "UNSTABLE")));

        FreeStyleProject freestyle = r.createFreeStyleProject("freestyle");
        CancelBandwidthDowngradeBuilder builder = new CancelBandwidthDowngradeBuilder(INSTANCE);
        builder.setCredentialsId(CREDENTIALS_ID);
        freestyle.getBuildersList().add(builder);
        FreeStyleBuild freestyleBuild = r.buildAndAssertSuccess(freestyle);

        // A misconfigured proxy echoes the request headers, bearer token included, for the first Pipeline call.
        server.enqueueFault(Fault.echoHeaders(400));
        WorkflowJob pipeline = pipeline(
                "pipeline",
                FUNCTION + " instanceId: 'bmc-without-downgrade', credentialsId: 'zl-token', resultOverrides: "
                        + "[resultOverride(code: 'UNEXPECTED_RESPONSE', result: 'UNSTABLE')]\n"
                        + FUNCTION + " instanceId: 'bmc-unknown'\n"
                        + FUNCTION + " instanceId: 'bmc-unknown', credentialsId: 'no-such-credentials'\n");
        WorkflowRun pipelineBuild = build(pipeline, Result.FAILURE);
        r.assertLogContains("no-such-credentials", pipelineBuild);
        r.assertLogContains("UNEXPECTED_RESPONSE", pipelineBuild);

        assertNoSecretInBuild(freestyleBuild);
        assertNoSecretInBuild(pipelineBuild);
        assertNoSecretIn(
                "config.xml of the freestyle job", freestyle.getConfigFile().asString());
        assertNoSecretIn(
                "config.xml of the Pipeline job", pipeline.getConfigFile().asString());
        assertNoSecretUnder(freestyle.getRootDir());
        assertNoSecretUnder(pipeline.getRootDir());

        File globalConfig = new File(r.jenkins.getRootDir(), ZenlayerGlobalConfiguration.class.getName() + ".xml");
        assertTrue(globalConfig.isFile(), globalConfig + " exists");
        assertNoSecretIn(globalConfig.toString(), read(globalConfig));

        File credentials = new File(r.jenkins.getRootDir(), "credentials.xml");
        String stored = read(credentials);
        assertNoSecretIn("credentials.xml", stored);
        assertThat(stored, containsString(ACCESS_KEY_ID));
        assertThat(stored, containsString("<accessKeyPassword>{"));
    }
}
