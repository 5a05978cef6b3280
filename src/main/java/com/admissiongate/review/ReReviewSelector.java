package com.admissiongate.review;

import com.admissiongate.policy.FactsSelection;
import com.admissiongate.verdict.FactsStore;
import com.admissiongate.verdict.HistoryService;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/**
 * Selects listed apps for re-review in keyset pages (package name order), with everything the evaluation needs in
 * the same round trip: the listed version's verdict, its Facts and the history inputs. No offset paging: page N
 * costs the same as page 1 at any catalog size.
 */
@ApplicationScoped
public class ReReviewSelector {

    /** Aimed at minors: the same test as the upload parser and the MINOR rules (flag, minAge or maxAge under 18). */
    public static final String MINORS = "(v.minors_targeted or (v.submission #>> '{audience,minAge}')::int < 18 "
            + "or (v.submission #>> '{audience,maxAge}')::int < 18 "
            + "or coalesce((v.submission #>> '{audience,minorsTargeted}')::boolean, false))";

    private static final String JOIN = " from listing l"
            + " join lateral (select * from verdict x where x.package_name = l.package_name and x.sha256 = l.sha256"
            + "   order by x.id desc limit 1) v on true";
    private static final String WHERE = " where l.state = 'LISTED' and v.overridden_by is null and v.reason <> 'RECTIFY_EXPIRED'";
    /**
     * Inputs of HistoryService.forPackage(package, uploadId): the package's last ACCEPTed version other than the
     * listed upload itself (an ACCEPTed upload is not its own continuity reference) and parts of its Facts, including
     * the privacy policy's sha256 RD191-2.2 compares; then (KEY_CHANGES) the keys registered since that version.
     */
    private static final String HISTORY = " left join lateral (select a.upload_id, a.version_code, a.sha256, a.signer_sha256,"
            + "   a.decided_at, af.sha256 is not null as has_facts,"
            + "   (af.document -> 'signing')::text as signing, (af.document #> '{manifest,permissions}')::text as perms,"
            + "   (af.document -> 'sdks')::text as sdks,"
            // that upload's own policy section (FactsStore) when it has one, else the one in its Facts
            + "   case when ap.upload_id is not null then case when jsonb_typeof(ap.section -> 'sha256') = 'string'"
            + "       then ap.section ->> 'sha256' end"
            + "     when jsonb_typeof(af.document #> '{privacyPolicy,sha256}') = 'string'"
            + "       then af.document #>> '{privacyPolicy,sha256}' end as policy_sha"
            + "   from verdict a left join facts af on af.sha256 = a.sha256 and af.analyzer_version = a.analyzer_version"
            + "   left join upload_policy ap on ap.upload_id = a.upload_id and ap.analyzer_version = a.analyzer_version"
            + "   where a.package_name = l.package_name and a.decision = 'ACCEPT' and a.upload_id <> v.upload_id"
            + "   order by a.version_code desc, a.decided_at desc limit 1) h on true";

    /** history.registeredKeyChanges: certificates registered for the package since its last ACCEPTed version. */
    private static final String KEY_CHANGES = " (select array_agg(k.new_cert_sha256 order by k.registered_at)"
            + "   from signing_key_change k where k.package_name = l.package_name"
            + "   and (h.decided_at is null or k.registered_at > h.decided_at))";

    /**
     * MP-1's other half, as HistoryService.withPolicySharesOf gives it for a re-scan: the other developers that had
     * uploaded a byte-identical policy before this upload was recorded (first uploader first), so a later copier does
     * not change the original's verdict. SQL null (an empty list) when there are none.
     */
    private static final String SHARED_POLICY = " (select array_agg(s.developer_id order by s.first, s.developer_id) from ("
            + "   select o.developer_id, min(o.recorded_at) as first"
            + HistoryService.earlierPolicySharers("v.upload_id") + ") s)";

    private final Pool pool;

    public ReReviewSelector(Pool pool) {
        this.pool = pool;
    }

    public Uni<Integer> count(ReReviewScope scope, String activePack) {
        Tuple args = Tuple.tuple();
        String sql = "select count(*)" + JOIN + WHERE + filters(scope, activePack, args);
        return pool.preparedQuery(sql).execute(args).map(rows -> rows.iterator().next().getLong(0).intValue());
    }

    /** The next page after {@code afterPackage} ("" for the first), with each app's whole Facts document. */
    public Uni<List<ReReviewCandidate>> page(ReReviewScope scope, String activePack, String analyzerVersion,
                                             String afterPackage, int size) {
        return page(scope, activePack, analyzerVersion, afterPackage, size, (FactsSelection) null);
    }

    /**
     * As above, with only the parts of Facts {@code selection} names (null: the whole document) and, with a selection,
     * only a summary of each verdict's findings ({@code [{"ruleId","outcome","waived":true?}]}, what the reuse check
     * reads; {@link #findings} reads the whole ones). Postgres cuts the jsonb (one detoast per row) as
     * {@link FactsSelection#select} does, so the big sections (dex, resources) and the unread keys of the read ones
     * are neither sent nor parsed: turning jsonb into text is most of the page query's cost (docs/benchmarks.md).
     */
    public Uni<List<ReReviewCandidate>> page(ReReviewScope scope, String activePack, String analyzerVersion,
                                             String afterPackage, int size, FactsSelection selection) {
        Tuple args = Tuple.tuple();
        String filters = filters(scope, activePack, args);
        args.addString(afterPackage);
        int after = args.size();
        args.addString(analyzerVersion);
        int analyzer = args.size();
        args.addInteger(size);
        int limit = args.size();
        String document = FactsStore.documentTextOf("f", "v.upload_id");
        String findings = "v.findings::text";
        if (selection != null) {
            // not an array: JSON null, which the reuse check refuses (the full evaluation reports it)
            findings = "(case when jsonb_typeof(v.findings) = 'array' then coalesce((select jsonb_agg("
                    + "jsonb_build_object('ruleId', e->'ruleId', 'outcome', e->'outcome')"
                    + " || case when e ? 'waived' then '{\"waived\":true}'::jsonb else '{}'::jsonb end)"
                    + " from jsonb_array_elements(v.findings) e), '[]'::jsonb) else 'null'::jsonb end)::text";
            List<String> partSections = new ArrayList<>();
            List<String> partKeys = new ArrayList<>();
            selection.parts().forEach((section, keys) -> keys.forEach(k -> {
                partSections.add(section);
                partKeys.add(k);
            }));
            args.addArrayOfString(selection.wholeSections().toArray(String[]::new));
            int whole = args.size();
            args.addArrayOfString(partSections.toArray(String[]::new));
            int ps = args.size();
            args.addArrayOfString(partKeys.toArray(String[]::new));
            int pk = args.size();
            document = "case when jsonb_typeof(f.document) = 'object' then (select jsonb_object_agg(e.key,"
                    + "   case when e.key = any($" + whole + ") or jsonb_typeof(e.value) <> 'object' then e.value"
                    + "   else (select coalesce(jsonb_object_agg(e2.key, e2.value), '{}'::jsonb) from jsonb_each(e.value) e2"
                    + "     where e2.key = any(array(select u.k from unnest($" + ps + "::text[], $" + pk + "::text[]) u(s, k)"
                    + "       where u.s = e.key))) end)"
                    + " from jsonb_each(" + FactsStore.documentOf("f", "v.upload_id") + ") e"
                    + " where e.key = any($" + whole + ") or e.key = any($" + ps + "))::text else " + document + " end";
        }
        String sql = "select l.package_name, v.upload_id, v.version_code, v.sha256, v.analyzer_version, v.rule_pack_version,"
                + " v.decision, v.revision, v.minors_targeted, v.decided_at, v.submission::text as submission, " + findings + " as findings,"
                // the Facts are only worth reading when they come from the current analyzer
                // document_text (V7) is document::text kept ready: no jsonb-to-text conversion per row
                + " (select " + document + " from facts f where f.sha256 = v.sha256"
                + "   and f.analyzer_version = v.analyzer_version"
                + "   and v.analyzer_version = $" + analyzer + ") as facts,"
                + " h.upload_id as h_upload, h.version_code as h_vc, h.sha256 as h_sha, h.signer_sha256 as h_signer,"
                + " h.has_facts as h_has_facts, h.signing as h_signing, h.perms as h_perms, h.sdks as h_sdks,"
                + " h.policy_sha as h_policy_sha," + KEY_CHANGES + " as key_changes,"
                + SHARED_POLICY + " as shared_devs"
                + JOIN + HISTORY + WHERE + filters + " and l.package_name > $" + after
                + " order by l.package_name limit $" + limit;
        return pool.preparedQuery(sql).execute(args).map(rows -> {
            List<ReReviewCandidate> out = new ArrayList<>(rows.size());
            for (Row r : rows) {
                out.add(new ReReviewCandidate(r.getString("package_name"), r.getString("upload_id"),
                        r.getLong("version_code"), r.getString("sha256"), r.getString("analyzer_version"),
                        r.getString("rule_pack_version"), r.getString("decision"), r.getInteger("revision"),
                        r.getBoolean("minors_targeted"), r.getString("submission"), r.getString("findings"),
                        r.getString("facts"), new ReReviewCandidate.HistoryInputs(r.getString("h_upload"),
                                r.getLong("h_vc"), r.getString("h_sha"), r.getString("h_signer"),
                                Boolean.TRUE.equals(r.getBoolean("h_has_facts")), r.getString("h_signing"),
                                r.getString("h_perms"), r.getString("h_sdks"), r.getString("h_policy_sha"),
                                strings(r.getArrayOfStrings("key_changes")), strings(r.getArrayOfStrings("shared_devs"))),
                        r.getOffsetDateTime("decided_at").toInstant()));
            }
            return out;
        });
    }

    /** The whole findings of each of {@code uploadIds}' verdicts, by upload id. */
    public Uni<java.util.Map<String, String>> findings(List<String> uploadIds) {
        return pool.preparedQuery("select upload_id, findings::text from verdict where upload_id = any($1)")
                .execute(Tuple.of(uploadIds.toArray(String[]::new)))
                .map(rows -> {
                    java.util.Map<String, String> out = new java.util.HashMap<>();
                    for (Row r : rows) {
                        out.put(r.getString(0), r.getString(1));
                    }
                    return out;
                });
    }

    /**
     * The whole Facts text of each of {@code uploadIds}' verdicts under {@code analyzerVersion} (with the upload's own
     * privacy policy, FactsStore), by upload id.
     */
    public Uni<java.util.Map<String, String>> facts(List<String> uploadIds, String analyzerVersion) {
        if (uploadIds.isEmpty()) {
            return Uni.createFrom().item(java.util.Map.of());
        }
        return pool.preparedQuery("select v.upload_id, " + FactsStore.documentTextOf("f", "v.upload_id")
                        + " from verdict v join facts f on f.sha256 = v.sha256 and f.analyzer_version = v.analyzer_version"
                        + " where v.upload_id = any($1) and v.analyzer_version = $2")
                .execute(Tuple.of(uploadIds.toArray(String[]::new), analyzerVersion))
                .map(rows -> {
                    java.util.Map<String, String> out = new java.util.HashMap<>();
                    for (Row r : rows) {
                        out.put(r.getString(0), r.getString(1));
                    }
                    return out;
                });
    }

    private static List<String> strings(String[] ids) {
        return ids == null ? List.of() : List.of(ids);
    }

    /** WHERE conditions (after FROM's own) for the scope; values are bound, never concatenated. */
    static String filters(ReReviewScope s, String activePack, Tuple args) {
        StringBuilder w = new StringBuilder();
        if (s.daily()) {
            args.addString(activePack);
            w.append(" and (").append(MINORS)
                    .append(" or coalesce(v.reviewed_pack_version, v.rule_pack_version) <> $").append(args.size()).append(')');
        }
        if (s.previousPack() != null) {
            args.addString(s.previousPack());
            w.append(" and v.rule_pack_version = $").append(args.size());
            args.addString(activePack);
            w.append(" and coalesce(v.reviewed_pack_version, '') <> $").append(args.size());
        }
        eq(w, args, "l.package_name", s.packageName());
        eq(w, args, "v.developer_id", s.developerId());
        eq(w, args, "v.app_type", s.appType());
        eq(w, args, "v.decision", s.decision());
        eq(w, args, "v.rule_pack_version", s.rulePackVersion());
        if (Boolean.TRUE.equals(s.minorsTargeted())) {
            w.append(" and ").append(MINORS);
        } else if (Boolean.FALSE.equals(s.minorsTargeted())) {
            w.append(" and not coalesce(").append(MINORS).append(", false)");
        }
        return w.toString();
    }

    private static void eq(StringBuilder w, Tuple args, String column, String value) {
        if (value != null) {
            args.addString(value);
            w.append(" and ").append(column).append(" = $").append(args.size());
        }
    }
}
