package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.tasks.Publisher;
import hudson.util.DescribableList;

public abstract class AbstractProject<P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>>
        extends Job<P, R> {
    protected AbstractProject(ItemGroup parent, String name) {
        super(parent, name);
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean isBuildable() {
        throw new UnsupportedOperationException();
    }

    @Override
    public RunMap<R> _getRuns() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void removeRun(R run) {
        throw new UnsupportedOperationException();
    }

    @Override
    public @CheckForNull R getLastBuild() {
        throw new UnsupportedOperationException();
    }

    public boolean scheduleBuild(int quietPeriod, Cause c, Action... actions) {
        throw new UnsupportedOperationException();
    }

    public abstract DescribableList<Publisher, Descriptor<Publisher>> getPublishersList();

    protected abstract Class<R> getBuildClass();

    public abstract boolean isFingerprintConfigured();

    public abstract static class AbstractProjectDescriptor extends TopLevelItemDescriptor {}
}
