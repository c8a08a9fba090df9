package org.jenkinsci.plugins.workflow.cps;

public class Snippetizer {
    public static String object2Groovy(Object o) throws UnsupportedOperationException {
        throw new UnsupportedOperationException();
    }
}
