package com.admissiongate.artifact;

import com.admissiongate.config.GateConfig;
import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** S3 (MinIO client) adapter. Streams to a temp file with a hard byte cap; never buffers a binary in memory. */
@ApplicationScoped
public class S3ArtifactStore implements ArtifactStore {

    private final GateConfig config;
    private final MinioClient client;

    public S3ArtifactStore(GateConfig config) {
        this.config = config;
        this.client = MinioClient.builder()
                .endpoint(config.s3().endpoint())
                .credentials(config.s3().accessKey(), config.s3().secretKey())
                .region(config.s3().region())
                .build();
    }

    public MinioClient client() {
        return client;
    }

    @Override
    public FetchedArtifact fetch(String bucket, String key, long expectedSize, String expectedSha256) {
        if (!config.artifact().allowedBuckets().contains(bucket)) {
            throw new ArtifactException(ArtifactException.Code.BUCKET_NOT_ALLOWED,
                    "bucket '" + bucket + "' is not in gate.artifact.allowed-buckets");
        }
        long cap = config.artifact().maxSize();
        if (expectedSize > cap) {
            throw new ArtifactException(ArtifactException.Code.TOO_LARGE,
                    "declared size " + expectedSize + " bytes exceeds the limit of " + cap + " bytes");
        }
        StatObjectResponse stat = stat(bucket, key);
        if (stat.size() != expectedSize) {
            throw new ArtifactException(ArtifactException.Code.SIZE_MISMATCH,
                    "object is " + stat.size() + " bytes but the event declares " + expectedSize);
        }
        Path tmp = null;
        try {
            Path dir = config.artifact().tempDir().map(Path::of).orElse(Path.of(System.getProperty("java.io.tmpdir")));
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "upload-", ".apk");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long total = 0;
            try (InputStream in = client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build());
                 OutputStream out = Files.newOutputStream(tmp)) {
                byte[] buf = new byte[1 << 16];
                int n;
                while ((n = in.read(buf)) > 0) {
                    total += n;
                    // the stat can be stale or lie: enforce the cap on the bytes actually received
                    if (total > expectedSize || total > cap) {
                        throw new ArtifactException(ArtifactException.Code.SIZE_MISMATCH,
                                "object grew beyond the declared " + expectedSize + " bytes while downloading");
                    }
                    sha.update(buf, 0, n);
                    out.write(buf, 0, n);
                }
            }
            if (total != expectedSize) {
                throw new ArtifactException(ArtifactException.Code.SIZE_MISMATCH,
                        "downloaded " + total + " bytes but the event declares " + expectedSize);
            }
            String digest = HexFormat.of().formatHex(sha.digest());
            if (!digest.equalsIgnoreCase(expectedSha256)) {
                throw new ArtifactException(ArtifactException.Code.DIGEST_MISMATCH,
                        "SHA-256 of the object is " + digest + " but the event declares " + expectedSha256);
            }
            FetchedArtifact result = new FetchedArtifact(tmp, total, digest);
            tmp = null;
            return result;
        } catch (ArtifactException e) {
            throw e;
        } catch (ErrorResponseException e) {
            throw notFoundOrUnavailable(bucket, key, e);
        } catch (IOException | NoSuchAlgorithmException | RuntimeException e) {
            throw new ArtifactException(ArtifactException.Code.STORE_UNAVAILABLE,
                    "reading s3://" + bucket + "/" + key + " failed: " + e.getMessage(), e);
        } catch (Exception e) {
            throw new ArtifactException(ArtifactException.Code.STORE_UNAVAILABLE,
                    "reading s3://" + bucket + "/" + key + " failed: " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort
                }
            }
        }
    }

    @Override
    public byte[] readObject(String bucket, String key, long maxBytes) {
        if (!config.artifact().allowedBuckets().contains(bucket)) {
            throw new ArtifactException(ArtifactException.Code.BUCKET_NOT_ALLOWED,
                    "bucket '" + bucket + "' is not in gate.artifact.allowed-buckets");
        }
        StatObjectResponse stat = stat(bucket, key);
        if (stat.size() > maxBytes) {
            throw new ArtifactException(ArtifactException.Code.TOO_LARGE,
                    "s3://" + bucket + "/" + key + " is " + stat.size() + " bytes, more than " + maxBytes);
        }
        try (InputStream in = client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build())) {
            // the stat may be stale: never hold more than the cap
            byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (b.length > maxBytes) {
                throw new ArtifactException(ArtifactException.Code.TOO_LARGE,
                        "s3://" + bucket + "/" + key + " grew beyond " + maxBytes + " bytes while reading");
            }
            return b;
        } catch (ArtifactException e) {
            throw e;
        } catch (ErrorResponseException e) {
            throw notFoundOrUnavailable(bucket, key, e);
        } catch (Exception e) {
            throw new ArtifactException(ArtifactException.Code.STORE_UNAVAILABLE,
                    "reading s3://" + bucket + "/" + key + " failed: " + e.getMessage(), e);
        }
    }

    private StatObjectResponse stat(String bucket, String key) {
        try {
            return client.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build());
        } catch (ErrorResponseException e) {
            throw notFoundOrUnavailable(bucket, key, e);
        } catch (Exception e) {
            throw new ArtifactException(ArtifactException.Code.STORE_UNAVAILABLE,
                    "stat of s3://" + bucket + "/" + key + " failed: " + e.getMessage(), e);
        }
    }

    private static ArtifactException notFoundOrUnavailable(String bucket, String key, ErrorResponseException e) {
        String code = e.errorResponse() == null ? "" : e.errorResponse().code();
        if ("NoSuchKey".equals(code) || "NoSuchBucket".equals(code) || "NoSuchObject".equals(code)) {
            return new ArtifactException(ArtifactException.Code.OBJECT_NOT_FOUND,
                    "s3://" + bucket + "/" + key + " does not exist (" + code + ")", e);
        }
        return new ArtifactException(ArtifactException.Code.STORE_UNAVAILABLE,
                "s3://" + bucket + "/" + key + ": " + code + " " + e.getMessage(), e);
    }

    @Override
    public void ping() {
        String bucket = config.artifact().allowedBuckets().iterator().next();
        try {
            client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build());
        } catch (Exception e) {
            throw new ArtifactException(ArtifactException.Code.STORE_UNAVAILABLE, "S3 unreachable: " + e.getMessage(), e);
        }
    }
}
