package io.jenkins.plugins.zenlayer.config;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Item;
import jenkins.model.Jenkins;

/**
 * Permission gates of the plugin's form endpoints. A form is either a job's configuration (an {@link Item} in the
 * request path) or a Jenkins-wide page, which only administrators may change.
 */
public final class FormAccess {

    private FormAccess() {}

    /** Whether the current user may configure the form's context. */
    public static boolean canConfigure(@CheckForNull Item item) {
        return item == null ? Jenkins.get().hasPermission(Jenkins.ADMINISTER) : item.hasPermission(Item.CONFIGURE);
    }

    /** Like {@link #canConfigure} but fails the request with an access-denied error. */
    public static void checkConfigure(@CheckForNull Item item) {
        if (item == null) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        } else {
            item.checkPermission(Item.CONFIGURE);
        }
    }
}
