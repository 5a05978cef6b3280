package com.admissiongate.artifact;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A downloaded binary in a private temp file, with the digest computed while it streamed in. Delete on close. */
public record FetchedArtifact(Path path, long size, String sha256) implements AutoCloseable {
    @Override
    public void close() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // a leftover temp file is not worth failing a verdict for; the temp dir is cleaned on restart
        }
    }
}
