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

    /** Wraps {@code bytes} without copying. */
    public static ByteSource wrap(byte[] bytes) {
        return new ByteArraySource(bytes, 0, bytes.length);
    }
}
