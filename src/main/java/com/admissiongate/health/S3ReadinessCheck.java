package com.admissiongate.health;

import com.admissiongate.artifact.ArtifactStore;
import com.admissiongate.config.GateConfig;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness of the object store, bounded by gate.s3.health-timeout so a hung S3 cannot hang the probe. */
@Readiness
@ApplicationScoped
public class S3ReadinessCheck implements AsyncHealthCheck {

    private final ArtifactStore store;
    private final GateConfig config;

    public S3ReadinessCheck(ArtifactStore store, GateConfig config) {
        this.store = store;
        this.config = config;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return Uni.createFrom().item(() -> {
                    store.ping();
                    return HealthCheckResponse.up("s3");
                })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .ifNoItem().after(config.s3().healthTimeout()).fail()
                .onFailure().recoverWithItem(e -> HealthCheckResponse.named("s3").down()
                        .withData("error", String.valueOf(e.getMessage())).build());
    }
}
