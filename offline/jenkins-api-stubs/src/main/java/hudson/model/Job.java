package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.XmlFile;
import hudson.security.ACL;
import java.io.File;
import java.io.IOException;
import java.util.Collection;
import java.util.SortedMap;

public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> {
    protected Job(ItemGroup parent, String name) {
        throw new UnsupportedOperationException();
    }

    public abstract boolean isBuildable();

    protected abstract SortedMap<Integer, ? extends RunT> _getRuns();

    protected abstract void removeRun(RunT run);

    public RunT getLastBuild() {
        throw new UnsupportedOperationException();
    }

    public void addProperty(JobProperty<? super JobT> jobProp) throws IOException {
        throw new UnsupportedOperationException();
    }

    public final XmlFile getConfigFile() {
        throw new UnsupportedOperationException();
    }

    public File getRootDir() {
        throw new UnsupportedOperationException();
    }

    public @NonNull ItemGroup getParent() {
        throw new UnsupportedOperationException();
    }

    public Collection<? extends Job> getAllJobs() {
        throw new UnsupportedOperationException();
    }

    public String getName() {
        throw new UnsupportedOperationException();
    }

    public final String getFullName() {
        throw new UnsupportedOperationException();
    }

    public String getDisplayName() {
        throw new UnsupportedOperationException();
    }

    public final String getUrl() {
        throw new UnsupportedOperationException();
    }

    public String getShortUrl() {
        throw new UnsupportedOperationException();
    }

    public void onLoad(ItemGroup<? extends Item> parent, String name) throws IOException {
        throw new UnsupportedOperationException();
    }

    public void onCopiedFrom(Item src) {
        throw new UnsupportedOperationException();
    }

    public synchronized void save() throws IOException {
        throw new UnsupportedOperationException();
    }

    public void delete() throws IOException, InterruptedException {
        throw new UnsupportedOperationException();
    }

    public ACL getACL() {
        throw new UnsupportedOperationException();
    }
}
