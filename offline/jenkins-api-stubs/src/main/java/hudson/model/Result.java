package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

public final class Result implements Serializable {
    public static final @NonNull Result SUCCESS = null;

    public static final @NonNull Result UNSTABLE = null;

    public static final @NonNull Result FAILURE = null;

    private Result(@NonNull String name, @NonNull BallColor color, int ordinal, boolean complete) {
        throw new UnsupportedOperationException();
    }

    public static final @NonNull Result ABORTED = null;
}
