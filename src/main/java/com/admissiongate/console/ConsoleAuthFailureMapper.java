package com.admissiongate.console;

import com.admissiongate.rest.ProblemExceptionMapper;
import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A console session cookie that no longer verifies (expired, key rotated, forged) fails authentication before any
 * console resource is reached. Browsers are sent back to the login page with the cookie cleared; every other path
 * keeps the API's problem+json 401.
 */
public class ConsoleAuthFailureMapper {

    private final ProblemExceptionMapper api = new ProblemExceptionMapper();

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response authenticationFailed(AuthenticationFailedException e, HttpServerRequest request) {
        String path = request.path();
        if (path != null && (path.equals("/console") || path.startsWith("/console/"))) {
            return ConsoleErrors.toLogin();
        }
        return api.authenticationFailed(e);
    }
}
