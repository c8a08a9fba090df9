package io.jenkins.plugins.zenlayer;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.zenlayer.api.CallOutcome;
import io.jenkins.plugins.zenlayer.api.InstanceIdProblem;
import io.jenkins.plugins.zenlayer.api.InstanceIds;
import io.jenkins.plugins.zenlayer.api.InvalidSettingException;
import io.jenkins.plugins.zenlayer.api.ZenlayerClientConfig;
import java.util.List;

/**
 * The user's-language wording of the facts the API client reports: it returns structured problems and outcomes, and
 * this is the one place that turns them into sentences, in every language the plugin ships.
 */
public final class Wording {

    private Wording() {}

    /** Why an endpoint or API version is refused. */
    public static String settingProblem(InvalidSettingException e) {
        String value = e.value() == null ? "" : e.value();
        return switch (e.setting()) {
            case ENDPOINT ->
                switch (e.problem()) {
                    case MISSING -> Messages.Settings_endpointMissing(ZenlayerClientConfig.DEFAULT_ENDPOINT);
                    case USER_INFO -> Messages.Settings_endpointUserInfo();
                    case SCHEME -> Messages.Settings_endpointScheme(value);
                    case PLAIN_HTTP -> Messages.Settings_endpointPlainHttp(value);
                    case QUERY_OR_FRAGMENT -> Messages.Settings_endpointQuery(value);
                    case SERVICE_PATH ->
                        Messages.Settings_endpointServicePath(value, ZenlayerClientConfig.SERVICE_PATH);
                    default -> Messages.Settings_endpointMalformed(value);
                };
            case API_VERSION -> Messages.Settings_apiVersionMalformed(value, ZenlayerClientConfig.DEFAULT_API_VERSION);
            // The plugin sets the other settings itself and checks them in its own units first.
            default -> e.getMessage();
        };
    }

    /** Why an instance ID (after variable expansion) cannot be sent. */
    public static String instanceIdProblem(InstanceIdProblem problem, @CheckForNull String instanceId) {
        return switch (problem) {
            case MISSING -> Messages.InstanceId_missing();
            case UNEXPANDED_VARIABLE -> {
                List<String> references = InstanceIds.variableReferences(instanceId);
                String reference = references.isEmpty() ? "$" : references.get(0);
                yield Messages.InstanceId_unresolved(reference, InstanceIds.variableName(reference));
            }
            case CONTAINS_WHITESPACE -> Messages.InstanceId_whitespace();
            case CONTAINS_CONTROL_CHARACTER -> Messages.InstanceId_controlCharacter();
            case TOO_LONG -> Messages.InstanceId_tooLong(InstanceIds.MAX_LENGTH);
        };
    }

    /**
     * The error message of a failed call, with the number of attempts when the client gave up retrying; {@code null}
     * on success.
     */
    @CheckForNull
    public static String errorMessage(CallOutcome outcome) {
        String message = outcome.message();
        if (message == null || !outcome.retriesExhausted()) {
            return message;
        }
        String gaveUp = Messages.CallLog_gaveUp(outcome.attempts().size());
        return message.isEmpty() ? gaveUp : message + (message.endsWith(".") ? " " : ". ") + gaveUp;
    }

    /** What an attempt whose answer was lost means for the call; {@code null} when no answer was lost. */
    @CheckForNull
    public static String lostAnswerNote(CallOutcome outcome) {
        return switch (outcome.lostAnswer()) {
            case NONE -> null;
            case INFERRED_SUCCESS ->
                Messages.CallLog_lostAnswerInferredSuccess(
                        outcome.lostAttempt(),
                        outcome.lastAttempt().number(),
                        outcome.lastAttempt().code());
            case MAY_HAVE_TAKEN_EFFECT -> Messages.CallLog_lostAnswerMayHaveTakenEffect(outcome.lostAttempt());
        };
    }

    /**
     * As {@link #lostAnswerNote}, when a status read follows to confirm the success instead of inferring it;
     * {@code null} when there is nothing to confirm.
     */
    @CheckForNull
    public static String lostAnswerNoteBeforeVerifying(CallOutcome outcome) {
        if (outcome.lostAnswer() != CallOutcome.LostAnswer.INFERRED_SUCCESS) {
            return lostAnswerNote(outcome);
        }
        return Messages.CallLog_lostAnswerToConfirm(
                outcome.lostAttempt(),
                outcome.lastAttempt().number(),
                outcome.lastAttempt().code());
    }
}
