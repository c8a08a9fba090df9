package io.jenkins.plugins.zenlayer.credentials;

import com.cloudbees.plugins.credentials.CredentialsNameProvider;
import com.cloudbees.plugins.credentials.NameWith;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.util.Secret;

/** A Zenlayer Cloud API access key: an access key ID and its password, used to sign requests. */
@NameWith(value = ZenlayerAccessKey.NameProvider.class, priority = 8)
public interface ZenlayerAccessKey extends StandardCredentials {

    /** The access key ID; not secret. */
    @NonNull
    String getAccessKeyId();

    /** The access key password, which signs the requests. */
    @NonNull
    Secret getAccessKeyPassword();

    /** Names the credential by its access key ID and description, never by the password. */
    class NameProvider extends CredentialsNameProvider<ZenlayerAccessKey> {
        @NonNull
        @Override
        public String getName(@NonNull ZenlayerAccessKey credentials) {
            return displayName(credentials.getAccessKeyId(), credentials.getDescription());
        }

        static String displayName(String accessKeyId, String description) {
            String id = accessKeyId == null ? "" : accessKeyId.strip();
            String text = description == null ? "" : description.strip();
            return text.isEmpty() ? id : id + " (" + text + ")";
        }
    }
}
