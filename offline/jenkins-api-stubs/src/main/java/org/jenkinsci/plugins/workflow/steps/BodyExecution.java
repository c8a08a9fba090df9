package org.jenkinsci.plugins.workflow.steps;

import java.io.Serializable;
import java.util.Collection;
import java.util.concurrent.Future;

public abstract class BodyExecution implements Future<Object>, Serializable {
    public abstract Collection<StepExecution> getCurrentExecutions();
}
