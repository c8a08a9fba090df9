package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.IOException;
import java.util.List;

public class Fingerprint implements ModelObject, Saveable {
    public Fingerprint(@CheckForNull Run build, @NonNull String fileName, @NonNull byte[] md5sum) throws IOException {
        throw new UnsupportedOperationException();
    }

    public static final class RangeSet {
        public RangeSet() {
            throw new UnsupportedOperationException();
        }

        public synchronized boolean includes(int i) {
            throw new UnsupportedOperationException();
        }
    }

    @Override
    public @NonNull String getDisplayName() {
        throw new UnsupportedOperationException();
    }

    public @NonNull RangeSet getRangeSet(String jobFullName) {
        throw new UnsupportedOperationException();
    }

    @NonNull
    public synchronized List<String> getJobs() {
        throw new UnsupportedOperationException();
    }

    @Override
    public synchronized void save() throws IOException {
        throw new UnsupportedOperationException();
    }
}
