package org.jenkinsci.plugins.workflow.job;

import hudson.model.Cause;
import hudson.model.ItemGroup;
import hudson.model.Job;
import hudson.model.RunMap;
import hudson.model.TopLevelItem;
import hudson.model.TopLevelItemDescriptor;
import org.jenkinsci.plugins.workflow.flow.FlowDefinition;

public final class WorkflowJob extends Job<WorkflowJob, WorkflowRun> implements TopLevelItem {
    public WorkflowJob(ItemGroup parent, String name) {
        super(parent, name);
        throw new UnsupportedOperationException();
    }

    public FlowDefinition getDefinition() {
        throw new UnsupportedOperationException();
    }

    public void setDefinition(FlowDefinition definition) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean isBuildable() {
        throw new UnsupportedOperationException();
    }

    @Override
    protected RunMap<WorkflowRun> _getRuns() {
        throw new UnsupportedOperationException();
    }

    @Override
    protected void removeRun(WorkflowRun run) {
        throw new UnsupportedOperationException();
    }

    @Override
    public WorkflowRun getLastBuild() {
        throw new UnsupportedOperationException();
    }

    public boolean scheduleBuild(int quietPeriod, Cause c) {
        throw new UnsupportedOperationException();
    }

    @Override
    public TopLevelItemDescriptor getDescriptor() {
        throw new UnsupportedOperationException();
    }
}
