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

    /**
     * Reads a small companion object (e.g. the privacy policy uploaded next to the APK) into memory, refusing more
     * than {@code maxBytes}. Same bucket allowlist as {@link #fetch}.
     *
     * @throws ArtifactException BUCKET_NOT_ALLOWED, OBJECT_NOT_FOUND or TOO_LARGE (permanent); STORE_UNAVAILABLE (retry)
     */
    default byte[] readObject(String bucket, String key, long maxBytes) {
        throw new ArtifactException(ArtifactException.Code.STORE_UNAVAILABLE, "this store cannot read companion objects");
    }

    /** Cheap reachability probe for readiness. */
    void ping();
}
