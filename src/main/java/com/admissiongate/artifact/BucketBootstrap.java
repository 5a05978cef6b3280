package com.admissiongate.artifact;

import com.admissiongate.config.GateConfig;
import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Creates the upload bucket on the local stack (gate.artifact.create-buckets=true); production buckets are provisioned. */
@ApplicationScoped
public class BucketBootstrap {

    private static final Logger LOG = Logger.getLogger(BucketBootstrap.class);

    void onStart(@Observes StartupEvent ev, GateConfig config, S3ArtifactStore store) {
        if (!config.artifact().createBuckets()) {
            return;
        }
        for (String bucket : config.artifact().allowedBuckets()) {
            try {
                if (!store.client().bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                    store.client().makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
                    LOG.infof("created bucket %s", bucket);
                }
            } catch (Exception e) {
                LOG.warnf("could not create bucket %s: %s", bucket, e.getMessage());
            }
        }
    }
}
