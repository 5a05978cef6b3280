package com.admissiongate.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sorts rule ids into the sections of a rectification notice. Regulators and developers read notices by MIIT 337's
 * four areas and eight problems, so MIIT337-n rules and the 191号 identification-method rules (RD191-x.y) are filed
 * under the 337 problem they concretise; submission, signing, build and security rules come first, SDK and minors'
 * rules have their own sections.
 */
public final class RuleGroups {

    /**
     * @param key     stable id, e.g. {@code basics}, {@code miit337-7}, {@code sdk}
     * @param order   sort position of the section
     * @param areaZh  MIIT 337 area for the 337 sections, else null
     */
    public record Group(String key, int order, String titleZh, String titleEn, String areaZh, String areaEn) {
    }

    public static final Group BASICS = new Group("basics", 0, "基础与安全", "Submission, signing, build and security",
            null, null);
    public static final Group SDK = new Group("sdk", 30, "第三方SDK", "Third-party SDKs", null, null);
    public static final Group MINORS = new Group("minors", 40, "未成年人保护", "Minors", null, null);
    public static final Group OTHER = new Group("other", 50, "其他规则", "Other rules", null, null);

    private static final String[][] PROBLEMS = {
            {"私自收集个人信息", "Covert collection of personal information"},
            {"超范围收集个人信息", "Collection beyond the service's scope"},
            {"私自共享给第三方", "Covert sharing with third parties"},
            {"强制用户使用定向推送功能", "Forced targeted push"},
            {"不给权限不让用", "No permission, no use"},
            {"频繁申请权限", "Frequent permission requests"},
            {"过度索取权限", "Excessive permission requests"},
            {"账号注销难", "Hard account deletion"},
    };
    private static final String[][] AREAS = {
            {"违规收集用户个人信息", "Illegal collection of personal information"},
            {"违规使用用户个人信息", "Illegal use of personal information"},
            {"不合理索取用户权限", "Unreasonable permission requests"},
            {"为用户账号注销设置障碍", "Obstacles to account deletion"},
    };
    private static final Pattern MIIT337 = Pattern.compile("^MIIT337-([1-8])(?:-|$)");
    private static final Pattern RD191 = Pattern.compile("^RD191-([1-6])\\.(\\d+)(?:-|$)");

    private RuleGroups() {
    }

    public static Group of(String ruleId) {
        String id = ruleId == null ? "" : ruleId;
        Matcher m = MIIT337.matcher(id);
        if (m.find()) {
            return problem(Integer.parseInt(m.group(1)));
        }
        Matcher r = RD191.matcher(id);
        if (r.find()) {
            return problem(problemOf191(Integer.parseInt(r.group(1)), Integer.parseInt(r.group(2))));
        }
        if (id.startsWith("META-") || id.startsWith("SIGN-") || id.startsWith("BUILD-") || id.startsWith("SEC-")
                || id.startsWith("GATE-")) {
            return BASICS;
        }
        if (id.startsWith("SDK-")) {
            return SDK;
        }
        if (id.startsWith("MINOR-")) {
            return MINORS;
        }
        return OTHER;
    }

    /** The MIIT 337 section for problem {@code n} (1..8). */
    public static Group problem(int n) {
        int area = n <= 2 ? 0 : n <= 4 ? 1 : n <= 7 ? 2 : 3;
        return new Group("miit337-" + n, 10 + n, "337号问题" + n + "：" + PROBLEMS[n - 1][0],
                "MIIT 337 problem " + n + ": " + PROBLEMS[n - 1][1], AREAS[area][0], AREAS[area][1]);
    }

    /**
     * 191号 criteria against 337 problems: rules not published / purpose not stated / no consent are covert
     * collection (1), except nagging (3.2 → 6) and targeted push without opt-out (3.6 → 4); necessity is
     * out-of-scope collection (2), except refusing service (4.2 → 5) and bulk requests (4.6 → 7); sharing is 3;
     * deletion, correction and complaints are 8.
     */
    static int problemOf191(int criterion, int item) {
        switch (criterion) {
            case 3:
                return item == 2 ? 6 : item == 6 ? 4 : 1;
            case 4:
                return item == 2 ? 5 : item == 6 ? 7 : 2;
            case 5:
                return 3;
            case 6:
                return 8;
            default:
                return 1;
        }
    }
}
