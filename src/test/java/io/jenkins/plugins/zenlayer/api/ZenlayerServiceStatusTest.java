package io.jenkins.plugins.zenlayer.api;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jenkins.plugins.zenlayer.api.Fixture.RecordingListener;
import io.jenkins.plugins.zenlayer.api.InternetStatus.Downgrade;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DescribeInstanceInternetStatus through the client, against the fake server's instance state. */
class ZenlayerServiceStatusTest {

    private static final String READ = ZenlayerService.DESCRIBE_INSTANCE_INTERNET_STATUS;
    private static final String CANCEL = ZenlayerService.CANCEL_INSTANCE_BANDWIDTH_DOWNGRADE;

    private Fixture fx;

    @BeforeEach
    void setUp() throws Exception {
        fx = new Fixture();
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void pendingThenCancelledThenNothingPending() throws Exception {
        ZenlayerService service = fx.service();

        CallOutcome before = service.describeInstanceInternetStatus(Fixture.INSTANCE, null);
        CallOutcome cancel = service.cancelInstanceBandwidthDowngrade(Fixture.INSTANCE, null);
        CallOutcome after = service.describeInstanceInternetStatus(" " + Fixture.INSTANCE + " ", null);

        assertThat(before.success(), is(true));
        assertThat(before.action(), is(READ));
        assertThat(before.instanceId(), is(Fixture.INSTANCE));
        assertThat(before.requestId(), is(fx.fake.exchanges().get(0).requestId()));
        assertThat(
                before.internetStatus(),
                is(new InternetStatus(Fixture.INSTANCE, "fake-" + Fixture.INSTANCE, 100, 50, "WaitToEnable")));
        assertThat(before.internetStatus().downgrade(), is(Downgrade.PENDING));
        assertThat(cancel.success(), is(true));
        assertThat(cancel.internetStatus(), nullValue());
        assertThat(
                after.internetStatus(),
                is(new InternetStatus(Fixture.INSTANCE, "fake-" + Fixture.INSTANCE, 100, null, "Enable")));
        assertThat(after.internetStatus().downgrade(), is(Downgrade.NONE));
        assertThat(fx.fake.requestCount(READ), is(2));
        assertThat(fx.fake.requestCount(CANCEL), is(1));
        assertThat(fx.fake.exchanges().get(2).body(), is("{\"instanceId\":\"" + Fixture.INSTANCE + "\"}"));
    }

    @Test
    void anUnknownInstanceIsAnErrorWithoutStatus() throws Exception {
        CallOutcome outcome = fx.service().describeInstanceInternetStatus("bmc-nope", null);

        assertThat(outcome.success(), is(false));
        assertThat(outcome.code(), is(ZenlayerErrorCodes.INVALID_INSTANCE_NOT_FOUND));
        assertThat(outcome.httpStatus(), is(404));
        assertThat(outcome.internetStatus(), nullValue());
    }

    @Test
    void aLostAnswerToTheReadIsRetriedAndNothingIsInferred() throws Exception {
        fx.fake.enqueueFault(Fault.disconnectAfterProcessing());
        RecordingListener listener = new RecordingListener();

        CallOutcome outcome = fx.service().describeInstanceInternetStatus(Fixture.INSTANCE, listener);

        assertThat(outcome.success(), is(true));
        assertThat(outcome.lostAnswer(), is(CallOutcome.LostAnswer.NONE));
        assertThat(outcome.attempts(), hasSize(2));
        assertThat(listener.attempts, hasSize(2));
        assertThat(outcome.internetStatus().downgrade(), is(Downgrade.PENDING));
        assertThat(fx.fake.requestCount(CANCEL), is(0));
    }

    @Test
    void anInvalidInstanceIdIsNotSent() {
        assertThrows(InvalidRequestException.class, () -> fx.service().describeInstanceInternetStatus("two ids", null));
        assertThat(fx.fake.requestCount(), is(0));
    }
}
