package hudson.model.queue;

import hudson.model.Executor;
import hudson.model.Queue.BuildableItem;
import java.util.List;

public class MappingWorksheet {
    public MappingWorksheet(BuildableItem item, List<? extends ExecutorSlot> offers) {
        throw new UnsupportedOperationException();
    }

    public final class Mapping {}

    public abstract static class ExecutorSlot {
        public abstract Executor getExecutor();

        public abstract boolean isAvailable();

        protected abstract void set(WorkUnit p) throws UnsupportedOperationException;
    }
}
