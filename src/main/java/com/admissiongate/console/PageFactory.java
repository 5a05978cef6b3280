package com.admissiongate.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;

/** Builds the {@link Page} context of the current request. */
@ApplicationScoped
public class PageFactory {

    private final ConsoleSession session;

    public PageFactory(ConsoleSession session) {
        this.session = session;
    }

    Page page(UriInfo uri, HttpHeaders headers, String nav) {
        String lang = ConsoleLocale.of(uri, headers);
        return new Page(lang, session.user(), session.canOverride(), session.isAdmin(), session.csrfToken(),
                Page.switchHref(uri.getPath(), uri.getQueryParameters(), lang), nav);
    }
}
