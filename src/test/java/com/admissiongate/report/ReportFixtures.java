package com.admissiongate.report;

import com.admissiongate.analysis.Assessment;
import com.admissiongate.analysis.Finding;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Hand-built assessments shaped like PolicyAssessor output, so writer tests need no APK and no CEL. */
final class ReportFixtures {

    static final String SHA = "a".repeat(64);
    static final String SIGNER = "b".repeat(64);
    static final ObjectMapper MAPPER = new ObjectMapper();

    private ReportFixtures() {
    }

    static ObjectNode facts(String label) {
        ObjectNode f = MAPPER.createObjectNode();
        f.put("schemaVersion", 1).put("sha256", SHA).put("size", 123456).put("analyzerVersion", "apk-0.1.0+cat-1234");
        f.put("complete", true).putArray("incomplete");
        ObjectNode m = f.putObject("manifest");
        m.put("package", "com.example.notes").put("versionCode", 42).put("versionName", "2.1.0");
        m.putObject("application").put("label", (String) null);
        f.putObject("resources").put("appLabel", label);
        f.putObject("signing").putArray("signers").addObject().put("certSha256", SIGNER);
        return f;
    }

    static Finding deviceIds() {
        return new Finding("SDK-04-DEVICE-IDS", "RECTIFY", "medium",
                Map.of("zh", "读取不可变设备标识符", "en", "Reads unchangeable device identifiers"),
                List.of(Map.of("instrument", "工信部信管函〔2020〕164号"), basis("GB/T 41391-2022", "Annex F")),
                Map.of("zh", "代码读取IMEI等不可变设备标识", "en", "Code reads unchangeable device identifiers"),
                List.of("Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String; ← "
                                + "Lcom/example/notes/Tracker;->collect(Landroid/content/Context;)V",
                        "Landroid/net/wifi/WifiInfo;->getMacAddress()Ljava/lang/String; ×3"),
                Map.of("zh", "改用可重置的标识", "en", "Use resettable identifiers"), 15);
    }

    static Finding excessivePermission() {
        return new Finding("MIIT337-7-EXCESSIVE-PERMISSION", "RECTIFY", "medium",
                Map.of("zh", "过度索取权限（申请但未使用）", "en", "Excessive permission (requested but never used)"),
                List.of(basis("工信部信管函〔2019〕337号", "problem 7"), basis("App违法违规收集使用个人信息行为认定方法（191号）", "4.1")),
                Map.of("zh", "以下危险权限已申请但未使用", "en", "These dangerous permissions are requested but unused"),
                List.of("android.permission.READ_CONTACTS (contacts)"),
                Map.of("zh", "删除未使用的权限", "en", "Remove unused permissions"), 15);
    }

    static Finding noFiling() {
        return new Finding("META-02-NO-FILING", "REJECT", "critical",
                Map.of("zh", "未备案", "en", "Not filed"),
                List.of(basis("工信部《关于开展移动互联网应用程序备案工作的通知》(2023-08)", null)),
                Map.of("zh", "应用未备案", "en", "App is not filed"), List.of("no filing number"),
                Map.of("zh", "完成备案", "en", "File the app"), null);
    }

    static Finding foreignSdk() {
        return new Finding("PIPL-39-CROSS-BORDER", "WARN", "low",
                Map.of("zh", "境外SDK", "en", "Foreign SDK"), List.of(basis("个人信息保护法", "39")),
                Map.of("zh", "集成境外SDK", "en", "Foreign SDK integrated"), List.of("firebase (US)"),
                Map.of("zh", "核查", "en", "Check"), null);
    }

    static Map<String, String> basis(String instrument, String clause) {
        java.util.LinkedHashMap<String, String> m = new java.util.LinkedHashMap<>();
        m.put("instrument", instrument);
        m.put("clause", clause);
        return m;
    }

    static Assessment assessment(Assessment.Decision decision, LocalDate rectifyBy, String label, Finding... findings) {
        return new Assessment(decision, rectifyBy, false, "cn-app-pi@1.0.0+sha256:3f2a9c1b", "apk-0.1.0+cat-1234",
                List.of(findings), facts(label), SIGNER);
    }
}
