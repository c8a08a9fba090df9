package hudson.model.queue;

public final class WorkUnit {
    WorkUnit(WorkUnitContext context, SubTask work) {
        throw new UnsupportedOperationException();
    }
}
