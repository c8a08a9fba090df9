package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import java.io.IOException;
import java.util.Collection;

public interface Item extends AccessControlled {
    ItemGroup<? extends Item> getParent();

    Collection<? extends Job> getAllJobs();

    @NonNull
    String getName();

    @NonNull
    String getFullName();

    String getDisplayName();

    String getUrl();

    String getShortUrl();

    void onLoad(ItemGroup<? extends Item> parent, String name) throws IOException;

    void onCopiedFrom(Item src);

    void save() throws IOException;

    void delete() throws IOException, InterruptedException;

    Permission CONFIGURE = (Permission) System.getProperties().get("CONFIGURE");

    Permission EXTENDED_READ = (Permission) System.getProperties().get("EXTENDED_READ");

    Permission READ = (Permission) System.getProperties().get("READ");
}
