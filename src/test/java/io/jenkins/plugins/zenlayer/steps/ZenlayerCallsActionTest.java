package io.jenkins.plugins.zenlayer.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import hudson.EnvVars;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ZenlayerCallsActionTest {

    private static ZenlayerCall call(String instanceId, String requestId) {
        return new ZenlayerCall("CancelInstanceBandwidthDowngrade", instanceId, requestId, "SUCCESS", null, null, 0L);
    }

    @Test
    void latestRequestIdSkipsCallsWithoutOne() {
        ZenlayerCallsAction action = new ZenlayerCallsAction();
        assertEquals(Optional.empty(), action.latestRequestId());
        action.add(call("i-1", "req-1"));
        action.add(call("i-2", null));
        assertEquals(Optional.of("req-1"), action.latestRequestId());
        action.add(call("i-3", "req-3"));
        assertEquals(Optional.of("req-3"), action.latestRequestId());
        assertEquals(3, action.getCalls().size());
    }

    @Test
    void exportsTheLatestRequestId() {
        ZenlayerCallsAction action = new ZenlayerCallsAction();
        EnvVars env = new EnvVars();
        action.buildEnvironment(null, env);
        assertFalse(env.containsKey(ZenlayerCallsAction.REQUEST_ID_VARIABLE));
        action.add(call("i-1", "req-1"));
        action.buildEnvironment(null, env);
        assertEquals("req-1", env.get(ZenlayerCallsAction.REQUEST_ID_VARIABLE));
    }

    @Test
    void hasNoPageOfItsOwn() {
        ZenlayerCallsAction action = new ZenlayerCallsAction();
        assertNull(action.getIconFileName());
        assertNull(action.getUrlName());
    }
}
