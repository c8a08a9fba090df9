package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ExtensionPoint;
import hudson.FilePath;
import hudson.Launcher;
import hudson.remoting.Callable;
import hudson.slaves.NodeDescriptor;
import hudson.slaves.NodeProperty;
import hudson.slaves.NodePropertyDescriptor;
import hudson.util.ClockDifference;
import hudson.util.DescribableList;
import java.io.IOException;

public abstract class Node implements Describable<Node>, ExtensionPoint {
    @NonNull
    public abstract String getNodeName();

    @Deprecated
    public abstract void setNodeName(String name);

    public abstract String getNodeDescription();

    public abstract Launcher createLauncher(TaskListener listener);

    public abstract int getNumExecutors();

    public abstract Mode getMode();

    protected abstract Computer createComputer();

    public abstract String getLabelString();

    public abstract @CheckForNull FilePath getWorkspaceFor(TopLevelItem item);

    public abstract @CheckForNull FilePath getRootPath();

    public abstract @NonNull DescribableList<NodeProperty<?>, NodePropertyDescriptor> getNodeProperties();

    @Override
    public abstract NodeDescriptor getDescriptor();

    public abstract Callable<ClockDifference, IOException> getClockDifferenceCallable();

    public enum Mode {
        NORMAL,
        EXCLUSIVE
    }
}
