package com.admissiongate.analysis;

import com.admissiongate.config.GateConfig;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The honest minimum while the full analyzer is not wired: a bounded central-directory read (no entry is inflated).
 * A clean archive is never ACCEPTed here: it gets RECTIFY with "full analysis not yet available".
 */
public class ArchiveIntegrityAssessor implements Assessor {

    public static final String ANALYZER_VERSION = "archive-check-1";
    public static final String PACK_VERSION = "interim-archive-checks@1";

    private final GateConfig.Archive limits;
    private final ObjectMapper mapper;

    public ArchiveIntegrityAssessor(GateConfig.Archive limits, ObjectMapper mapper) {
        this.limits = limits;
        this.mapper = mapper;
    }

    @Override
    public Assessment assess(AssessmentInput input) {
        List<Finding> findings = new ArrayList<>();
        ObjectNode facts = mapper.createObjectNode();
        facts.put("sha256", input.sha256()).put("size", input.size()).put("analyzerVersion", ANALYZER_VERSION);
        ObjectNode archive = facts.putObject("archive");
        try (ZipFile zip = new ZipFile(input.apk().toFile())) {
            Set<String> names = new HashSet<>();
            List<Object> duplicates = new ArrayList<>();
            List<Object> traversal = new ArrayList<>();
            List<Object> bombs = new ArrayList<>();
            Map<String, Integer> methods = new TreeMap<>();
            long total = 0;
            int count = 0;
            boolean manifest = false;
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                if (++count > limits.maxEntries()) {
                    findings.add(reject("ZIP_TOO_MANY_ENTRIES", "归档条目数超过上限 " + limits.maxEntries(),
                            "archive has more than " + limits.maxEntries() + " entries", List.of()));
                    break;
                }
                String name = entry.getName();
                if (!names.add(name)) {
                    duplicates.add(name);
                }
                if (isTraversal(name)) {
                    traversal.add(name);
                }
                long size = Math.max(entry.getSize(), 0);
                long csize = Math.max(entry.getCompressedSize(), 1);
                total += size;
                if (size / csize > limits.maxRatio()) {
                    bombs.add(name + " (" + size + "/" + csize + " bytes)");
                }
                methods.merge(String.valueOf(entry.getMethod()), 1, Integer::sum);
                manifest |= "AndroidManifest.xml".equals(name);
            }
            archive.put("entryCount", count).put("totalUncompressed", total).put("hasManifest", manifest);
            archive.set("compressionMethods", mapper.valueToTree(methods));
            archive.set("duplicateNames", mapper.valueToTree(duplicates));
            if (!duplicates.isEmpty()) {
                findings.add(reject("ZIP_DUPLICATE_ENTRY", "归档包含重复条目名", "archive has duplicate entry names", duplicates));
            }
            if (!traversal.isEmpty()) {
                findings.add(reject("ZIP_ENTRY_PATH_TRAVERSAL", "条目名包含路径穿越", "entry names escape the archive root", traversal));
            }
            if (!bombs.isEmpty()) {
                findings.add(reject("ZIP_RATIO_EXCEEDED", "条目压缩比超过 " + limits.maxRatio() + "（疑似压缩炸弹）",
                        "compression ratio above " + limits.maxRatio() + " (zip bomb)", bombs));
            }
            if (total > limits.maxTotalUncompressed()) {
                findings.add(reject("ZIP_TOTAL_SIZE_EXCEEDED", "解压总大小超过上限", "total uncompressed size "
                        + total + " exceeds " + limits.maxTotalUncompressed(), List.of()));
            }
            if (!manifest) {
                findings.add(reject("MANIFEST_MISSING", "缺少 AndroidManifest.xml", "AndroidManifest.xml is missing", List.of()));
            }
        } catch (IOException | RuntimeException e) {
            findings.add(reject("ZIP_MALFORMED", "不是有效的 ZIP/APK 归档", "not a readable ZIP/APK archive: " + e.getMessage(),
                    List.of()));
        }
        if (!findings.isEmpty()) {
            return new Assessment(Assessment.Decision.REJECT, null, false, PACK_VERSION, ANALYZER_VERSION, findings, facts, null);
        }
        findings.add(new Finding("GATE-PARTIAL-ANALYSIS", "RECTIFY", "medium",
                Map.of("zh", "尚未完成完整分析", "en", "Full analysis not yet available"), List.of(),
                Map.of("zh", "仅完成归档完整性检查，完整分析尚不可用；不得据此上架。",
                        "en", "full analysis not yet available: only archive integrity was checked"),
                List.of(), Map.of("zh", "等待完整分析后重新评估。", "en", "Re-evaluate once full analysis is available."), 7));
        return new Assessment(Assessment.Decision.RECTIFY, java.time.LocalDate.now().plusDays(7), true, PACK_VERSION,
                ANALYZER_VERSION, findings, facts, null);
    }

    static boolean isTraversal(String name) {
        if (name.startsWith("/") || name.startsWith("\\") || name.indexOf('\0') >= 0 || name.contains("\\")
                || (name.length() > 1 && name.charAt(1) == ':')) {
            return true;
        }
        for (String part : name.split("/")) {
            if (part.equals("..")) {
                return true;
            }
        }
        return false;
    }

    private static Finding reject(String code, String zh, String en, List<Object> evidence) {
        return Finding.gate("GATE-ARCHIVE-" + code, "REJECT", "critical", zh, en, evidence,
                "重新打包为规范的 APK 后再提交。", "Rebuild a well-formed APK and upload it again.");
    }
}
