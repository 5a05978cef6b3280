package com.admissiongate.apk;

import static org.assertj.core.api.Assertions.assertThat;

import com.admissiongate.cli.FactsCommand;
import com.admissiongate.testkit.ApkFixtureBuilder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The facts command: one JSON line per APK with --jsonl, non-zero exit only on usage errors. */
class FactsCommandTests {

    @TempDir
    Path dir;

    @Test
    void jsonlPrintsOneLinePerApkIncludingBrokenOnes() {
        ApkFixtureBuilder.apk().manifest(ApkFixtureBuilder.minimalManifest("a.one")).writeTo(dir, "one");
        ApkFixtureBuilder.apk().omitEocd().writeTo(dir, "broken");
        StringWriter out = new StringWriter();
        CommandLine cmd = new CommandLine(new FactsCommand());
        cmd.setOut(new PrintWriter(out));
        int rc = cmd.execute("--jsonl", dir.toString());
        String[] lines = out.toString().split("\n");
        assertThat(rc).isZero();
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).contains("\"complete\":false", "ZIP_EOCD_NOT_FOUND");
        assertThat(lines[1]).contains("\"package\":\"a.one\"", "\"complete\":true");
    }

    @Test
    void missingInputIsAUsageError() {
        CommandLine cmd = new CommandLine(new FactsCommand());
        cmd.setErr(new PrintWriter(new StringWriter()));
        assertThat(cmd.execute(dir.resolve("nope.apk").toString())).isEqualTo(2);
        assertThat(cmd.execute()).isEqualTo(2);
    }
}
