package io.jenkins.plugins.zenlayer.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.model.EnvironmentContributingAction;
import hudson.model.Run;
import io.jenkins.plugins.zenlayer.Messages;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.RunAction2;
import jenkins.util.Timer;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * The Zenlayer calls of one build, listed in the build's summary (see {@code summary.jelly}). Also exports the
 * request ID of the latest call that got one as {@value #REQUEST_ID_VARIABLE} to the steps that follow. Stored in
 * the build record, so it holds only what the build log shows anyway. Exported to the REST API
 * ({@code /api/json}) as {@code calls}, for release tools that read builds.
 */
@ExportedBean
public final class ZenlayerCallsAction implements RunAction2, EnvironmentContributingAction {

    /** The environment variable holding the latest request ID. */
    public static final String REQUEST_ID_VARIABLE = "ZENLAYER_REQUEST_ID";

    private static final Logger LOGGER = Logger.getLogger(ZenlayerCallsAction.class.getName());

    /** Guards finding or adding the action on a build: parallel branches may record calls at the same time. */
    private static final Object ATTACH_LOCK = new Object();

    /**
     * How long a recorded call may wait to be saved with the build. A batch of a thousand instances then writes
     * {@code build.xml} about once a second, not once per call with the whole growing list each time, and no worker
     * of the batch waits for the save.
     */
    static final long SAVE_DELAY_MILLIS = 1_000;

    /**
     * Copy on write: the batch's threads add calls while {@code Run.save} may be writing the list on another thread,
     * and the build page reads it.
     */
    private final List<ZenlayerCall> calls = new CopyOnWriteArrayList<>();

    /** Whether a save of the build is scheduled; not stored. */
    private transient boolean saveScheduled;

    /**
     * Adds a call to the build's action, creating the action on the first call, and saves the build within
     * {@link #SAVE_DELAY_MILLIS}, so that a restart of Jenkins in the middle of a batch keeps the record of the calls
     * that reached Zenlayer.
     */
    public static void record(Run<?, ?> run, ZenlayerCall call) {
        ZenlayerCallsAction action;
        synchronized (ATTACH_LOCK) {
            action = run.getAction(ZenlayerCallsAction.class);
            if (action == null) {
                action = new ZenlayerCallsAction();
                run.addAction(action);
            }
        }
        action.add(call);
        action.scheduleSave(run);
    }

    private synchronized void scheduleSave(Run<?, ?> run) {
        if (saveScheduled) {
            return;
        }
        saveScheduled = true;
        Timer.get().schedule(() -> save(run), SAVE_DELAY_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void save(Run<?, ?> run) {
        synchronized (this) {
            // Cleared first: a call recorded while the build is written schedules the next save.
            saveScheduled = false;
        }
        try {
            run.save();
        } catch (IOException e) {
            // The call stands and is in the log; the record is saved again with the next call or the build.
            LOGGER.log(Level.WARNING, "Could not save the Zenlayer calls of " + run, e);
        }
    }

    void add(ZenlayerCall call) {
        calls.add(call);
    }

    /** The calls, oldest first; in the build's {@code /api/json} at the default depth. */
    @Exported(visibility = 2)
    public List<ZenlayerCall> getCalls() {
        return List.copyOf(calls);
    }

    /** The request ID of the latest call that has one. */
    public Optional<String> latestRequestId() {
        for (int i = calls.size() - 1; i >= 0; i--) {
            String id = calls.get(i).getRequestId();
            if (id != null && !id.isBlank()) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    @Override
    public void buildEnvironment(@NonNull Run<?, ?> run, @NonNull EnvVars env) {
        latestRequestId().ifPresent(id -> env.put(REQUEST_ID_VARIABLE, id));
    }

    /** Nothing to keep: everything shown comes from the recorded calls. */
    @Override
    public void onAttached(Run<?, ?> r) {}

    @Override
    public void onLoad(Run<?, ?> r) {}

    /** No page of its own: the calls are shown in the build summary. */
    @CheckForNull
    @Override
    public String getIconFileName() {
        return null;
    }

    @CheckForNull
    @Override
    public String getDisplayName() {
        return Messages.ZenlayerCallsAction_displayName();
    }

    @CheckForNull
    @Override
    public String getUrlName() {
        return null;
    }
}
