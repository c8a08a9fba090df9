package org.jenkinsci.plugins.workflow.cps;

import hudson.model.Descriptor;
import java.util.Collection;

public class Snippetizer {
    public static String object2Groovy(Object o) throws UnsupportedOperationException {
        throw new UnsupportedOperationException();
    }

    public Collection<QuasiDescriptor> getQuasiDescriptors(boolean advanced) {
        throw new UnsupportedOperationException();
    }

    public static final class QuasiDescriptor implements Comparable<QuasiDescriptor> {
        public final Descriptor<?> real;

        QuasiDescriptor(Descriptor<?> real) {
            throw new UnsupportedOperationException();
        }

        public String getSymbol() {
            throw new UnsupportedOperationException();
        }

        @Override
        public int compareTo(QuasiDescriptor o) {
            throw new UnsupportedOperationException();
        }
    }
}
