package com.admissiongate.bench;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.jf.dexlib2.Opcodes;
import org.jf.dexlib2.dexbacked.DexBackedDexFile;
import org.jf.dexlib2.iface.ClassDef;
import org.jf.dexlib2.iface.DexFile;
import org.jf.dexlib2.rewriter.DexRewriter;
import org.jf.dexlib2.rewriter.Rewriter;
import org.jf.dexlib2.rewriter.RewriterModule;
import org.jf.dexlib2.rewriter.Rewriters;
import org.jf.dexlib2.writer.io.MemoryDataStore;
import org.jf.dexlib2.writer.pool.DexPool;

/**
 * Builds the many-DEX input of the behaviour cost check (issue #8: "18 MB, 16 DEX, ~89k method ids", which the
 * corpus does not have; docs/behaviour-accuracy.md "Cost"): DEX files taken from several corpus APKs, each one's
 * own classes moved under a package of its own ({@code Ld<k>/…}, dexlib2's rewriter) so that sixteen copies of
 * the same support library are sixteen libraries to the call graph, not one; the first APK's manifest.
 * Unsigned: the behaviour analysis does not read signatures.
 *
 * <pre>java -cp target/test-classes:target/classes:$(cat target/classpath.txt) \
 *   com.admissiongate.bench.MultiDexApkGenerator out.apk a.apk!classes.dex b.apk!classes2.dex …</pre>
 */
public final class MultiDexApkGenerator {

    private MultiDexApkGenerator() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: MultiDexApkGenerator <out.apk> <in.apk>!<entry.dex> …");
            System.exit(2);
        }
        byte[] manifest = null;
        List<byte[]> dexes = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String[] p = args[i].split("!", 2);
            try (ZipFile z = new ZipFile(p[0])) {
                if (manifest == null) {
                    manifest = z.getInputStream(z.getEntry("AndroidManifest.xml")).readAllBytes();
                }
                dexes.add(z.getInputStream(z.getEntry(p[1])).readAllBytes());
            }
        }
        long methodIds = 0;
        try (OutputStream f = Files.newOutputStream(Path.of(args[0])); ZipOutputStream zip = new ZipOutputStream(f)) {
            zip.putNextEntry(new ZipEntry("AndroidManifest.xml"));
            zip.write(manifest);
            zip.closeEntry();
            for (int k = 0; k < dexes.size(); k++) {
                byte[] dex = moveOwnClasses(dexes.get(k), "Ld" + k + "/");
                zip.putNextEntry(new ZipEntry(k == 0 ? "classes.dex" : "classes" + (k + 1) + ".dex"));
                zip.write(dex);
                zip.closeEntry();
                methodIds += new DexBackedDexFile(Opcodes.getDefault(), dex).getMethodSection().size();
            }
        }
        System.out.printf("%s: %d DEX, %d method_ids over all files, %d bytes%n", args[0], dexes.size(), methodIds,
                Files.size(Path.of(args[0])));
    }

    /** The DEX with every class it defines (and every reference to one) renamed under {@code prefix}. */
    private static byte[] moveOwnClasses(byte[] bytes, String prefix) throws Exception {
        DexBackedDexFile dex = new DexBackedDexFile(Opcodes.getDefault(), bytes);
        Set<String> own = new HashSet<>();
        for (ClassDef c : dex.getClasses()) {
            own.add(c.getType());
        }
        DexFile moved = new DexRewriter(new RewriterModule() {
            @Override
            public Rewriter<String> getTypeRewriter(Rewriters rewriters) {
                return type -> {
                    int dims = 0;
                    while (dims < type.length() && type.charAt(dims) == '[') {
                        dims++;
                    }
                    String base = type.substring(dims);
                    return own.contains(base) ? type.substring(0, dims) + prefix + base.substring(1) : type;
                };
            }
        }).getDexFileRewriter().rewrite(dex);
        DexPool pool = new DexPool(Opcodes.getDefault());
        for (ClassDef c : moved.getClasses()) {
            pool.internClass(c);
        }
        MemoryDataStore store = new MemoryDataStore();
        pool.writeTo(store);
        return store.getData();
    }
}
