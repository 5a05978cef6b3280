package com.admissiongate.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Maps failures to problem+json. Unknown exceptions become a generic 500 whose body names no class and carries no
 * stack trace; the detail goes to the log only.
 */
public class ProblemExceptionMapper {

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMapper.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.status(), e.code(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String code = switch (status) {
            case 400 -> "BAD_REQUEST";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            default -> "HTTP_" + status;
        };
        return respond(status, code, Response.Status.fromStatusCode(status) == null ? "error"
                : Response.Status.fromStatusCode(status).getReasonPhrase());
    }

    @ServerExceptionMapper
    public Response unauthenticated(io.quarkus.security.UnauthorizedException e) {
        return respond(401, "UNAUTHENTICATED", "a bearer token is required");
    }

    @ServerExceptionMapper
    public Response authenticationFailed(io.quarkus.security.AuthenticationFailedException e) {
        return respond(401, "UNAUTHENTICATED", "the bearer token is not valid");
    }

    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e) {
        return respond(403, "FORBIDDEN", "the token's roles do not allow this operation");
    }

    @ServerExceptionMapper(priority = 10000)
    public Response unexpected(Throwable e) {
        LOG.error("unhandled error in REST call", e);
        return respond(500, "INTERNAL", "internal error; see the gate's log");
    }

    static Response respond(int status, String code, String detail) {
        Response.Status s = Response.Status.fromStatusCode(status);
        Problem body = new Problem("https://admissiongate.example/problems/" + code.toLowerCase().replace('_', '-'),
                s == null ? "Error" : s.getReasonPhrase(), status, detail, code, null);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }
}
