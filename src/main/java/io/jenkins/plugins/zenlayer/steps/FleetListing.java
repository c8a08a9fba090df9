package io.jenkins.plugins.zenlayer.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.zenlayer.Messages;
import io.jenkins.plugins.zenlayer.api.CallOutcome;
import io.jenkins.plugins.zenlayer.api.InstanceFilter;
import io.jenkins.plugins.zenlayer.api.InstanceInfo;
import io.jenkins.plugins.zenlayer.api.ZenlayerService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The instances of a filter, read with DescribeInstances a page at a time ({@value ZenlayerService#MAX_PAGE_SIZE} per
 * page), each page's request ID in the log. Plain Java, like {@link DowngradeProcedure}.
 *
 * @param instances every instance listed, in the API's order; empty when the listing failed or was too large
 * @param totalCount how many instances match, as the API counts them
 * @param failed the outcome of the page that failed, if one did: the listing ends there
 */
public record FleetListing(
        List<InstanceInfo> instances,
        long totalCount,
        @CheckForNull CallOutcome failed) {

    /**
     * Lists the instances of {@code filter}. Stops after the first page when more than {@code max} match, so that a
     * fleet too large for one step costs one call.
     */
    public static FleetListing list(ZenlayerService service, InstanceFilter filter, int max, Consumer<String> log)
            throws InterruptedException {
        List<InstanceInfo> instances = new ArrayList<>();
        DowngradeProcedure.LoggingAttemptListener attempts = new DowngradeProcedure.LoggingAttemptListener(log);
        for (int page = 1; ; page++) {
            CallOutcome outcome = service.describeInstances(filter, page, ZenlayerService.MAX_PAGE_SIZE, attempts);
            List<InstanceInfo> listed = outcome.instances();
            Long total = outcome.totalCount();
            if (!outcome.success() || listed == null || total == null) {
                return new FleetListing(List.of(), 0, outcome);
            }
            instances.addAll(listed);
            log.accept(CallLog.PREFIX
                    + Messages.CallLog_page(page, listed.size(), total, CallLog.requestIdText(outcome.requestId())));
            if (total > max) {
                return new FleetListing(List.of(), total, null);
            }
            if (listed.isEmpty() || instances.size() >= total) {
                return new FleetListing(List.copyOf(instances), total, null);
            }
        }
    }

    /** The instances listed that can have a bandwidth downgrade order, in order. */
    public List<String> eligible() {
        return instances.stream()
                .filter(i -> skipReason(i).isEmpty())
                .map(InstanceInfo::instanceId)
                .toList();
    }

    /** The instances listed that cannot have a bandwidth downgrade order, each with the reason, in order. */
    public Map<String, String> skipped() {
        Map<String, String> skipped = new LinkedHashMap<>();
        for (InstanceInfo instance : instances) {
            skipReason(instance).ifPresent(reason -> skipped.put(instance.instanceId(), reason));
        }
        return skipped;
    }

    /** Why an instance cannot have a bandwidth downgrade order (not prepaid, or not billed by bandwidth), if so. */
    static Optional<String> skipReason(InstanceInfo instance) {
        if (!InstanceInfo.PREPAID.equalsIgnoreCase(instance.instanceChargeType())) {
            return Optional.of(Messages.Select_notPrepaid(CallLog.oneLine(instance.instanceChargeType())));
        }
        if (!InstanceInfo.BY_BANDWIDTH.equalsIgnoreCase(instance.internetChargeType())) {
            return Optional.of(Messages.Select_notByBandwidth(CallLog.oneLine(instance.internetChargeType())));
        }
        return Optional.empty();
    }
}
