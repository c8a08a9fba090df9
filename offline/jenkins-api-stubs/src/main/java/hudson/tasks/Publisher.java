package hudson.tasks;

import hudson.model.Describable;

public abstract class Publisher implements Describable<Publisher> {
    protected Publisher() {
        throw new UnsupportedOperationException();
    }
}
