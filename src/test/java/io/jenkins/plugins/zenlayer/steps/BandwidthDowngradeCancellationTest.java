package io.jenkins.plugins.zenlayer.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BandwidthDowngradeCancellationTest {

    private static BandwidthDowngradeCancellation cancellation() {
        // Stopping needs neither a build nor a call in progress.
        return new BandwidthDowngradeCancellation(null, null, "i-1", null, null);
    }

    @Test
    void stoppingRecordsTheCauseBeforeAbortingTheCall() throws Exception {
        BandwidthDowngradeCancellation call = cancellation();
        List<String> events = new ArrayList<>();

        call.stopAfter(() -> events.add(call.isCancelled() ? "cause recorded after the abort" : "cause recorded"));

        assertEquals(List.of("cause recorded"), events);
        assertTrue(call.isCancelled());
    }

    @Test
    void theCallIsAbortedEvenWhenRecordingTheCauseFails() {
        BandwidthDowngradeCancellation call = cancellation();

        assertThrows(
                IllegalStateException.class,
                () -> call.stopAfter(() -> {
                    throw new IllegalStateException("cannot record");
                }));

        assertTrue(call.isCancelled());
    }
}
