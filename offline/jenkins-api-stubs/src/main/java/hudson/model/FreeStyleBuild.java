package hudson.model;

import java.io.IOException;

public class FreeStyleBuild extends AbstractBuild<FreeStyleProject, FreeStyleBuild> {
    public FreeStyleBuild(FreeStyleProject project) throws IOException {
        super(project);
        throw new UnsupportedOperationException();
    }

    @Override
    public void run() {
        throw new UnsupportedOperationException();
    }
}
