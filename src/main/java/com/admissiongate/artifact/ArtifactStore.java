package com.admissiongate.artifact;

/** Port to the object store holding uploaded binaries. */
public interface ArtifactStore {

    /**
     * Downloads {@code bucket/key} into a temp file, refusing objects larger than the configured cap, and checks the
     * size and SHA-256 the uploader declared.
     *
     * @throws ArtifactException with a permanent code when the object is missing, too big or not what was declared;
     *                           STORE_UNAVAILABLE when the store cannot be reached (retry)
     */
    FetchedArtifact fetch(String bucket, String key, long expectedSize, String expectedSha256);

    /** Cheap reachability probe for readiness. */
    void ping();
}
