package hudson;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

public abstract class Proc {
    protected Proc() {
        throw new UnsupportedOperationException();
    }

    public abstract boolean isAlive() throws IOException, InterruptedException;

    public abstract void kill() throws IOException, InterruptedException;

    public abstract int join() throws IOException, InterruptedException;

    @CheckForNull
    public abstract InputStream getStdout();

    @CheckForNull
    public abstract InputStream getStderr();

    @CheckForNull
    public abstract OutputStream getStdin();
}
