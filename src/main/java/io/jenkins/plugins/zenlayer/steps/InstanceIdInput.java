package io.jenkins.plugins.zenlayer.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.zenlayer.Messages;
import io.jenkins.plugins.zenlayer.api.InstanceIdProblem;
import io.jenkins.plugins.zenlayer.api.InstanceIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks of the instance ID as typed in a form and as it arrives at run time, after variable expansion. */
public final class InstanceIdInput {

    /** {@code ${NAME}} or {@code $NAME}: what Jenkins expands, and leaves in place when the variable is unknown. */
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]*)}|\\$([A-Za-z_][A-Za-z0-9_]*)");

    private InstanceIdInput() {}

    /** The variable references still in a value, in order, as written (for example {@code ${ID}}). */
    public static List<String> unresolvedVariables(@CheckForNull String value) {
        List<String> found = new ArrayList<>();
        if (value != null) {
            Matcher m = VARIABLE.matcher(value);
            while (m.find()) {
                found.add(m.group());
            }
        }
        return found;
    }

    /** Whether a form value refers to variables that are expanded when the build runs. */
    public static boolean hasVariables(@CheckForNull String value) {
        return !unresolvedVariables(value).isEmpty();
    }

    /** What is wrong with an instance ID after variable expansion, if anything. */
    public static Optional<String> problem(@CheckForNull String expanded) {
        List<String> unresolved = unresolvedVariables(expanded);
        if (!unresolved.isEmpty()) {
            String reference = unresolved.get(0);
            return Optional.of(Messages.InstanceId_unresolved(reference, variableName(reference)));
        }
        return InstanceIds.check(expanded).map(InstanceIdInput::describe);
    }

    /** The bare name of a reference: {@code ID} for {@code ${ID}} or {@code $ID}. */
    static String variableName(String reference) {
        String name =
                reference.startsWith("${") ? reference.substring(2, reference.length() - 1) : reference.substring(1);
        return name.strip();
    }

    /** A localized explanation of an instance ID problem. */
    public static String describe(InstanceIdProblem problem) {
        return switch (problem) {
            case MISSING -> Messages.InstanceId_missing();
            case CONTAINS_WHITESPACE -> Messages.InstanceId_whitespace();
            case CONTAINS_CONTROL_CHARACTER -> Messages.InstanceId_controlCharacter();
            case TOO_LONG -> Messages.InstanceId_tooLong(InstanceIds.MAX_LENGTH);
        };
    }
}
