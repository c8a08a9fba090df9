package hudson.util;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.ArrayList;

public class ListBoxModel extends ArrayList<ListBoxModel.Option> {
    public static final class Option {
        public Option(@NonNull String name, @NonNull String value) {
            throw new UnsupportedOperationException();
        }
    }

    public ListBoxModel() {
        throw new UnsupportedOperationException();
    }

    public void add(@NonNull String displayName, @NonNull String value) {
        throw new UnsupportedOperationException();
    }
}
