package hudson.model;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.kohsuke.stapler.HttpResponse;

public abstract class AbstractBuild<P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>> extends Run<P, R> {
    protected AbstractBuild(P job) throws IOException {
        super(job);
        throw new UnsupportedOperationException();
    }

    public abstract void run();

    public synchronized HttpResponse doStop() throws IOException, ServletException {
        throw new UnsupportedOperationException();
    }
}
