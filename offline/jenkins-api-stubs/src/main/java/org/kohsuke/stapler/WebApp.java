package org.kohsuke.stapler;

import jakarta.servlet.ServletContext;

public class WebApp {
    public WebApp(ServletContext context) {
        throw new UnsupportedOperationException();
    }
}
