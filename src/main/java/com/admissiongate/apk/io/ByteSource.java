package com.admissiongate.apk.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Random-access, read-only bytes of an APK or of one of its entries.
 *
 * <p>Exists so that the analyzer never has to hold a whole APK in memory: the ZIP reader asks
 * for the few hundred bytes it needs (EOCD, central directory, local headers) and inflates
 * entries chunk by chunk. Offsets are {@code long}, so sources above 2 GiB work.
 *
 * <p>Bounds contract (as apksig's {@code DataSource}): every method taking an offset and a
 * length throws {@link IndexOutOfBoundsException} when {@code offset < 0}, {@code len < 0} or
 * {@code offset + len > size()}; callers check before reading and turn failures into issues.
 */
public interface ByteSource extends Closeable {

    /** Number of bytes in this source. */
    long size();

    /** Reads exactly {@code dst.remaining()} bytes starting at {@code offset} into {@code dst}. */
    void read(long offset, ByteBuffer dst) throws IOException;

    /** Reads exactly {@code len} bytes starting at {@code offset} into {@code dst[dstOff..]}. */
    default void read(long offset, byte[] dst, int dstOff, int len) throws IOException {
        read(offset, ByteBuffer.wrap(dst, dstOff, len));
    }

    /** Returns {@code len} bytes starting at {@code offset}. */
    default byte[] readBytes(long offset, int len) throws IOException {
        byte[] b = new byte[len];
        read(offset, b, 0, len);
        return b;
    }

    /** A view of {@code [offset, offset + size)}; closing a slice does not close its parent. */
    ByteSource slice(long offset, long size);

    /** Throws unless {@code [offset, offset + len)} lies inside a source of {@code size} bytes. */
    static void checkRange(long offset, long len, long size) {
        if (offset < 0) {
            throw new IndexOutOfBoundsException("offset: " + offset);
        }
        if (len < 0) {
            throw new IndexOutOfBoundsException("size: " + len);
        }
        if (offset > size || len > size - offset) {
            throw new IndexOutOfBoundsException(
                    "offset (" + offset + ") + size (" + len + ") > source size (" + size + ")");
        }
    }

    @Override
    default void close() throws IOException {
    }
}
