package io.jenkins.plugins.zenlayer.api;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.Set;

/**
 * Error codes of the Zenlayer Cloud API 2.0 relevant to the BMC actions used here, plus pseudo-codes that this client
 * produces itself for answers that do not come from the Zenlayer API. Codes are opaque strings: anything not listed
 * here is passed through verbatim.
 */
public final class ZenlayerErrorCodes {

    // Common codes (HTTP status in the comment is the documented one; do not rely on it).

    /** 500. */
    public static final String INTERNAL_SERVER_ERROR = "INTERNAL_SERVER_ERROR";
    /** 503, temporary: retried. */
    public static final String SERVICE_TEMPORARY_UNAVAILABLE = "SERVICE_TEMPORARY_UNAVAILABLE";
    /** 503, temporary: retried. */
    public static final String REQUEST_TIMED_OUT = "REQUEST_TIMED_OUT";
    /** 401, the Authorization header is not in the Zenlayer format (also used for unknown keys). */
    public static final String AUTHFAILURE_INVALID_AUTHORIZATION = "AUTHFAILURE_INVALID_AUTHORIZATION";
    /** 401, signature mismatch: usually a wrong access key password. */
    public static final String AUTHFAILURE_SIGNATURE_FAILURE = "AUTHFAILURE_SIGNATURE_FAILURE";
    /** 401, not authorised or the action does not exist. */
    public static final String AUTHFAILURE_UNAUTHORIZED_OPERATION = "AUTHFAILURE_UNAUTHORIZED_OPERATION";
    /** 401, the timestamp differs from the server time by more than five minutes. */
    public static final String AUTHFAILURE_SIGNATURE_EXPIRED = "AUTHFAILURE_SIGNATURE_EXPIRED";
    /** 400. */
    public static final String MISSING_PARAMETER = "MISSING_PARAMETER";
    /** 400. */
    public static final String INVALID_PARAMETER_TYPE = "INVALID_PARAMETER_TYPE";
    /** 400. */
    public static final String INVALID_PARAMETER_EXCEED_MAXIMUM = "INVALID_PARAMETER_EXCEED_MAXIMUM";
    /** 400. */
    public static final String INVALID_PARAMETER_LESS_MINIMUM = "INVALID_PARAMETER_LESS_MINIMUM";
    /** 400. */
    public static final String INVALID_PARAMETER_EXCEED_LENGTH = "INVALID_PARAMETER_EXCEED_LENGTH";
    /** 400. */
    public static final String INVALID_PARAMETER_LESS_LENGTH = "INVALID_PARAMETER_LESS_LENGTH";
    /** 400. */
    public static final String INVALID_PARAMETER_PATTERN_ERROR = "INVALID_PARAMETER_PATTERN_ERROR";
    /** 400. */
    public static final String INVALID_PARAMETER_DATE_FORMAT_ERROR = "INVALID_PARAMETER_DATE_FORMAT_ERROR";
    /** 400. */
    public static final String INVALID_PARAMETER_VALUE = "INVALID_PARAMETER_VALUE";
    /** 403. */
    public static final String OPERATION_FAILED_FOR_RECYCLE_RESOURCE = "OPERATION_FAILED_FOR_RECYCLE_RESOURCE";
    /** 404. */
    public static final String OPERATION_FAILED_RESOURCE_GROUP_NOT_FOUND = "OPERATION_FAILED_RESOURCE_GROUP_NOT_FOUND";
    /** 404. */
    public static final String OPERATION_FAILED_RESOURCE_NOT_FOUND = "OPERATION_FAILED_RESOURCE_NOT_FOUND";
    /** 429 (known from the SDKs only), temporary: retried. */
    public static final String REQUEST_LIMIT_EXCEEDED = "REQUEST_LIMIT_EXCEEDED";

    // CancelInstanceBandwidthDowngrade, current generation.

    /** 404, no such instance. */
    public static final String INVALID_INSTANCE_NOT_FOUND = "INVALID_INSTANCE_NOT_FOUND";
    /** 403 (a sibling action documents 404), no bandwidth downgrade order exists. */
    public static final String OPERATION_DENIED_DOWNGRADE_NOT_EXIST = "OPERATION_DENIED_DOWNGRADE_NOT_EXIST";
    /** 403, the instance is not billed by fixed bandwidth. */
    public static final String OPERATION_DENIED_INTERNET_CHARGE_TYPE_NOT_SUPPORT =
            "OPERATION_DENIED_INTERNET_CHARGE_TYPE_NOT_SUPPORT";

    // CancelInstanceBandwidthDowngrade, 2023 generation (the misspelling "FILED" is the documented wire value).

    /** 403, 2023 spelling of {@link #OPERATION_DENIED_DOWNGRADE_NOT_EXIST}. */
    public static final String OPERATION_FILED_INSTANCE_NOT_EXIST_PLAN_FIX_BANDWIDTH =
            "OPERATION_FILED_INSTANCE_NOT_EXIST_PLAN_FIX_BANDWIDTH";
    /** 403, 2023 spelling of {@link #OPERATION_DENIED_INTERNET_CHARGE_TYPE_NOT_SUPPORT}. */
    public static final String OPERATION_DENIED_INTERNET_CHARGE_TYPE_NOT_BY_FIX_BANDWIDTH =
            "OPERATION_DENIED_INTERNET_CHARGE_TYPE_NOT_BY_FIX_BANDWIDTH";

    // Client-side pseudo-codes: never sent by the server.

    /** HTTP 403 with {@code cf-mitigated: challenge}: a network-layer block, not an API error. */
    public static final String SECURITY_CHALLENGE = "SECURITY_CHALLENGE";
    /** HTTP 451: blocked by a security policy before reaching the API. */
    public static final String REQUEST_BLOCKED = "REQUEST_BLOCKED";
    /** HTTP 407 from a proxy that got no or wrong credentials; the request did not reach the API. */
    public static final String PROXY_AUTHENTICATION_REQUIRED = "PROXY_AUTHENTICATION_REQUIRED";
    /** A body that is not a Zenlayer envelope: HTML, empty, truncated or malformed JSON, missing fields. */
    public static final String UNEXPECTED_RESPONSE = "UNEXPECTED_RESPONSE";
    /** Connection failure, reset, or read timeout, after all retries. */
    public static final String NETWORK_ERROR = "NETWORK_ERROR";
    /** The per-attempt call timeout elapsed, after all retries. */
    public static final String CALL_TIMEOUT = "CALL_TIMEOUT";
    /**
     * The cancellation was accepted, but DescribeInstanceInternetStatus read afterwards still shows a pending
     * downgrade: set by verification, never by an answer.
     */
    public static final String DOWNGRADE_STILL_PENDING = "DOWNGRADE_STILL_PENDING";
    /** The plugin failed on an instance without an answer to report (an unexpected exception); never sent by the API. */
    public static final String PLUGIN_ERROR = "PLUGIN_ERROR";
    /** A selection of instances (zone, tags, ...) matched none: set by the plugin, never sent by the API. */
    public static final String NO_INSTANCE_SELECTED = "NO_INSTANCE_SELECTED";

    private static final Set<String> NO_PENDING_DOWNGRADE =
            Set.of(OPERATION_DENIED_DOWNGRADE_NOT_EXIST, OPERATION_FILED_INSTANCE_NOT_EXIST_PLAN_FIX_BANDWIDTH);
    private static final Set<String> CHARGE_TYPE_NOT_SUPPORTED = Set.of(
            OPERATION_DENIED_INTERNET_CHARGE_TYPE_NOT_SUPPORT,
            OPERATION_DENIED_INTERNET_CHARGE_TYPE_NOT_BY_FIX_BANDWIDTH);
    private static final Set<String> RETRYABLE =
            Set.of(REQUEST_LIMIT_EXCEEDED, SERVICE_TEMPORARY_UNAVAILABLE, REQUEST_TIMED_OUT);

    private ZenlayerErrorCodes() {}

    /** True for "no bandwidth downgrade order exists", in either generation of codes. */
    public static boolean isNoPendingDowngrade(@CheckForNull String code) {
        return code != null && NO_PENDING_DOWNGRADE.contains(code);
    }

    /** True for "the instance's internet charge type does not support this", in either generation of codes. */
    public static boolean isChargeTypeNotSupported(@CheckForNull String code) {
        return code != null && CHARGE_TYPE_NOT_SUPPORTED.contains(code);
    }

    /** True for the server codes that mean "try again later". */
    public static boolean isRetryable(@CheckForNull String code) {
        return code != null && RETRYABLE.contains(code);
    }
}
