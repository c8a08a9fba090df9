package hudson.slaves;

import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Node;

public abstract class NodeProperty<N extends Node> implements Describable<NodeProperty<?>>, ExtensionPoint {}
