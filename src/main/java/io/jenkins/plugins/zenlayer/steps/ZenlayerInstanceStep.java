package io.jenkins.plugins.zenlayer.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.AbortException;
import hudson.model.Item;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import io.jenkins.plugins.zenlayer.Messages;
import io.jenkins.plugins.zenlayer.config.BuildOutcome;
import io.jenkins.plugins.zenlayer.config.ResultOverride;
import io.jenkins.plugins.zenlayer.credentials.ZenlayerCredentials;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import net.sf.json.JSONObject;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * A Pipeline step about bare metal instances: one instance ID or a list, credential, concurrency and result overrides,
 * run on the controller without a node by {@link StepRunner} with the subclass's {@link DowngradeProcedure}. Returns
 * the step's map ({@link StepRunner#stepResult()}); marks the build UNSTABLE or fails it as {@code ResultPolicy}
 * decides.
 */
public abstract class ZenlayerInstanceStep extends Step {

    private String instanceId;
    private List<String> instanceIds;
    private InstanceSelection select;
    private Integer concurrency;
    private String credentialsId;
    private List<ResultOverride> resultOverrides = new ArrayList<>();

    protected ZenlayerInstanceStep() {}

    /** The one instance, or {@code null} when the step is given {@link #getInstanceIds() a list}. */
    @CheckForNull
    public String getInstanceId() {
        return instanceId;
    }

    /**
     * The one instance. Optional, like the list and the selection, so that Declarative accepts a step given only one
     * of those.
     */
    @DataBoundSetter
    public void setInstanceId(@CheckForNull String instanceId) {
        this.instanceId = instanceId;
    }

    /** Several instances for one step, or {@code null} when the step is given {@link #getInstanceId() one}. */
    @CheckForNull
    public List<String> getInstanceIds() {
        // Not List.copyOf: an entry may be null (an unset variable), and the step's checks name it.
        return instanceIds == null ? null : Collections.unmodifiableList(instanceIds);
    }

    /** The instances of a batch; each distinct one is called once, a few at a time, at the API's pace. */
    @DataBoundSetter
    public void setInstanceIds(@CheckForNull List<String> instanceIds) {
        // Kept as given (nulls included): the step's checks name every entry that cannot be used.
        this.instanceIds = instanceIds == null ? null : new ArrayList<>(instanceIds);
    }

    /** The fleet named by a selection, or {@code null} when the step is given instance IDs. */
    @CheckForNull
    public InstanceSelection getSelect() {
        return select;
    }

    /**
     * The instances that DescribeInstances lists for these filters; those that cannot have a bandwidth downgrade
     * order are skipped, and a cancellation happens only where a downgrade is pending.
     */
    @DataBoundSetter
    public void setSelect(@CheckForNull InstanceSelection select) {
        this.select = select;
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

    /** Runs on a background thread; stopping the step interrupts it, which aborts the HTTP calls in flight. */
    static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {

        private static final long serialVersionUID = 1L;

        private final transient ZenlayerInstanceStep step;

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
            InstanceSelection selection = step.getSelect();
            int given = (id != null && !id.isBlank() ? 1 : 0) + (ids != null ? 1 : 0) + (selection != null ? 1 : 0);
            if (given > 1) {
                throw new AbortException(Messages.Select_exactlyOne());
            }
            StepRunner runner = new StepRunner(run, listener, ids != null || selection != null);
            try {
                if (selection != null) {
                    runner.runSelection(
                            step.procedure(),
                            selection,
                            step.getConcurrency(),
                            step.getCredentialsId(),
                            step.getResultOverrides());
                } else {
                    runner.run(
                            step.procedure(),
                            ids != null ? ids : Collections.singletonList(id),
                            step.getConcurrency(),
                            step.getCredentialsId(),
                            step.getResultOverrides());
                }
            } catch (InterruptedException e) {
                // Only stop() interrupts this thread, and it has recorded its cause, which ends the step; what is
                // thrown here is printed below that cause, and an AbortException is printed as one line.
                throw new AbortException(Messages.Step_aborted());
            }
            if (runner.buildOutcome() == BuildOutcome.UNSTABLE) {
                FlowNode node = context.get(FlowNode.class);
                if (node != null) {
                    // Shows the warning on this step in the Pipeline views, as the unstable step does.
                    node.addOrReplaceAction(new WarningAction(Result.UNSTABLE).withMessage(runner.unstableReason()));
                }
            }
            runner.applyResult();
            return runner.stepResult();
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

        /** Several instance IDs, one per line, as the Snippet Generator's text area gives them. */
        @POST
        public FormValidation doCheckInstanceIds(
                @AncestorInPath @CheckForNull Item item, @QueryParameter String value) {
            List<String> lines = CancelBandwidthDowngradeBuilder.instanceIdLines(value);
            return lines.isEmpty() ? FormValidation.ok() : StepForms.checkInstanceIdLines(item, lines);
        }

        /**
         * The Snippet Generator's form: the text area of several instance IDs becomes the list
         * {@code instanceIds}, one ID per non-blank line, and blank optional fields are left out, so that the snippet
         * names only what was filled in.
         */
        @Override
        public Step newInstance(@Nullable StaplerRequest2 req, @NonNull JSONObject formData) throws FormException {
            JSONObject form = StepForms.withLinesAsList(formData, "instanceIds");
            for (String optional : List.of("instanceId", "concurrency")) {
                if (form.opt(optional) instanceof String text && text.isBlank()) {
                    form.remove(optional);
                }
            }
            return super.newInstance(req, form);
        }

        /** The instance, or how many, for the Pipeline Steps view and the stage view. */
        @CheckForNull
        @Override
        public String argumentsToString(@NonNull Map<String, Object> namedArgs) {
            Object one = namedArgs.get("instanceId");
            if (one instanceof String id && !id.isBlank()) {
                return id;
            }
            Object many = namedArgs.get("instanceIds");
            if (many instanceof List<?> list) {
                return list.size() == 1 ? String.valueOf(list.get(0)) : Messages.Batch_instances(list.size());
            }
            Object selection = namedArgs.get("select");
            return selection instanceof InstanceSelection s ? StepRunner.describe(s.toFilter()) : null;
        }
    }
}
