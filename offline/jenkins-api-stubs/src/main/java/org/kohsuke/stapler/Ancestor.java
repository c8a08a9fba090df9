package org.kohsuke.stapler;

public interface Ancestor {
    Object getObject();

    String getUrl();

    String getRestOfUrl();

    String getNextToken(int n);

    String getFullUrl();

    String getRelativePath();

    Ancestor getPrev();

    Ancestor getNext();
}
