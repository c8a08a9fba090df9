package hudson.util;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

public final class Secret implements Serializable {
    Secret(String value) {
        throw new UnsupportedOperationException();
    }

    @NonNull
    public String getPlainText() {
        throw new UnsupportedOperationException();
    }

    @NonNull
    public static Secret fromString(@CheckForNull String data) {
        throw new UnsupportedOperationException();
    }

    @NonNull
    public static String toString(@CheckForNull Secret s) {
        throw new UnsupportedOperationException();
    }

    @CheckForNull
    public static Secret decrypt(@CheckForNull String data) {
        throw new UnsupportedOperationException();
    }
}
