package com.cloudbees.plugins.credentials.common;

public interface StandardUsernamePasswordCredentials
        extends StandardCredentials, UsernameCredentials, PasswordCredentials {}
