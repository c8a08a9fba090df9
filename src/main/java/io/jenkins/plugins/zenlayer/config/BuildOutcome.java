package io.jenkins.plugins.zenlayer.config;

import hudson.model.Result;
import java.util.Locale;
import java.util.Optional;

/** The build result a Zenlayer call leads to. Kept apart from {@link Result} so that the decision is plain Java. */
public enum BuildOutcome {
    SUCCESS,
    UNSTABLE,
    FAILURE;

    /** Parses a result name as typed by a user ({@code success}, {@code UNSTABLE}, ...). */
    public static Optional<BuildOutcome> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String name = text.strip().toUpperCase(Locale.ROOT);
        for (BuildOutcome outcome : values()) {
            if (outcome.name().equals(name)) {
                return Optional.of(outcome);
            }
        }
        return Optional.empty();
    }

    /** The Jenkins build result of the same name. */
    public Result toResult() {
        return switch (this) {
            case SUCCESS -> Result.SUCCESS;
            case UNSTABLE -> Result.UNSTABLE;
            case FAILURE -> Result.FAILURE;
        };
    }
}
