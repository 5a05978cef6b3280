package com.admissiongate.cli;

import com.admissiongate.testkit.DexFixture;
import com.admissiongate.testkit.TestSigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code gate bench stages} on a built, signed APK: a cost row per APK and a phase row for the behaviour analysis. */
class StagesBenchCommandTests {

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private Run run(String... args) {
        return run(new CommandLine(new StagesBenchCommand()), args);
    }

    private Run run(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void timesEveryStageAndEveryBehaviourPhaseOfEachApk() throws Exception {
        DexFixture dex = DexFixture.dex().cls("Lcom/example/scan/Tracker;", "Ljava/lang/Object;")
                .method("collect", "()V").invokeVirtual(ScanCommandTests.GET_DEVICE_ID).end().end();
        TestSigner signer = TestSigner.rsa("CN=Bench, O=Example, C=CN", 2048);
        Files.write(dir.resolve("reads-imei.apk"), signer.sign(ScanCommandTests.build("com.example.scan", false, dex, null), 24));
        Files.writeString(dir.resolve("notes.txt"), "not an APK");
        Path md = dir.resolve("out/stages.md");

        // as ./gate bench stages runs it: a subcommand of bench
        Run r = run(new CommandLine(new BenchCommand()), "stages", "--apks", dir.toString(), "--min-size", "0",
                "--seconds", "1", "--out", md.toString(), "--warmup", "0");

        assertThat(r.exit()).as(r.err()).isZero();
        Matcher cost = Pattern.compile("\\| reads-imei\\.apk \\| [0-9.]+ \\| ([0-9.]+) ms \\| ([0-9.]+) ms \\| ([0-9.]+) ms "
                + "\\| ([0-9.]+) ms \\| ([0-9.]+) ms \\|").matcher(r.out());
        assertThat(cost.find()).as(r.out()).isTrue();
        for (int g = 1; g <= 5; g++) {
            assertThat(Double.parseDouble(cost.group(g))).as("column %d of %s", g, cost.group()).isGreaterThan(0.0);
        }
        Matcher phases = Pattern.compile("\\| reads-imei\\.apk \\| ([0-9.]+) ms( \\| [0-9.]+ ms){4} \\|").matcher(r.out());
        assertThat(phases.find()).as(r.out()).isTrue();
        assertThat(Double.parseDouble(phases.group(1))).as("class tables + sweep").isGreaterThan(0.0);
        assertThat(r.out()).doesNotContain("notes.txt");
        assertThat(Files.readString(md)).contains(cost.group()).contains(phases.group())
                .contains("Command: `./gate bench stages --apks " + dir + " --min-size 0 --seconds 1 --warmup 0`");
    }

    @Test
    void refusesABadSizeAndADirectoryWithoutLargeEnoughApks() {
        Run bad = run("--apks", dir.toString(), "--min-size", "2x");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--min-size");
        Run none = run("--apks", dir.toString(), "--min-size", "100m", "--warmup", "0");
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("no *.apk of at least 100m");
        assertThat(StagesBenchCommand.bytes("2m")).isEqualTo(2_000_000L);
        assertThat(StagesBenchCommand.bytes("500k")).isEqualTo(500_000L);
    }
}
