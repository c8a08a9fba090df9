package hudson;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.TaskListener;
import hudson.remoting.Channel;
import hudson.remoting.VirtualChannel;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

public abstract class Launcher {
    protected Launcher(@NonNull TaskListener listener, @CheckForNull VirtualChannel channel) {
        throw new UnsupportedOperationException();
    }

    public abstract Proc launch(@NonNull ProcStarter starter) throws IOException;

    public abstract Channel launchChannel(
            @NonNull String[] cmd,
            @NonNull OutputStream out,
            @CheckForNull FilePath workDir,
            @NonNull Map<String, String> envVars)
            throws IOException, InterruptedException;

    public abstract void kill(Map<String, String> modelEnvVars) throws IOException, InterruptedException;

    public final class ProcStarter {}
}
