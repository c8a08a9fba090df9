package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.Set;
import org.kohsuke.stapler.HttpResponse;

public abstract class AbstractBuild<P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>> extends Run<P, R> {
    protected AbstractBuild(P job) throws IOException {
        super(job);
        throw new UnsupportedOperationException();
    }

    public abstract void run();

    @NonNull
    @Override
    public EnvVars getEnvironment(@NonNull TaskListener log) throws IOException, InterruptedException {
        throw new UnsupportedOperationException();
    }

    public Set<String> getSensitiveBuildVariables() {
        throw new UnsupportedOperationException();
    }

    public synchronized HttpResponse doStop() throws IOException, ServletException {
        throw new UnsupportedOperationException();
    }
}
