package io.jenkins.plugins.zenlayer.api;

/** A request that is rejected on the client before anything is sent, for example a malformed instance id. */
public class InvalidRequestException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidRequestException(String message) {
        super(message);
    }
}
