package com.admissiongate.apk.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.admissiongate.apk.internal.ByteArraySource;
import com.admissiongate.apk.internal.FileChannelSource;
import java.io.EOFException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ByteSourcesTests {

    @TempDir
    Path dir;

    private Path file(int size) throws Exception {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) (i * 31 + 7);
        }
        return Files.write(dir.resolve("f-" + size), b);
    }

    private static byte[] all(ByteSource s) throws Exception {
        ByteBuffer buf = ByteBuffer.allocate((int) s.size());
        s.read(0, buf);
        return buf.array();
    }

    @Test
    void aFileUpToTheLimitIsReadWholeIntoTheHeap() throws Exception {
        Path f = file(1000);
        try (ByteSource s = ByteSources.open(f, 1000)) {
            assertThat(s).isInstanceOf(ByteArraySource.class);
            assertThat(all(s)).isEqualTo(Files.readAllBytes(f));
        }
    }

    @Test
    void aLargerFileOrALimitOfZeroIsReadFromTheFile() throws Exception {
        Path f = file(1001);
        try (ByteSource s = ByteSources.open(f, 1000); ByteSource never = ByteSources.open(f, 0)) {
            assertThat(s).isInstanceOf(FileChannelSource.class);
            assertThat(never).isInstanceOf(FileChannelSource.class);
            assertThat(all(s)).isEqualTo(Files.readAllBytes(f));
        }
    }

    @Test
    void readWholeAnswersTheBytesUpToTheLimitAndNullAboveIt() throws Exception {
        Path f = file(1000);
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
            assertThat(ByteSources.readWhole(ch, 1000)).isEqualTo(Files.readAllBytes(f));
            assertThat(ByteSources.readWhole(ch, 999)).isNull();
            assertThat(ByteSources.readWhole(ch, -1)).isNull();
            // a limit past what an array holds is capped, not cast to a negative int
            assertThat(ByteSources.readWhole(ch, Long.MAX_VALUE)).isEqualTo(Files.readAllBytes(f));
        }
    }

    @Test
    void aFileShorterThanTheSizeAskedForIsAnEofNotZeros() throws Exception {
        Path f = file(100);
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
            assertThat(ByteSources.readFully(ch, 100)).isEqualTo(Files.readAllBytes(f));
            assertThatThrownBy(() -> ByteSources.readFully(ch, 101)).isInstanceOf(EOFException.class);
        }
    }
}
