package hudson.model;

public abstract class Cause {
    public abstract String getShortDescription();

    public static class UserIdCause extends Cause {
        public UserIdCause() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String getShortDescription() {
            throw new UnsupportedOperationException();
        }
    }
}
