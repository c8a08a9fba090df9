package org.jvnet.hudson.test;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Item;
import hudson.model.ItemGroup;
import hudson.model.Job;
import hudson.model.TopLevelItem;
import hudson.model.TopLevelItemDescriptor;
import hudson.security.ACL;
import java.io.File;
import java.io.IOException;
import java.util.Collection;

public class MockFolder implements ItemGroup<TopLevelItem>, TopLevelItem {
    protected MockFolder(ItemGroup parent, String name) {
        throw new UnsupportedOperationException();
    }

    @NonNull
    @Override
    public ItemGroup getParent() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getName() {
        throw new UnsupportedOperationException();
    }

    @Override
    public final String getFullName() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException();
    }

    @Override
    public final String getUrl() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getShortUrl() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void onLoad(ItemGroup<? extends Item> parent, String name) throws IOException {
        throw new UnsupportedOperationException();
    }

    @Override
    public void onCopiedFrom(Item src) {
        throw new UnsupportedOperationException();
    }

    @Override
    public synchronized void save() throws IOException {
        throw new UnsupportedOperationException();
    }

    @Override
    public void delete() throws IOException, InterruptedException {
        throw new UnsupportedOperationException();
    }

    @Override
    public ACL getACL() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Collection<TopLevelItem> getItems() {
        throw new UnsupportedOperationException();
    }

    @Override
    public TopLevelItem getItem(String name) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Collection<? extends Job> getAllJobs() {
        throw new UnsupportedOperationException();
    }

    public <T extends TopLevelItem> T createProject(@NonNull Class<T> type, @NonNull String name) throws IOException {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getUrlChildPrefix() {
        throw new UnsupportedOperationException();
    }

    @Override
    public File getRootDirFor(TopLevelItem child) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void onDeleted(TopLevelItem item) throws IOException {
        throw new UnsupportedOperationException();
    }

    @Override
    public TopLevelItemDescriptor getDescriptor() {
        throw new UnsupportedOperationException();
    }
}
