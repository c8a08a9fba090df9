package org.jenkinsci.plugins.workflow.flow;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ExtensionPoint;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;

public interface StepListener extends ExtensionPoint {
    void notifyOfNewStep(@NonNull Step step, @NonNull StepContext context);
}
