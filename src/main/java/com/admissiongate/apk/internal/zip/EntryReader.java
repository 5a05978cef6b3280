package com.admissiongate.apk.internal.zip;

import com.admissiongate.apk.IssueCode;
import com.admissiongate.apk.io.ByteSource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Extracts entry data chunk by chunk from the {@link ByteSource}. Output is capped both by the
 * caller's limit and by the entry's declared size, so a lying header cannot make us allocate
 * more than was declared and accepted by the limits.
 */
public final class EntryReader implements AutoCloseable {

    private static final int CHUNK = 64 * 1024;

    private final ByteSource source;
    private final Inflater inflater = new Inflater(true);
    private final byte[] in = new byte[CHUNK];

    public EntryReader(ByteSource source) {
        this.source = source;
    }

    /** Whole entry data, at most {@code max} bytes (else {@link IssueCode#ZIP_ENTRY_TOO_LARGE}). */
    public byte[] read(ZipEntryRecord e, int max) throws IOException, EntryException {
        checkReadable(e);
        if (e.uncompressedSize() > max) {
            throw new EntryException(IssueCode.ZIP_ENTRY_TOO_LARGE, e.uncompressedSize(), (long) max);
        }
        int declared = (int) e.uncompressedSize();
        if (e.method() == 0) {
            if (e.compressedSize() != e.uncompressedSize()) {
                throw new EntryException(IssueCode.ZIP_ENTRY_SIZE_MISMATCH, e.uncompressedSize());
            }
            return source.readBytes(e.dataOffset(), declared);
        }
        byte[] out = new byte[declared];
        int n = inflate(e, out, declared, true);
        if (n != declared) {
            throw new EntryException(IssueCode.ZIP_ENTRY_SIZE_MISMATCH, e.uncompressedSize());
        }
        return out;
    }

    /** Up to {@code n} leading bytes of the entry (fewer if the entry is shorter). */
    public byte[] readPrefix(ZipEntryRecord e, int n) throws IOException, EntryException {
        checkReadable(e);
        int want = (int) Math.min(n, e.uncompressedSize());
        if (e.method() == 0) {
            return source.readBytes(e.dataOffset(), (int) Math.min(want, e.compressedSize()));
        }
        byte[] out = new byte[want];
        int got = inflate(e, out, want, false);
        return got == want ? out : Arrays.copyOf(out, got);
    }

    /** Inflates the whole entry into a scratch buffer and returns the byte count (benchmarks). */
    public long drain(ZipEntryRecord e, byte[] scratch) throws IOException, EntryException {
        checkReadable(e);
        if (e.method() == 0) {
            long left = e.compressedSize();
            long p = e.dataOffset();
            while (left > 0) {
                int k = (int) Math.min(left, scratch.length);
                source.read(p, ByteBuffer.wrap(scratch, 0, k));
                p += k;
                left -= k;
            }
            return e.compressedSize();
        }
        inflater.reset();
        CompressedInput input = new CompressedInput(e);
        long total = 0;
        try {
            while (!inflater.finished()) {
                if (inflater.needsInput() && !input.feed()) {
                    break;
                }
                int m = inflater.inflate(scratch);
                total += m;
                if (total > e.uncompressedSize()) {
                    throw new EntryException(IssueCode.ZIP_ENTRY_SIZE_MISMATCH, e.uncompressedSize());
                }
                if (m == 0 && inflater.needsDictionary()) {
                    throw new EntryException(IssueCode.ZIP_INFLATE_FAILED, "preset dictionary required");
                }
            }
        } catch (DataFormatException ex) {
            throw new EntryException(IssueCode.ZIP_INFLATE_FAILED, String.valueOf(ex.getMessage()));
        }
        return total;
    }

    private int inflate(ZipEntryRecord e, byte[] out, int want, boolean mustFinish)
            throws IOException, EntryException {
        inflater.reset();
        CompressedInput input = new CompressedInput(e);
        int got = 0;
        try {
            while (got < want) {
                if (inflater.needsInput() && !input.feed()) {
                    break;
                }
                int m = inflater.inflate(out, got, want - got);
                got += m;
                if (inflater.finished()) {
                    break;
                }
                if (m == 0 && inflater.needsDictionary()) {
                    throw new EntryException(IssueCode.ZIP_INFLATE_FAILED, "preset dictionary required");
                }
            }
            if (mustFinish && got == want && !inflater.finished()) {
                // Declared size reached but the stream goes on: the header understates the size.
                byte[] probe = new byte[1];
                while (!inflater.finished()) {
                    if (inflater.needsInput() && !input.feed()) {
                        break;
                    }
                    if (inflater.inflate(probe) > 0) {
                        throw new EntryException(IssueCode.ZIP_ENTRY_SIZE_MISMATCH, e.uncompressedSize());
                    }
                    if (inflater.needsDictionary()) {
                        break;
                    }
                }
            }
        } catch (DataFormatException ex) {
            throw new EntryException(IssueCode.ZIP_INFLATE_FAILED, String.valueOf(ex.getMessage()));
        }
        return got;
    }

    /** The entry's compressed bytes, handed to the inflater one bounded chunk at a time. */
    private final class CompressedInput {
        private long pos;
        private long left;

        CompressedInput(ZipEntryRecord e) {
            this.pos = e.dataOffset();
            this.left = e.compressedSize();
        }

        /** Gives the inflater the next chunk; false when the compressed data is used up. */
        boolean feed() throws IOException {
            if (left <= 0) {
                return false;
            }
            int k = (int) Math.min(left, in.length);
            source.read(pos, in, 0, k);
            inflater.setInput(in, 0, k);
            pos += k;
            left -= k;
            return true;
        }
    }

    private static void checkReadable(ZipEntryRecord e) throws EntryException {
        if (!e.readable() || e.dataOffset() < 0) {
            if (e.method() != 0 && e.method() != 8) {
                throw new EntryException(IssueCode.ZIP_UNKNOWN_COMPRESSION_METHOD, e.method());
            }
            throw new EntryException(IssueCode.ZIP_INFLATE_FAILED, "entry is not readable (see earlier issues)");
        }
    }

    @Override
    public void close() {
        inflater.end();
    }
}
