package com.admissiongate.apk.internal;

import com.admissiongate.apk.io.ByteSource;
import java.nio.ByteBuffer;

/** {@link ByteSource} over a byte array region (inflated entries, nested archives). */
public final class ByteArraySource implements ByteSource {

    private final byte[] bytes;
    private final int start;
    private final int size;

    public ByteArraySource(byte[] bytes, int start, int size) {
        ByteSource.checkRange(start, size, bytes.length);
        this.bytes = bytes;
        this.start = start;
        this.size = size;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public void read(long offset, ByteBuffer dst) {
        int len = dst.remaining();
        ByteSource.checkRange(offset, len, size);
        dst.put(bytes, start + (int) offset, len);
    }

    @Override
    public void read(long offset, byte[] dst, int dstOff, int len) {
        ByteSource.checkRange(offset, len, size);
        System.arraycopy(bytes, start + (int) offset, dst, dstOff, len);
    }

    @Override
    public ByteSource slice(long offset, long len) {
        ByteSource.checkRange(offset, len, size);
        return new ByteArraySource(bytes, start + (int) offset, (int) len);
    }
}
