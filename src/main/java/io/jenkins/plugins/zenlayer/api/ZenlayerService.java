package io.jenkins.plugins.zenlayer.api;

/**
 * The Zenlayer BMC calls used by the plugin, for one credential and one configuration; obtain it from
 * {@link ZenlayerClient#service}. To abort a call, interrupt its thread.
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
     * @throws InterruptedException if the calling thread is interrupted: the HTTP call in flight is cancelled
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
     * @throws InterruptedException if the calling thread is interrupted: the HTTP call in flight is cancelled
     */
    CallOutcome describeInstanceInternetStatus(String instanceId, AttemptListener listener) throws InterruptedException;

    /**
     * DescribeInstances with {@code {"pageSize":1}}: a read-only probe for "Test connection". On success
     * {@link CallOutcome#totalCount()} holds the number of instances visible to the credentials.
     *
     * @throws InterruptedException if the calling thread is interrupted: the HTTP call in flight is cancelled
     */
    CallOutcome describeInstancesProbe(AttemptListener listener) throws InterruptedException;
}
