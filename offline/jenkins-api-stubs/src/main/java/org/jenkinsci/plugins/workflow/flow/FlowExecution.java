package org.jenkinsci.plugins.workflow.flow;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Result;
import java.io.IOException;
import java.util.List;
import jenkins.model.CauseOfInterruption;
import org.jenkinsci.plugins.workflow.graph.FlowNode;

public abstract class FlowExecution {
    public abstract void start() throws IOException;

    public abstract FlowExecutionOwner getOwner();

    public abstract List<FlowNode> getCurrentHeads();

    public abstract boolean isCurrentHead(FlowNode n);

    public abstract void interrupt(Result r, CauseOfInterruption... causes) throws IOException, InterruptedException;

    public abstract void addListener(GraphListener listener);

    public abstract @CheckForNull FlowNode getNode(String id) throws IOException;
}
