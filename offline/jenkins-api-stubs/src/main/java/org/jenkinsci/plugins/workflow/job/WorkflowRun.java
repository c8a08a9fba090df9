package org.jenkinsci.plugins.workflow.job;

import hudson.model.Run;
import java.io.IOException;
import org.kohsuke.stapler.HttpResponse;

public final class WorkflowRun extends Run<WorkflowJob, WorkflowRun> {
    public WorkflowRun(WorkflowJob job) throws IOException {
        super(job);
        throw new UnsupportedOperationException();
    }

    public HttpResponse doStop() {
        throw new UnsupportedOperationException();
    }
}
