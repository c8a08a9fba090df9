package org.jenkinsci.plugins.workflow.steps;

import java.io.Serializable;

public abstract class BodyExecutionCallback implements Serializable {
    public abstract void onSuccess(StepContext context, Object result);

    public abstract void onFailure(StepContext context, Throwable t);
}
