package com.admissiongate.analysis;

import com.admissiongate.config.OperatorApiConfig;
import com.admissiongate.policy.RulePack;
import com.admissiongate.policy.RulePackArchive;
import com.admissiongate.policy.RulePackLoadException;
import com.admissiongate.review.AuditAction;
import com.admissiongate.review.AuditLog;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Rule packs the gate knows (the bundled one and those operators uploaded) and which one is active.
 *
 * <p>Activation is a row in {@code rule_pack_activation}; the database is the only shared state. Every replica polls
 * the newest row every {@code gate.ops.pack-poll-interval}; when it names another pack than the one its
 * {@link PolicyAssessor} evaluates with, the replica compiles it (off the event loop), swaps it into the assessor and
 * fires {@link PackActivated}. So all replicas converge within one poll interval plus a compile, and a replica that
 * starts later picks up the active pack on its first poll. A pack that fails to compile on a replica (it was
 * validated before it was stored, so this means a bug) is logged and not retried until another pack is activated.
 */
@ApplicationScoped
public class PackRegistry {

    private static final Logger LOG = Logger.getLogger(PackRegistry.class);

    /** What the registry holds for a version: the compiled pack and, for uploaded packs, the archive (samples). */
    public record Loaded(RulePack pack, RulePackArchive archive, boolean bundled) {
    }

    private final PolicyAssessor assessor;
    private final RulePack bundled;
    private final OperatorApiConfig config;
    private final AuditLog audit;
    private final Event<PackActivated> activated;
    private final Vertx vertx;
    private final Clock clock;
    private final Map<String, Loaded> cache = new ConcurrentHashMap<>();
    private final Set<String> broken = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean syncing = new AtomicBoolean();

    public PackRegistry(Assessor assessor, OperatorApiConfig config, AuditLog audit, Event<PackActivated> activated,
                        Vertx vertx, Clock clock) {
        this.assessor = assessor instanceof PolicyAssessor p ? p : null;
        this.bundled = this.assessor == null ? null : this.assessor.pack();
        this.config = config;
        this.audit = audit;
        this.activated = activated;
        this.vertx = vertx;
        this.clock = clock;
        if (bundled != null) {
            cache.put(bundled.version(), new Loaded(bundled, null, true));
        }
    }

    public RulePack bundled() {
        return bundled;
    }

    /** The pack this replica evaluates with right now. */
    public RulePack serving() {
        return assessor == null ? null : assessor.pack();
    }

    public PolicyAssessor assessor() {
        return assessor;
    }

    public RulePackArchive.Limits limits() {
        return new RulePackArchive.Limits(config.packMaxZipSize(), config.packMaxUncompressed(), config.packMaxEntries());
    }

    /** Reads and compiles an uploaded zip without storing it; refusals carry every problem found. Blocking. */
    public Loaded compile(byte[] zip) {
        RulePackArchive archive;
        try {
            archive = RulePackArchive.read(zip, limits());
        } catch (RulePackArchive.Refused e) {
            throw new PackRefused(e.code(), e.getMessage(), List.of());
        }
        RulePack pack;
        try {
            pack = archive.load("upload");
        } catch (RulePackLoadException e) {
            throw new PackRefused("PACK_INVALID", "the pack does not load", e.problems());
        }
        return new Loaded(pack, archive, false);
    }

    /** Validates and stores an uploaded pack; refuses a version that exists. */
    public Uni<StoredRulePack> store(byte[] zip, String actor) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> compile(zip))).chain(loaded -> {
            List<String> sampleProblems = loaded.archive().runSamples(loaded.pack());
            if (!sampleProblems.isEmpty()) {
                throw new PackRefused("PACK_SAMPLES_FAILED", "the pack's samples fail", sampleProblems);
            }
            RulePack p = loaded.pack();
            if (bundled != null && bundled.version().equals(p.version())) {
                throw new PackRefused("PACK_EXISTS", "pack " + p.version() + " is the bundled pack", List.of());
            }
            return Panache.withTransaction(() -> StoredRulePack.<StoredRulePack>findById(p.version()).chain(existing -> {
                if (existing != null) {
                    throw new PackRefused("PACK_EXISTS", "pack " + p.version() + " is already stored", List.of());
                }
                StoredRulePack row = new StoredRulePack();
                row.version = p.version();
                row.name = p.name();
                row.semver = p.semver();
                row.contentSha256 = p.contentSha256();
                row.ruleCount = p.rules().size();
                row.archive = zip;
                row.uploadedBy = actor;
                row.uploadedAt = clock.instant();
                return row.<StoredRulePack>persist();
            })).invoke(row -> cache.put(row.version, loaded));
        });
    }

    /** The pack of {@code version}, compiled (cached after the first call); fails with PACK_NOT_FOUND. */
    public Uni<Loaded> resolve(String version) {
        Loaded hit = cache.get(version);
        if (hit != null) {
            return Uni.createFrom().item(hit);
        }
        return Panache.withSession(() -> StoredRulePack.<StoredRulePack>findById(version)).chain(row -> {
            if (row == null) {
                return Uni.createFrom().failure(new PackRefused("PACK_NOT_FOUND", "no rule pack " + version, List.of()));
            }
            byte[] zip = row.archive;
            return vertx.executeBlocking(Uni.createFrom().item(() -> compile(zip)))
                    .invoke(l -> cache.put(version, l));
        });
    }

    /** Stored (uploaded) packs, oldest first, without their archives' contents being parsed. */
    public Uni<List<StoredRulePack>> stored() {
        return Panache.withSession(() -> StoredRulePack.<StoredRulePack>find("order by uploadedAt, version").list());
    }

    /** The version the database says is active: the newest activation, or the bundled pack when there is none. */
    public Uni<String> activeVersion() {
        return latestActivation().map(a -> a == null ? (bundled == null ? null : bundled.version()) : a.version);
    }

    private Uni<PackActivation> latestActivation() {
        return Panache.withSession(() -> PackActivation.<PackActivation>find("order by id desc").firstResult());
    }

    /**
     * Makes {@code version} the active pack of every replica: compiles it first (a pack that does not compile is
     * never activated), then records the activation and its audit entry in one transaction, then switches this
     * replica at once; the others follow on their next poll.
     */
    public Uni<PackActivation> activate(String version, String actor, String reason) {
        return resolve(version).chain(loaded -> Panache.withTransaction(() -> activeVersion().chain(previous -> {
            PackActivation row = new PackActivation();
            row.version = version;
            row.activatedBy = actor;
            row.activatedAt = clock.instant();
            row.reason = reason;
            return row.<PackActivation>persist().call(() -> audit.append(actor, AuditAction.PACK_ACTIVATION,
                    "pack:" + version, reason, previous == null ? null : Map.of("version", previous),
                    Map.of("version", version), row.activatedAt));
        }))).call(this::sync);
    }

    @Scheduled(every = "${gate.ops.pack-poll-interval:3s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "rule-pack-poll")
    Uni<Void> poll() {
        return sync().onFailure().invoke(e -> LOG.warnf("rule-pack poll failed, will retry: %s", e.toString()))
                .onFailure().recoverWithNull();
    }

    /** Brings this replica to the active pack; emits nothing useful, completes when done (or skipped). */
    public Uni<Void> sync() {
        if (assessor == null || !syncing.compareAndSet(false, true)) {
            return Uni.createFrom().voidItem();
        }
        return latestActivation().chain(a -> {
            String target = a == null ? bundled.version() : a.version;
            String current = assessor.pack().version();
            if (target.equals(current) || broken.contains(target)) {
                return Uni.createFrom().voidItem();
            }
            String by = a == null ? "system" : a.activatedBy;
            return resolve(target).invoke(loaded -> {
                RulePack previous = assessor.swap(loaded.pack());
                LOG.infof("rule pack %s active on this replica (was %s, activated by %s)", target, previous.version(), by);
                PackActivated event = new PackActivated(target, previous.version(), by);
                // synchronous observers run here; asynchronous ones get their own delivery
                activated.fire(event);
                activated.fireAsync(event);
            }).onFailure(PackRefused.class).invoke(e -> {
                broken.add(target);
                LOG.errorf("rule pack %s is active but cannot be loaded here; keeping %s: %s", target, current, e.getMessage());
            }).onFailure(PackRefused.class).recoverWithNull().replaceWithVoid();
        }).eventually(() -> syncing.set(false));
    }
}
