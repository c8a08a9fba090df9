package org.kohsuke.stapler.export;

import java.io.IOException;
import java.io.Writer;

public enum Flavor {
    JSON {
        @Override
        public DataWriter createDataWriter(Object bean, Writer w, ExportConfig config) throws IOException {
            throw new UnsupportedOperationException();
        }
    };

    public abstract DataWriter createDataWriter(Object bean, Writer w, ExportConfig config) throws IOException;
}
