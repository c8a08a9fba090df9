package io.jenkins.plugins.zenlayer.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.jenkins.plugins.zenlayer.ShippedClient;
import io.jenkins.plugins.zenlayer.api.InstanceFilter;
import io.jenkins.plugins.zenlayer.api.InstanceInfo;
import io.jenkins.plugins.zenlayer.api.ZenlayerAuth;
import io.jenkins.plugins.zenlayer.api.ZenlayerClientConfig;
import io.jenkins.plugins.zenlayer.api.ZenlayerService;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer.Fault;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer.InternetChargeType;
import io.jenkins.plugins.zenlayer.config.BuildOutcome;
import io.jenkins.plugins.zenlayer.config.ResultPolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A fleet named by a selection, through the steps' own code against the fake server: the listing (filters, tags,
 * paging), the skip rule, and a cancellation only where a downgrade is pending.
 */
class FleetSelectionTest {

    private static final String KEY_ID = "AKIDselection0001";
    private static final String KEY_PASSWORD = "Pw-selection-5e4d3c-SECRET";
    private static final String CANCEL = ZenlayerService.CANCEL_INSTANCE_BANDWIDTH_DOWNGRADE;
    private static final String READ = ZenlayerService.DESCRIBE_INSTANCE_INTERNET_STATUS;

    private FakeZenlayerServer fake;
    private ShippedClient client;
    private final List<String> log = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        fake = new FakeZenlayerServer().start();
        fake.addAccessKey(KEY_ID, KEY_PASSWORD);
        client = ShippedClient.create();
    }

    @AfterEach
    void tearDown() {
        client.close();
        fake.close();
    }

    private ZenlayerService service() {
        return client.client()
                .service(
                        ZenlayerAuth.accessKey(KEY_ID, KEY_PASSWORD),
                        ZenlayerClientConfig.builder().endpoint(fake.endpoint()).build());
    }

    private void add(String id, boolean pending, FakeZenlayerServer.Placement placement) {
        fake.addInstance(id, InternetChargeType.BY_BANDWIDTH, pending).place(id, placement);
    }

    private static InstanceFilter byTag(String key, String value) {
        return new InstanceFilter(null, null, null, null, null, Map.of(key, value), List.of());
    }

    @Test
    void everyFilterGivenMustMatchTagsIncluded() throws Exception {
        FakeZenlayerServer.Placement release = FakeZenlayerServer.DEFAULT_PLACEMENT.withTag("release", "2026.12");
        add("bmc-web-1", true, release.withTag("role", "web"));
        add("bmc-web-2", false, release.withTag("role", "web").inZone("FRA-A"));
        add("bmc-db-1", true, release.withTag("role", "db"));
        add("bmc-old-1", true, FakeZenlayerServer.DEFAULT_PLACEMENT.withTag("release", "2026.11"));

        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("release", "2026.12");
        tags.put("role", "web");
        FleetListing web = FleetListing.list(
                service(), new InstanceFilter(null, null, null, null, null, tags, List.of()), 1000, log::add);
        FleetListing webInSeoul = FleetListing.list(
                service(), new InstanceFilter("SEL-A", null, null, null, null, tags, List.of()), 1000, log::add);
        FleetListing byName = FleetListing.list(
                service(),
                new InstanceFilter(null, null, null, null, "fake-bmc-web-*", Map.of(), List.of()),
                1000,
                log::add);

        assertThat(web.instances().stream().map(InstanceInfo::instanceId).toList(), contains("bmc-web-1", "bmc-web-2"));
        assertThat(webInSeoul.instances().stream().map(InstanceInfo::instanceId).toList(), contains("bmc-web-1"));
        assertThat(
                byName.instances().stream().map(InstanceInfo::instanceId).toList(), contains("bmc-web-1", "bmc-web-2"));
        InstanceInfo first = web.instances().get(0);
        assertThat(first.zoneId(), is("SEL-A"));
        assertThat(first.tags().get("role"), is("web"));
        assertThat(first.instanceChargeType(), is("PREPAID"));
        assertThat(first.bandwidthOutMbps(), is(FakeZenlayerServer.DEFAULT_BANDWIDTH_MBPS));
        assertThat(log, hasItem(containsString("DescribeInstances page 1: 2 instances of 2. requestId: T")));
    }

    @Test
    void everyPageIsReadAndLogged() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 2_345; i++) {
            String id = String.format("bmc-page-%04d", i);
            fake.addInstance(id, InternetChargeType.BY_BANDWIDTH, false);
            ids.add(id);
        }

        FleetListing listing = FleetListing.list(service(), InstanceFilter.ALL, 5_000, log::add);

        assertThat(listing.totalCount(), is(2_345L));
        assertThat(listing.instances().stream().map(InstanceInfo::instanceId).toList(), is(ids));
        assertThat(fake.requestCount(FakeZenlayerServer.DESCRIBE_INSTANCES), is(3));
        assertThat(
                log.stream().filter(l -> l.contains("DescribeInstances page")).count(), is(3L));
        assertThat(log, hasItem(containsString("page 3: 345 instances of 2,345")));
    }

    @Test
    void aFleetLargerThanTheLimitCostsOnePageAndIsNotCut() throws Exception {
        for (int i = 0; i < 12; i++) {
            fake.addInstance("bmc-many-" + i, InternetChargeType.BY_BANDWIDTH, false);
        }

        FleetListing listing = FleetListing.list(service(), InstanceFilter.ALL, 10, log::add);

        assertThat(listing.totalCount(), is(12L));
        assertThat(listing.instances(), empty());
        assertThat(listing.failed(), nullValue());
        assertThat(fake.requestCount(FakeZenlayerServer.DESCRIBE_INSTANCES), is(1));
    }

    @Test
    void aFailedPageEndsTheListingWithItsOutcome() throws Exception {
        fake.addInstance("bmc-x", InternetChargeType.BY_BANDWIDTH, false);
        fake.enqueueFault(Fault.error(401, "AUTHFAILURE_UNAUTHORIZED_OPERATION", "not allowed"));

        FleetListing listing = FleetListing.list(service(), InstanceFilter.ALL, 1000, log::add);

        assertThat(listing.failed().code(), is("AUTHFAILURE_UNAUTHORIZED_OPERATION"));
        assertThat(listing.instances(), empty());
    }

    @Test
    void onlyPrepaidInstancesBilledByBandwidthCanHaveADowngradeOrder() {
        InstanceInfo prepaid = new InstanceInfo("i-1", null, null, null, "PREPAID", "ByBandwidth", 100, null, Map.of());
        InstanceInfo postpaid =
                new InstanceInfo("i-2", null, null, null, "POSTPAID", "ByBandwidth", 100, null, Map.of());
        InstanceInfo traffic =
                new InstanceInfo("i-3", null, null, null, "PREPAID", "ByTrafficPackage", 100, null, Map.of());

        assertThat(FleetListing.skipReason(prepaid).isEmpty(), is(true));
        assertThat(FleetListing.skipReason(postpaid).orElseThrow(), containsString("POSTPAID"));
        assertThat(FleetListing.skipReason(traffic).orElseThrow(), containsString("ByTrafficPackage"));
    }

    @Test
    void aSelectionCancelsOnlyWherePendingAndASecondRunSendsNoCancellation() throws Exception {
        fake.addInstance("bmc-sel-1", InternetChargeType.BY_BANDWIDTH, true)
                .addInstance("bmc-sel-2", InternetChargeType.BY_BANDWIDTH, false)
                .addInstance("bmc-sel-3", InternetChargeType.BY_BANDWIDTH, true);
        List<String> ids = List.of("bmc-sel-1", "bmc-sel-2", "bmc-sel-3");
        DowngradeProcedure procedure =
                DowngradeProcedure.forCancelStep(false, false).forSelection();

        List<ZenlayerCall> first =
                procedure.runAll(ids, 2, this::service, ResultPolicy.Rules.DEFAULT, log::add, true, call -> {});
        int cancelsAfterFirst = fake.requestCount(CANCEL);
        List<ZenlayerCall> second =
                procedure.runAll(ids, 2, this::service, ResultPolicy.Rules.DEFAULT, log::add, true, call -> {});

        assertThat(cancelsAfterFirst, is(2));
        assertThat(fake.requestCount(CANCEL), is(2));
        assertThat(fake.requestCount(READ), is(6));
        assertThat(StepRunner.worst(first), is(BuildOutcome.SUCCESS));
        assertThat(StepRunner.worst(second), is(BuildOutcome.SUCCESS));
        Map<String, Object> map = StepRunner.stepResult(first, true, 0, Map.of("bmc-skip", "not prepaid"));
        assertThat(map.get("cancelled"), is(List.of("bmc-sel-1", "bmc-sel-3")));
        assertThat(map.get("nothingPending"), is(List.of("bmc-sel-2")));
        assertThat(map.get("skipped"), is(List.of(Map.of("instanceId", "bmc-skip", "reason", "not prepaid"))));
        Map<String, Object> again = StepRunner.stepResult(second, true, 0, Map.of());
        assertThat(again.get("cancelled"), is(List.of()));
        assertThat(again.get("nothingPending"), is(ids));
        assertThat(log, hasItem(containsString("[bmc-sel-2] Instance bmc-sel-2 has no bandwidth downgrade pending")));
    }
}
