package org.kohsuke.stapler.lang;

import java.net.URL;
import java.util.List;

public abstract class KlassNavigator<C> {
    public abstract URL getResource(C clazz, String resourceName);

    public abstract Iterable<Klass<?>> getAncestors(C clazz);

    public abstract Klass<?> getSuperClass(C clazz);

    public abstract Class toJavaClass(C clazz);

    public abstract List<MethodRef> getDeclaredMethods(C clazz);
}
