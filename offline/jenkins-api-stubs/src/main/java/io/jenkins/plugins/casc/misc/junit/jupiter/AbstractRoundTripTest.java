package io.jenkins.plugins.casc.misc.junit.jupiter;

import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
public abstract class AbstractRoundTripTest {
    protected abstract void assertConfiguredAsExpected(JenkinsRule j, String configContent);

    protected String configResource() {
        throw new UnsupportedOperationException();
    }

    protected abstract String stringInLogExpected();

    @Test
    public void roundTripTest(JenkinsRule r) throws Throwable {
        throw new UnsupportedOperationException();
    }
}
