package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.remoting.VirtualChannel;
import hudson.slaves.RetentionStrategy;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.List;
import java.util.concurrent.Future;
import java.util.logging.LogRecord;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

public abstract class Computer extends Actionable {
    protected Computer(Node node) {
        throw new UnsupportedOperationException();
    }

    public abstract @Nullable VirtualChannel getChannel();

    public abstract Charset getDefaultCharset();

    public abstract List<LogRecord> getLogRecords() throws IOException, InterruptedException;

    public abstract void doLaunchSlaveAgent(StaplerRequest2 req, StaplerResponse2 rsp)
            throws IOException, ServletException;

    protected abstract Future<?> _connect(boolean forceReconnect);

    public abstract @CheckForNull Boolean isUnix();

    public abstract RetentionStrategy getRetentionStrategy();
}
