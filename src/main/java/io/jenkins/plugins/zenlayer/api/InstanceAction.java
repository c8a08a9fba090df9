package io.jenkins.plugins.zenlayer.api;

/**
 * What a {@link BatchRunner} does for each instance: one call of a {@link ZenlayerService}, with the service's own
 * retries. The service is new for each instance and is {@linkplain ZenlayerService#cancel() cancelled} when the batch
 * is aborted, so an action that calls it stops promptly.
 */
@FunctionalInterface
public interface InstanceAction {

    /** {@link ZenlayerService#cancelInstanceBandwidthDowngrade}. */
    InstanceAction CANCEL_BANDWIDTH_DOWNGRADE = ZenlayerService::cancelInstanceBandwidthDowngrade;

    /**
     * Calls the API for one instance.
     *
     * @param service a service for this instance alone
     * @param instanceId the instance id, surrounding whitespace already stripped
     * @param listener must be passed to the service: the batch learns its pace from the attempts it sees
     * @return the outcome of the call
     * @throws InterruptedException if the service was cancelled or the thread interrupted
     */
    CallOutcome call(ZenlayerService service, String instanceId, AttemptListener listener) throws InterruptedException;
}
