package org.kohsuke.stapler.export;

public class ExportConfig {}
