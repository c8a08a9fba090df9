package io.jenkins.plugins.zenlayer.api;

import edu.umd.cs.findbugs.annotations.CheckForNull;

/**
 * A request that is rejected on the client before anything is sent, for example a malformed instance id. Carries the
 * problem, so that callers word it in their users' language; the message is a short English fallback.
 */
public class InvalidRequestException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final InstanceIdProblem problem;

    public InvalidRequestException(InstanceIdProblem problem, @CheckForNull String instanceId) {
        super("Invalid instance ID (" + problem + "): " + Text.quoteForMessage(instanceId, 60));
        this.problem = problem;
    }

    public InstanceIdProblem problem() {
        return problem;
    }
}
