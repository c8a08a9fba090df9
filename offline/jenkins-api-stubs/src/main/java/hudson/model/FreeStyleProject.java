package hudson.model;

import hudson.tasks.BuildWrapper;
import hudson.tasks.Builder;
import hudson.tasks.Publisher;
import hudson.util.DescribableList;

public class FreeStyleProject extends AbstractProject<FreeStyleProject, FreeStyleBuild> implements TopLevelItem {
    public FreeStyleProject(ItemGroup parent, String name) {
        super(parent, name);
        throw new UnsupportedOperationException();
    }

    public DescribableList<Builder, Descriptor<Builder>> getBuildersList() {
        throw new UnsupportedOperationException();
    }

    public DescribableList<BuildWrapper, Descriptor<BuildWrapper>> getBuildWrappersList() {
        throw new UnsupportedOperationException();
    }

    @Override
    public DescribableList<Publisher, Descriptor<Publisher>> getPublishersList() {
        throw new UnsupportedOperationException();
    }

    @Override
    protected Class<FreeStyleBuild> getBuildClass() {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean isFingerprintConfigured() {
        throw new UnsupportedOperationException();
    }

    @Override
    public DescriptorImpl getDescriptor() {
        throw new UnsupportedOperationException();
    }

    public static class DescriptorImpl extends AbstractProject.AbstractProjectDescriptor {
        public DescriptorImpl() {
            throw new UnsupportedOperationException();
        }

        @Override
        public FreeStyleProject newInstance(ItemGroup parent, String name) {
            throw new UnsupportedOperationException();
        }
    }
}
