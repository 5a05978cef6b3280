package com.admissiongate.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Matches ZIP entry names, native libraries and class names against {@code packers.json}. */
public final class PackerDetector {

    private final PackerCatalog catalog;
    private final ClassTrie<String> classTelltales = new ClassTrie<>();

    public PackerDetector(PackerCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog == null");
        for (PackerEntry p : catalog.entries()) {
            for (PackerSignature s : p.signatures()) {
                for (Telltale t : s.allOf()) {
                    if ("classPrefix".equals(t.kind())) {
                        classTelltales.put(t.value(), t.value());
                    }
                }
                for (Telltale t : s.anyOf()) {
                    if ("classPrefix".equals(t.kind())) {
                        classTelltales.put(t.value(), t.value());
                    }
                }
            }
        }
    }

    /**
     * The first packer (catalog order) with a matching signature, or null. {@code nativeLibs} may be
     * paths or file names; entries under {@code lib/} count as native libraries as well.
     */
    public PackerFinding detect(Collection<String> entryNames, Collection<String> nativeLibs,
            Collection<String> classNames) {
        Set<String> entries = new LinkedHashSet<>(entryNames == null ? List.of() : entryNames);
        Map<String, String> fileNames = new HashMap<>();
        Map<String, String> libs = new HashMap<>();
        for (String e : entries) {
            fileNames.putIfAbsent(SdkCatalog.fileName(e), e);
            if (e.startsWith("lib/")) {
                libs.putIfAbsent(SdkCatalog.fileName(e), e);
            }
        }
        for (String l : nativeLibs == null ? List.<String>of() : nativeLibs) {
            libs.putIfAbsent(SdkCatalog.fileName(l), l);
        }
        Map<String, String> classHits = new HashMap<>();
        for (String c : classNames == null ? List.<String>of() : classNames) {
            List<String> hit = classTelltales.deepest(c);
            if (hit != null) {
                for (String prefix : hit) {
                    classHits.putIfAbsent(prefix, ClassNames.toDotted(c));
                }
            }
        }
        Set<String> dirs = new HashSet<>();
        for (PackerEntry p : catalog.entries()) {
            for (PackerSignature s : p.signatures()) {
                List<Match> evidence = new ArrayList<>();
                boolean all = true;
                for (Telltale t : s.allOf()) {
                    Match m = match(t, entries, fileNames, libs, classHits, dirs);
                    if (m == null) {
                        all = false;
                        break;
                    }
                    evidence.add(m);
                }
                if (!all) {
                    continue;
                }
                if (!s.anyOf().isEmpty()) {
                    Match any = null;
                    for (Telltale t : s.anyOf()) {
                        any = match(t, entries, fileNames, libs, classHits, dirs);
                        if (any != null) {
                            break;
                        }
                    }
                    if (any == null) {
                        continue;
                    }
                    evidence.add(any);
                }
                return new PackerFinding(p.id(), p.name().zh() + " / " + p.name().en(), evidence);
            }
        }
        return null;
    }

    private static Match match(Telltale t, Set<String> entries, Map<String, String> fileNames,
            Map<String, String> libs, Map<String, String> classHits, Set<String> unused) {
        switch (t.kind()) {
            case "entry":
                return entries.contains(t.value()) ? new Match("entry", t.value()) : null;
            case "entryPrefix":
                for (String e : entries) {
                    if (e.startsWith(t.value())) {
                        return new Match("entry-prefix", e);
                    }
                }
                return null;
            case "fileName":
                String f = fileNames.get(t.value());
                return f == null ? null : new Match("file-name", f);
            case "nativeLib":
                String l = libs.get(t.value());
                return l == null ? null : new Match("native-lib", l);
            case "classPrefix":
                String c = classHits.get(t.value());
                return c == null ? null : new Match("class-prefix", c);
            default:
                return null;
        }
    }
}
