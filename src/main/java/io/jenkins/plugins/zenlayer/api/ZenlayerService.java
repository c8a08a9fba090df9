package io.jenkins.plugins.zenlayer.api;

/**
 * The Zenlayer BMC calls used by the plugin. One instance serves one build step; obtain it from
 * {@link ZenlayerClient#service}.
 */
public interface ZenlayerService {

    /** The action name as sent in {@code X-ZC-Action} (the SDK spelling). */
    String CANCEL_INSTANCE_BANDWIDTH_DOWNGRADE = "CancelInstanceBandwidthDowngrade";

    /** The read-only action that shows an instance's bandwidth and any modification waiting to take effect. */
    String DESCRIBE_INSTANCE_INTERNET_STATUS = "DescribeInstanceInternetStatus";

    /** The read-only action used to check credentials and connectivity. */
    String DESCRIBE_INSTANCES = "DescribeInstances";

    /**
     * Cancels the pending bandwidth downgrade order of a bare metal instance.
     *
     * @param instanceId the instance id; surrounding whitespace is stripped
     * @param listener receives one line per attempt and per backoff
     * @return the outcome; API errors and network failures are reported here, not thrown
     * @throws InvalidRequestException if the instance id is invalid; nothing is sent then
     * @throws InterruptedException if the calling thread is interrupted or {@link #cancel()} was called
     */
    CallOutcome cancelInstanceBandwidthDowngrade(String instanceId, AttemptListener listener)
            throws InterruptedException;

    /**
     * Reads the bandwidth status of a bare metal instance (DescribeInstanceInternetStatus); read-only. On success
     * {@link CallOutcome#internetStatus()} holds the answer's bandwidth fields.
     *
     * @param instanceId the instance id; surrounding whitespace is stripped
     * @param listener receives one line per attempt and per backoff
     * @return the outcome; API errors and network failures are reported here, not thrown
     * @throws InvalidRequestException if the instance id is invalid; nothing is sent then
     * @throws InterruptedException if the calling thread is interrupted or {@link #cancel()} was called
     */
    CallOutcome describeInstanceInternetStatus(String instanceId, AttemptListener listener) throws InterruptedException;

    /**
     * DescribeInstances with {@code {"pageSize":1}}: a read-only probe for "Test connection". On success
     * {@link CallOutcome#totalCount()} holds the number of instances visible to the credentials.
     *
     * @throws InterruptedException if the calling thread is interrupted or {@link #cancel()} was called
     */
    CallOutcome describeInstancesProbe(AttemptListener listener) throws InterruptedException;

    /**
     * Aborts the call in progress, if any, and every later call of this instance: they throw
     * {@link InterruptedException} promptly. Thread-safe; may be called from any thread, more than once.
     */
    void cancel();

    /** True once {@link #cancel()} was called. */
    boolean isCancelled();
}
