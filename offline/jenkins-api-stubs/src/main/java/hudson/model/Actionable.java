package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;

public abstract class Actionable {
    public void addAction(@NonNull Action a) {
        throw new UnsupportedOperationException();
    }

    public boolean addOrReplaceAction(@NonNull Action a) {
        throw new UnsupportedOperationException();
    }

    public <T extends Action> T getAction(Class<T> type) {
        throw new UnsupportedOperationException();
    }
}
