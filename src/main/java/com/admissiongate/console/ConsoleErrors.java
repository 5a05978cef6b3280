package com.admissiongate.console;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;
import java.util.Locale;

/**
 * How console pages answer failures: a browser without a session goes to the login page (303), a role that may not
 * do something gets a 403 page, a form that fails the CSRF check gets a 403 page. Console resources call these from
 * their own exception mappers, so the operator REST API keeps its problem+json answers.
 */
final class ConsoleErrors {

    private ConsoleErrors() {
    }

    static Response toLogin() {
        // a stale or forged session cookie would fail every request, the login page included: drop it
        return Response.seeOther(URI.create("/console/login"))
                .cookie(new NewCookie.Builder(ConsoleSession.SESSION_COOKIE).value("").path("/console").maxAge(0)
                        .httpOnly(true).sameSite(NewCookie.SameSite.STRICT).build())
                .build();
    }

    static Response forbidden(PageFactory pages, UriInfo uri, HttpHeaders headers) {
        Page page = pages.page(uri, headers, "");
        return page(403, page, ConsoleTemplates.problem(page, msg(page, "Not allowed", "无权限"),
                msg(page, "Your role does not allow this.", "您的角色不允许此操作。")));
    }

    static Response csrf(PageFactory pages, UriInfo uri, HttpHeaders headers) {
        Page page = pages.page(uri, headers, "");
        return page(403, page, ConsoleTemplates.problem(page, msg(page, "Form expired", "表单已失效"),
                msg(page, "The form could not be verified. Reload the page and try again.", "无法验证表单，请刷新页面后重试。")));
    }

    static Response notFound(Page page) {
        return notFound(page, msg(page, "No verdict for this upload.", "没有该上传的审核结论。"));
    }

    static Response notFound(Page page, String text) {
        return page(404, page, ConsoleTemplates.problem(page, "404", text));
    }

    static Response page(int status, Page page, TemplateInstance t) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(localized(t, page)).build();
    }

    static TemplateInstance localized(TemplateInstance t, Page page) {
        return t.setLocale(Locale.forLanguageTag(page.lang()));
    }

    private static String msg(Page page, String en, String zh) {
        return page.zh() ? zh : en;
    }
}
