package com.admissiongate.apk;

import com.admissiongate.apk.internal.zip.EntryReader;
import com.admissiongate.apk.internal.zip.ZipArchive;
import com.admissiongate.apk.internal.zip.ZipArchiveReader;
import com.admissiongate.apk.internal.zip.ZipEntryRecord;
import com.admissiongate.apk.io.ByteSource;
import com.admissiongate.apk.io.ByteSources;
import com.admissiongate.apk.internal.Issues;
import com.admissiongate.apk.internal.dex.DexCollector;
import com.admissiongate.apk.internal.dex.DexFileReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.jf.dexlib2.Opcodes;
import org.jf.dexlib2.dexbacked.DexBackedDexFile;
import org.jf.dexlib2.iface.ClassDef;
import org.jf.dexlib2.iface.Method;
import org.jf.dexlib2.iface.instruction.Instruction;
import org.jf.dexlib2.iface.instruction.ReferenceInstruction;
import org.jf.dexlib2.iface.reference.MethodReference;

/**
 * Timing harness (not a test): full call-site scan of every classes*.dex in a corpus with the
 * own reader vs dexlib2, plus inflate-every-entry vs full analysis. Usage: DexScanBench <apkDir> [rounds].
 */
public final class DexScanBench {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "/work/shared/corpus/apks");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<Path> apks;
        try (Stream<Path> s = Files.list(dir)) {
            apks = s.filter(p -> p.toString().endsWith(".apk")).sorted().toList();
        }
        List<byte[]> dexes = new ArrayList<>();
        for (Path apk : apks) {
            try (ByteSource src = ByteSources.open(apk); EntryReader r = new EntryReader(src)) {
                ZipArchive z = new ZipArchiveReader(ApkLimits.defaults(), new Issues(), "zip", "").read(src);
                for (ZipEntryRecord e : z.entries()) {
                    if (e.name().matches("classes\\d*\\.dex") && e.readable()) {
                        try {
                            dexes.add(r.read(e, 256 << 20));
                        } catch (Exception ignored) {
                            // unreadable in this corpus: skipped in both scanners
                        }
                    }
                }
            }
        }
        long dexBytes = dexes.stream().mapToLong(b -> b.length).sum();
        System.out.printf("%d APKs, %d dex files, %.1f MB of dex%n", apks.size(), dexes.size(), dexBytes / 1e6);
        for (int round = 0; round < rounds; round++) {
            long t0 = System.nanoTime();
            long own = 0;
            for (byte[] d : dexes) {
                DexCollector c = new DexCollector(ApkLimits.defaults(), TrackedApis.defaults());
                new DexFileReader(c, new Issues()).read(d, "classes.dex", "classes.dex");
                own += c.index().callSiteCount();
            }
            long t1 = System.nanoTime();
            long lib = 0;
            for (byte[] d : dexes) {
                lib += dexlib2Sites(d);
            }
            long t2 = System.nanoTime();
            long[] inflate = inflateAll(apks);
            long t3 = System.nanoTime();
            ApkAnalyzer analyzer = new ApkAnalyzer();
            long[] perApk = new long[apks.size()];
            long[] perInflate = new long[apks.size()];
            for (int i = 0; i < apks.size(); i++) {
                long a = System.nanoTime();
                inflateAll(List.of(apks.get(i)));
                long b = System.nanoTime();
                analyzer.analyze(apks.get(i));
                long c = System.nanoTime();
                perInflate[i] = b - a;
                perApk[i] = c - b;
            }
            long t4 = System.nanoTime();
            Arrays.sort(perApk);
            Arrays.sort(perInflate);
            System.out.printf("round %d: own %.0f ms (%d sites), dexlib2 %.0f ms (%d sites), inflate-all %.0f ms "
                    + "(%d bytes), facts median %.3f ms vs inflate median %.3f ms, facts+inflate pass %.0f ms%n",
                    round, (t1 - t0) / 1e6, own, (t2 - t1) / 1e6, lib, (t3 - t2) / 1e6, inflate[0],
                    perApk[perApk.length / 2] / 1e6, perInflate[perInflate.length / 2] / 1e6, (t4 - t3) / 1e6);
        }
    }

    static long dexlib2Sites(byte[] d) {
        long n = 0;
        DexBackedDexFile f = new DexBackedDexFile(Opcodes.getDefault(), d);
        for (ClassDef c : f.getClasses()) {
            for (Method m : c.getMethods()) {
                if (m.getImplementation() == null) {
                    continue;
                }
                String caller = m.getDefiningClass() + "->" + m.getName();
                for (Instruction i : m.getImplementation().getInstructions()) {
                    if (i instanceof ReferenceInstruction && ((ReferenceInstruction) i).getReference() instanceof MethodReference) {
                        MethodReference ref = (MethodReference) ((ReferenceInstruction) i).getReference();
                        if (ref.getDefiningClass() != null && caller != null) {
                            n++;
                        }
                    }
                }
            }
        }
        return n;
    }

    static long[] inflateAll(List<Path> apks) throws Exception {
        byte[] scratch = new byte[64 * 1024];
        long total = 0;
        for (Path apk : apks) {
            try (ByteSource src = ByteSources.open(apk); EntryReader r = new EntryReader(src)) {
                ZipArchive z = new ZipArchiveReader(ApkLimits.defaults(), new Issues(), "zip", "").read(src);
                for (ZipEntryRecord e : z.entries()) {
                    if (e.readable()) {
                        try {
                            total += r.drain(e, scratch);
                        } catch (Exception ignored) {
                            // counted as zero bytes
                        }
                    }
                }
            }
        }
        return new long[] {total};
    }
}
