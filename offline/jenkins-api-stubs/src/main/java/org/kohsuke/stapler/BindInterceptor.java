package org.kohsuke.stapler;

public class BindInterceptor {}
