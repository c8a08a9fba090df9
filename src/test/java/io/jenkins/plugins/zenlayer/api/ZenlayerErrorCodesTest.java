package io.jenkins.plugins.zenlayer.api;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

class ZenlayerErrorCodesTest {

    @Test
    void constantsAreTheirOwnNames() throws Exception {
        int count = 0;
        for (Field f : ZenlayerErrorCodes.class.getDeclaredFields()) {
            if (Modifier.isPublic(f.getModifiers()) && f.getType() == String.class) {
                assertThat(f.getName(), f.get(null), is(f.getName()));
                count++;
            }
        }
        assertThat(count, is(34));
    }

    @Test
    void helpers() {
        assertThat(ZenlayerErrorCodes.isNoPendingDowngrade("OPERATION_DENIED_DOWNGRADE_NOT_EXIST"), is(true));
        assertThat(
                ZenlayerErrorCodes.isNoPendingDowngrade("OPERATION_FILED_INSTANCE_NOT_EXIST_PLAN_FIX_BANDWIDTH"),
                is(true));
        assertThat(ZenlayerErrorCodes.isNoPendingDowngrade("INVALID_INSTANCE_NOT_FOUND"), is(false));
        assertThat(ZenlayerErrorCodes.isNoPendingDowngrade(null), is(false));
        assertThat(
                ZenlayerErrorCodes.isChargeTypeNotSupported("OPERATION_DENIED_INTERNET_CHARGE_TYPE_NOT_SUPPORT"),
                is(true));
        assertThat(
                ZenlayerErrorCodes.isChargeTypeNotSupported(
                        "OPERATION_DENIED_INTERNET_CHARGE_TYPE_NOT_BY_FIX_BANDWIDTH"),
                is(true));
        assertThat(ZenlayerErrorCodes.isChargeTypeNotSupported("OPERATION_DENIED_DOWNGRADE_NOT_EXIST"), is(false));
        assertThat(ZenlayerErrorCodes.isRetryable("REQUEST_LIMIT_EXCEEDED"), is(true));
        assertThat(ZenlayerErrorCodes.isRetryable("SERVICE_TEMPORARY_UNAVAILABLE"), is(true));
        assertThat(ZenlayerErrorCodes.isRetryable("REQUEST_TIMED_OUT"), is(true));
        assertThat(ZenlayerErrorCodes.isRetryable("INTERNAL_SERVER_ERROR"), is(false));
        assertThat(ZenlayerErrorCodes.isRetryable("request_limit_exceeded"), is(false));
        assertThat(ZenlayerErrorCodes.isRetryable(null), is(false));
    }
}
