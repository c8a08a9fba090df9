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

    /** The read-only action that lists instances: checks credentials and connectivity, and selects fleets. */
    String DESCRIBE_INSTANCES = "DescribeInstances";

    /** The largest page of DescribeInstances. */
    int MAX_PAGE_SIZE = 1000;

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
     * One page of DescribeInstances; read-only. On success {@link CallOutcome#instances()} holds the page's instances
     * and {@link CallOutcome#totalCount()} the number of instances that match {@code filter}.
     *
     * @param pageNum 1 for the first page
     * @param pageSize instances per page, 1 to {@value #MAX_PAGE_SIZE}
     * @throws InterruptedException if the calling thread is interrupted: the HTTP call in flight is cancelled
     */
    CallOutcome describeInstances(InstanceFilter filter, int pageNum, int pageSize, AttemptListener listener)
            throws InterruptedException;
}
