package org.kohsuke.stapler.export;

import java.io.IOException;

public interface DataWriter {
    void name(String name) throws IOException;

    void valuePrimitive(Object v) throws IOException;

    void value(String v) throws IOException;

    void valueNull() throws IOException;

    void startArray() throws IOException;

    void endArray() throws IOException;

    void startObject() throws IOException;

    void endObject() throws IOException;
}
