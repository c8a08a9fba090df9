package org.kohsuke.stapler;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Calendar;
import java.util.Date;
import java.util.List;
import java.util.Set;
import net.sf.json.JSONObject;
import org.apache.commons.fileupload2.core.FileItem;
import org.kohsuke.stapler.bind.BoundObjectTable;
import org.kohsuke.stapler.lang.Klass;

public interface StaplerRequest2 extends HttpServletRequest {
    Stapler getStapler();

    WebApp getWebApp();

    String getRestOfPath();

    String getOriginalRestOfPath();

    @Override
    ServletContext getServletContext();

    String getRequestURIWithQueryString();

    StringBuffer getRequestURLWithQueryString();

    RequestDispatcher getView(Object it, String viewName) throws IOException;

    RequestDispatcher getView(Class clazz, String viewName) throws IOException;

    RequestDispatcher getView(Klass<?> clazz, String viewName) throws IOException;

    String getRootPath();

    String getReferer();

    List<Ancestor> getAncestors();

    Ancestor findAncestor(Class type);

    <T> T findAncestorObject(Class<T> type);

    Ancestor findAncestor(Object o);

    boolean hasParameter(String name);

    String getOriginalRequestURI();

    boolean checkIfModified(long timestampOfResource, StaplerResponse2 rsp);

    boolean checkIfModified(Date timestampOfResource, StaplerResponse2 rsp);

    boolean checkIfModified(Calendar timestampOfResource, StaplerResponse2 rsp);

    boolean checkIfModified(long timestampOfResource, StaplerResponse2 rsp, long expiration);

    void bindParameters(Object bean);

    @Deprecated
    void bindParameters(Object bean, String prefix);

    @Deprecated
    <T> List<T> bindParametersToList(Class<T> type, String prefix);

    @Deprecated
    <T> T bindParameters(Class<T> type, String prefix);

    @Deprecated
    <T> T bindParameters(Class<T> type, String prefix, int index);

    <T> T bindJSON(Class<T> type, JSONObject src);

    <T> T bindJSON(Type genericType, Class<T> erasure, Object json);

    void bindJSON(Object bean, JSONObject src);

    <T> List<T> bindJSONToList(Class<T> type, Object src);

    BindInterceptor getBindInterceptor();

    @Deprecated
    BindInterceptor setBindListener(BindInterceptor bindListener);

    @Deprecated
    BindInterceptor setBindInterceptpr(BindInterceptor bindListener);

    BindInterceptor setBindInterceptor(BindInterceptor bindListener);

    JSONObject getSubmittedForm() throws ServletException;

    FileItem getFileItem2(String name) throws ServletException, IOException;

    @Deprecated
    org.apache.commons.fileupload.FileItem getFileItem(String name) throws ServletException, IOException;

    boolean isJavaScriptProxyCall();

    BoundObjectTable getBoundObjectTable();

    @Deprecated
    String createJavaScriptProxy(Object toBeExported);

    RenderOnDemandParameters createJavaScriptProxyParameters(Object toBeExported);

    final class RenderOnDemandParameters {
        public RenderOnDemandParameters(String proxyMethod, String url, String crumb, Set<String> urlNames) {
            throw new UnsupportedOperationException();
        }
    }
}
