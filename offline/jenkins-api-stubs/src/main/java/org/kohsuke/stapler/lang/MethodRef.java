package org.kohsuke.stapler.lang;

import java.lang.reflect.InvocationTargetException;

public abstract class MethodRef {
    public abstract Object invoke(Object _this, Object... args)
            throws InvocationTargetException, IllegalAccessException;
}
