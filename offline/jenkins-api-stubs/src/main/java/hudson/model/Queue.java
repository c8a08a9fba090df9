package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.queue.SubTask;
import jenkins.model.queue.AsynchronousExecution;

public class Queue {
    public Queue(@NonNull LoadBalancer loadBalancer) {
        throw new UnsupportedOperationException();
    }

    public interface Task extends SubTask {
        String getName();

        String getUrl();
    }

    public interface Executable extends Runnable {
        @NonNull
        SubTask getParent();

        @Override
        void run() throws AsynchronousExecution;

        @Override
        String toString();
    }

    public abstract static class NotWaitingItem {
        protected NotWaitingItem(NotWaitingItem ni) {
            throw new UnsupportedOperationException();
        }
    }

    public static final class BuildableItem extends NotWaitingItem {
        public BuildableItem(NotWaitingItem ni) {
            super(ni);
            throw new UnsupportedOperationException();
        }
    }
}
