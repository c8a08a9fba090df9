package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ExtensionPoint;
import hudson.model.Queue.Task;
import hudson.model.queue.MappingWorksheet;
import hudson.model.queue.MappingWorksheet.Mapping;

public abstract class LoadBalancer implements ExtensionPoint {
    @CheckForNull
    public abstract Mapping map(@NonNull Task task, MappingWorksheet worksheet);
}
