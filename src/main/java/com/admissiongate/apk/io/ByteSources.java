package com.admissiongate.apk.io;

import com.admissiongate.apk.internal.ByteArraySource;
import com.admissiongate.apk.internal.FileChannelSource;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Factory for {@link ByteSource} implementations. */
public final class ByteSources {

    private ByteSources() {
    }

    /** Opens {@code file} read-only; close the returned source to release the channel. */
    public static ByteSource open(Path file) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        return new FileChannelSource(ch, 0, ch.size(), true);
    }

    /**
     * Opens {@code file} read-only: read whole into the heap when it is at most {@code inMemoryMax} bytes (one read
     * instead of a system call per positional read), else as {@link #open(Path)}. Close the returned source either way.
     */
    public static ByteSource open(Path file, long inMemoryMax) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        try {
            byte[] whole = readWhole(ch, inMemoryMax);
            if (whole == null) {
                ByteSource src = new FileChannelSource(ch, 0, ch.size(), true);
                ch = null;
                return src;
            }
            return wrap(whole);
        } finally {
            if (ch != null) {
                ch.close();
            }
        }
    }

    /**
     * All of {@code ch} when it is at most {@code inMemoryMax} bytes (and fits an array), else null: the one
     * size check behind every "read small files whole" path (extractor, apksig, the Facts assembly).
     */
    public static byte[] readWhole(FileChannel ch, long inMemoryMax) throws IOException {
        long size = ch.size();
        return size > Math.min(inMemoryMax, Integer.MAX_VALUE - 8) ? null : readFully(ch, (int) size);
    }

    /**
     * The first {@code size} bytes of {@code ch} (its size when opened); a file that shrank since is an
     * {@link java.io.EOFException}, as it is for {@link FileChannelSource}.
     */
    public static byte[] readFully(FileChannel ch, int size) throws IOException {
        byte[] bytes = new byte[size];
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(bytes);
        while (buf.hasRemaining()) {
            if (ch.read(buf, buf.position()) < 0) {
                throw new java.io.EOFException("unexpected end of file at " + buf.position());
            }
        }
        return bytes;
    }

    /** Wraps {@code bytes} without copying. */
    public static ByteSource wrap(byte[] bytes) {
        return new ByteArraySource(bytes, 0, bytes.length);
    }
}
