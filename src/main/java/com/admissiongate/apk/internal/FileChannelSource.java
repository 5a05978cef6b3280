package com.admissiongate.apk.internal;

import com.admissiongate.apk.io.ByteSource;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** {@link ByteSource} over a region of a {@link FileChannel}, using positional reads only. */
public final class FileChannelSource implements ByteSource {

    private final FileChannel channel;
    private final long start;
    private final long size;
    private final boolean owner;

    public FileChannelSource(FileChannel channel, long start, long size, boolean owner) {
        this.channel = channel;
        this.start = start;
        this.size = size;
        this.owner = owner;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public void read(long offset, ByteBuffer dst) throws IOException {
        int len = dst.remaining();
        ByteSource.checkRange(offset, len, size);
        long pos = start + offset;
        while (dst.hasRemaining()) {
            int n = channel.read(dst, pos);
            if (n < 0) {
                // File shrank under us: report as an I/O failure, not as a bounds bug.
                throw new EOFException("unexpected end of file at " + pos);
            }
            pos += n;
        }
    }

    @Override
    public ByteSource slice(long offset, long len) {
        ByteSource.checkRange(offset, len, size);
        return new FileChannelSource(channel, start + offset, len, false);
    }

    @Override
    public void close() throws IOException {
        if (owner) {
            channel.close();
        }
    }
}
