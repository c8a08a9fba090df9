package io.jenkins.plugins.zenlayer.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ZenlayerCallsActionTest {

    private static ZenlayerCall call(String instanceId, String requestId) {
        return new ZenlayerCall(
                "CancelInstanceBandwidthDowngrade",
                instanceId,
                requestId,
                "SUCCESS",
                null,
                null,
                ZenlayerCall.Purpose.CANCEL,
                null,
                null);
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
}
