package org.kohsuke.stapler.lang;

public final class Klass<C> {
    public Klass(C clazz, KlassNavigator<C> navigator) {
        throw new UnsupportedOperationException();
    }
}
