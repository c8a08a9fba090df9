package org.kohsuke.stapler.bind;

public class BoundObjectTable {}
