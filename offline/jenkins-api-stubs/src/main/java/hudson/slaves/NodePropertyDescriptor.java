package hudson.slaves;

import hudson.model.Descriptor;

public abstract class NodePropertyDescriptor extends Descriptor<NodeProperty<?>> {
    protected NodePropertyDescriptor() {
        throw new UnsupportedOperationException();
    }
}
