package io.jenkins.plugins.zenlayer.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.zenlayer.Messages;
import io.jenkins.plugins.zenlayer.api.BatchRunner;
import io.jenkins.plugins.zenlayer.config.BuildOutcome;
import io.jenkins.plugins.zenlayer.config.ResultOverride;
import io.jenkins.plugins.zenlayer.credentials.ZenlayerCredentials;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * A Pipeline step about one bare metal instance: instance ID, credential and result overrides, run on the controller
 * without a node by {@link BandwidthDowngradeCancellation} with the subclass's {@link DowngradeProcedure}. Returns the
 * call's map ({@link ZenlayerCall#toStepResult()}); marks the build UNSTABLE or fails it as {@code ResultPolicy}
 * decides.
 */
public abstract class ZenlayerInstanceStep extends Step {

    private final String instanceId;
    private List<String> instanceIds;
    private Integer concurrency;
    private String credentialsId;
    private List<ResultOverride> resultOverrides = new ArrayList<>();

    protected ZenlayerInstanceStep(@CheckForNull String instanceId) {
        this.instanceId = instanceId;
    }

    /** The one instance, or {@code null} when the step is given {@link #getInstanceIds() a list}. */
    @CheckForNull
    public String getInstanceId() {
        return instanceId;
    }

    /** Several instances for one step, or {@code null} when the step is given {@link #getInstanceId() one}. */
    @CheckForNull
    public List<String> getInstanceIds() {
        return instanceIds == null ? null : List.copyOf(instanceIds);
    }

    /** The instances of a batch; each distinct one is called once, a few at a time, at the API's pace. */
    @DataBoundSetter
    public void setInstanceIds(@CheckForNull List<String> instanceIds) {
        // Kept as given (nulls included): the step's checks name every entry that cannot be used.
        this.instanceIds = instanceIds == null ? null : new ArrayList<>(instanceIds);
    }

    /** Calls in flight at once in a batch; {@code null} for the default. */
    @CheckForNull
    public Integer getConcurrency() {
        return concurrency;
    }

    @DataBoundSetter
    public void setConcurrency(@CheckForNull Integer concurrency) {
        this.concurrency = concurrency;
    }

    @CheckForNull
    public String getCredentialsId() {
        return credentialsId;
    }

    /** The credential to use; when blank, the global default. */
    @DataBoundSetter
    public void setCredentialsId(@CheckForNull String credentialsId) {
        this.credentialsId = ZenlayerCredentials.normalizeId(credentialsId);
    }

    public List<ResultOverride> getResultOverrides() {
        return List.copyOf(resultOverrides);
    }

    @DataBoundSetter
    public void setResultOverrides(@CheckForNull List<ResultOverride> resultOverrides) {
        this.resultOverrides = ResultOverride.copyOf(resultOverrides);
    }

    /** What this step does with the instance. */
    protected abstract DowngradeProcedure procedure();

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(this, context);
    }

    /** Runs the call on a background thread; stopping the step aborts the HTTP call at once. */
    static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {

        private static final long serialVersionUID = 1L;

        private final transient ZenlayerInstanceStep step;
        private transient volatile BandwidthDowngradeCancellation cancellation;

        Execution(ZenlayerInstanceStep step, StepContext context) {
            super(context);
            this.step = step;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            StepContext context = getContext();
            Run<?, ?> run = Objects.requireNonNull(context.get(Run.class), "Run");
            TaskListener listener = Objects.requireNonNull(context.get(TaskListener.class), "TaskListener");
            List<String> ids = step.getInstanceIds();
            String id = step.getInstanceId();
            if (ids != null && id != null && !id.isBlank()) {
                throw new AbortException(Messages.Batch_exactlyOne());
            }
            BandwidthDowngradeCancellation call = new BandwidthDowngradeCancellation(
                    run, listener, id, step.getCredentialsId(), step.getResultOverrides(), step.procedure());
            cancellation = call;
            try {
                if (ids == null) {
                    ZenlayerCall result = call.perform();
                    if (result.buildOutcome() == BuildOutcome.UNSTABLE) {
                        markStepUnstable(context, result.unstableReason());
                    }
                    BandwidthDowngradeCancellation.apply(result, run, listener);
                    return result.toStepResult();
                }
                Integer concurrency = step.getConcurrency();
                BatchReport report =
                        call.performBatch(ids, concurrency == null ? BatchRunner.DEFAULT_CONCURRENCY : concurrency);
                if (report.buildOutcome() == BuildOutcome.UNSTABLE) {
                    markStepUnstable(context, report.unstableReason());
                }
                BandwidthDowngradeCancellation.apply(report, run, listener);
                return report.toStepResult();
            } finally {
                cancellation = null;
            }
        }

        /** Shows the warning on this step in the Pipeline views, as the {@code unstable} step does. */
        private static void markStepUnstable(StepContext context, String reason) throws Exception {
            FlowNode node = context.get(FlowNode.class);
            if (node != null) {
                node.addOrReplaceAction(new WarningAction(Result.UNSTABLE).withMessage(reason));
            }
        }

        /** Records the cause, then aborts the call: see {@link BandwidthDowngradeCancellation#stopAfter}. */
        @Override
        public void stop(@NonNull Throwable cause) throws Exception {
            BandwidthDowngradeCancellation current = cancellation;
            if (current == null) {
                super.stop(cause);
            } else {
                current.stopAfter(() -> super.stop(cause));
            }
        }
    }

    /**
     * Needs a build and its log only, so the step runs outside {@code node}; the name, display name and form
     * endpoints of every such step.
     */
    public abstract static class DescriptorBase extends StepDescriptor implements StepForms {

        // Never saved: this descriptor has no configuration of its own.
        private final transient String functionName;
        private final transient Supplier<String> displayName;

        /**
         * @param functionName the Pipeline function
         * @param displayName the display name in the user's language, looked up when shown
         */
        protected DescriptorBase(String functionName, Supplier<String> displayName) {
            this.functionName = functionName;
            this.displayName = displayName;
        }

        @Override
        public String getFunctionName() {
            return functionName;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return displayName.get();
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }
    }
}
