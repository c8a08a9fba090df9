package io.jenkins.plugins.zenlayer.config;

import java.util.Locale;
import java.util.Optional;

/** The build result a Zenlayer call leads to. Kept apart from Jenkins' {@code Result} so that the decision is plain Java. */
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
}
