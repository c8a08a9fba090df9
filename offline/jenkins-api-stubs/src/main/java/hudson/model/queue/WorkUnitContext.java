package hudson.model.queue;

import hudson.model.Queue.BuildableItem;

public final class WorkUnitContext {
    public WorkUnitContext(BuildableItem item) {
        throw new UnsupportedOperationException();
    }
}
