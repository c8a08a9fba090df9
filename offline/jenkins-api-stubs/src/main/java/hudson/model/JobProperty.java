package hudson.model;

public abstract class JobProperty<J extends Job<?, ?>> {}
