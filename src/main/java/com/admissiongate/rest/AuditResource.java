package com.admissiongate.rest;

import com.admissiongate.review.AuditAction;
import com.admissiongate.review.AuditEntry;
import com.admissiongate.verdict.Keyset;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The audit log, newest first, with the same opaque cursor as verdict search; admins only. */
@RolesAllowed(Roles.ADMIN)
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private static final Pattern TARGET = Pattern.compile("[A-Za-z]+:[A-Za-z0-9._:@+-]{1,250}");
    private static final Pattern ACTOR = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");

    public record AuditView(long id, Instant at, String actor, String action, String target, String reason,
                            JsonNode before, JsonNode after) {
    }

    public record AuditPage(List<AuditView> items, String nextCursor) {
    }

    private final ObjectMapper mapper;

    public AuditResource(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @GET
    public Uni<AuditPage> list(@QueryParam("target") String target, @QueryParam("action") String action,
                               @QueryParam("actor") String actor, @QueryParam("from") String from,
                               @QueryParam("to") String to, @QueryParam("limit") String limit,
                               @QueryParam("cursor") String cursor) {
        StringBuilder q = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (target != null && !target.isEmpty()) {
            Params.optional(target, TARGET, "INVALID_TARGET", "target must look like upload:<id>, package:<name> or pack:<version>");
            q.append(" and target = :target");
            params.put("target", target);
        }
        if (action != null && !action.isEmpty()) {
            try {
                params.put("action", AuditAction.valueOf(action).name());
            } catch (IllegalArgumentException e) {
                throw new ProblemException(400, "INVALID_ACTION", "action must be one of " + List.of(AuditAction.values()));
            }
            q.append(" and action = :action");
        }
        if (actor != null && !actor.isEmpty()) {
            Params.optional(actor, ACTOR, "INVALID_ACTOR", "actor must match [A-Za-z0-9._:@-]{1,128}");
            q.append(" and actor = :actor");
            params.put("actor", actor);
        }
        Instant f = Params.instant(from, "from");
        Instant t = Params.instant(to, "to");
        Params.range(f, t);
        if (f != null) {
            q.append(" and at >= :from");
            params.put("from", f);
        }
        if (t != null) {
            q.append(" and at < :to");
            params.put("to", t);
        }
        Keyset after = Params.cursor(cursor);
        if (after != null) {
            q.append(" and (at < :afterAt or (at = :afterAt and id < :afterId))");
            params.put("afterAt", after.at());
            params.put("afterId", after.id());
        }
        int n = Params.limit(limit, 50, VerdictSearchResource.MAX_LIMIT);
        q.append(" order by at desc, id desc");
        return Panache.withSession(() -> AuditEntry.<AuditEntry>find(q.toString(), params).range(0, n).list())
                .map(rows -> {
                    boolean more = rows.size() > n;
                    List<AuditEntry> page = more ? rows.subList(0, n) : rows;
                    List<AuditView> items = new ArrayList<>();
                    page.forEach(e -> items.add(new AuditView(e.id, e.at, e.actor, e.action, e.target, e.reason,
                            json(e.before), json(e.after))));
                    AuditEntry last = page.isEmpty() ? null : page.get(page.size() - 1);
                    return new AuditPage(items, more ? new Keyset(last.at, last.id).encode() : null);
                });
    }

    private JsonNode json(String text) {
        try {
            return text == null ? null : mapper.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("stored audit JSON is not JSON", e);
        }
    }
}
