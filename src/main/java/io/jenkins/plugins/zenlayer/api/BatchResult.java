package io.jenkins.plugins.zenlayer.api;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link BatchRunner} did: one result per distinct instance in the order given, the duplicates it removed, and
 * figures of the run. Facts only; the caller words them.
 *
 * @param results exactly one per distinct instance id, in the order of first occurrence
 * @param duplicates the later occurrences of ids already in the list, in input order; nothing was sent for them
 * @param aborted whether the batch was aborted ({@link BatchRunner#cancel()} or an interrupt of the waiting thread)
 * @param elapsed from the start of {@link BatchRunner#run} to its return
 * @param workers the worker threads the batch used
 * @param peakCallsInFlight the most calls of the action running at the same time
 * @param attempts HTTP attempts seen, all instances and retries included
 * @param rateLimitedAnswers attempts refused by the API's rate limit (HTTP 429 or {@code REQUEST_LIMIT_EXCEEDED})
 * @param slowDowns how often the batch lowered its rate
 * @param lowestRate the lowest rate in calls per second, {@code Infinity} if the batch never slowed down
 */
public record BatchResult(
        @NonNull List<InstanceResult> results,
        @NonNull List<Duplicate> duplicates,
        boolean aborted,
        @NonNull Duration elapsed,
        int workers,
        int peakCallsInFlight,
        int attempts,
        int rateLimitedAnswers,
        int slowDowns,
        double lowestRate) {

    /**
     * An id removed because it already occurred earlier in the list.
     *
     * @param position 0-based position of this occurrence in the list given to the runner
     * @param instanceId the id, surrounding whitespace stripped
     * @param firstPosition 0-based position of its first occurrence, the one that is called
     */
    public record Duplicate(int position, @NonNull String instanceId, int firstPosition) {}

    public BatchResult {
        results = List.copyOf(results);
        duplicates = List.copyOf(duplicates);
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /** The results in the given state, in order. */
    public List<InstanceResult> inState(InstanceResult.State state) {
        return results.stream().filter(r -> r.state() == state).toList();
    }

    /** How many results are in the given state. */
    public int count(InstanceResult.State state) {
        return (int) results.stream().filter(r -> r.state() == state).count();
    }

    /** The instances whose call finished and succeeded. */
    public int succeeded() {
        return (int) results.stream().filter(InstanceResult::succeeded).count();
    }

    /** True when every instance's call finished and succeeded. */
    public boolean allSucceeded() {
        return results.stream().allMatch(InstanceResult::succeeded);
    }
}
