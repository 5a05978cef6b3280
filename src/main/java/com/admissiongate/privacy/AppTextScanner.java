package com.admissiongate.privacy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the app's strings (resources.arsc, per configuration) for consent and user-control signals: the first-run
 * consent dialog (policy link + 同意 + 不同意), implied consent (登录即同意), account deletion, minor mode,
 * personalisation switches, consent withdrawal. Plain Java; cheap (one pass of a few regexes per string).
 */
public final class AppTextScanner {

    static final int MAX_EVIDENCE = 5;
    /** Marks bundled-asset blocks in the merged map (cannot collide with a resource configuration name). */
    private static final String ASSET_PREFIX = "\u0000asset:";

    private static final Pattern POLICY = Pattern.compile("隐私政策|隐私协议|隐私权政策|个人信息保护政策|隐私条款|隐私保护指引|privacy policy",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern AGREE = Pattern.compile(
            "(我?同意|同意并继续|同意并使用|同意并进入|接受|好的，?同意|agree|accept|i agree|agree and continue|accept and continue)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DISAGREE = Pattern.compile(
            "(不同意|暂不同意|不同意并退出|不同意并退出应用|拒绝|暂不使用|仅浏览|退出应用|disagree|decline|reject|do not agree|don't agree|exit)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern IMPLIED = Pattern.compile(
            "(登录|登陆|注册|继续使用|使用|点击登录|一键登录)[^。，,]{0,6}即(代表|表示|视为|为)?(您)?(已)?(阅读并)?同意|"
                    + "by (signing in|logging in|registering|signing up|continuing|using)[^.]{0,40}(you )?(agree|accept)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LOGIN = Pattern.compile("登录|登陆|注册|sign in|log in|login|sign up", Pattern.CASE_INSENSITIVE);
    private static final Pattern DELETE_ACCOUNT = Pattern.compile(
            "注销(账号|账户|帐号|帐户)|(delete|close|deactivate) (my |your )?account|account deletion", Pattern.CASE_INSENSITIVE);
    private static final Pattern MINOR_MODE = Pattern.compile("未成年人模式|青少年模式|minor mode|teen mode|youth mode|kids mode",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PERSONALISATION = Pattern.compile(
            "个性化推荐|个性化推送|个性化广告|个性化内容|定向推送|程序化广告|personali[sz]ed (ads|advertising|recommendations?|content)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SWITCH = Pattern.compile("关闭|开关|管理|设置|switch|turn off|opt out|disable|settings",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SWITCH_NAME = Pattern.compile("(personali[sz]|recommend|tailor)\\w*_(switch|toggle|enable|off|setting)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WITHDRAW = Pattern.compile("撤回(同意|授权)|撤销授权|withdraw (your )?consent|revoke (your )?consent",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CHILD_RULES = Pattern.compile(
            "儿童个人信息保护规则|儿童隐私|监护人同意|监护人授权|children'?s privacy|parental consent|guardian consent",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CORRECT_DELETE = Pattern.compile("更正|删除个人信息|清除个人信息|correct your|delete (your |my )?(personal )?(data|information)",
            Pattern.CASE_INSENSITIVE);

    /** A label's trailing blanks and punctuation ("同意！" is the button "同意"); compiled once, not per string. */
    private static final Pattern TRAILING = Pattern.compile("[\\s\\p{Punct}。，！、]+$");

    /** @param strings configuration ("default", "zh", …) → string name → value, as in Facts {@code resources.strings} */
    public AppTextFacts scan(Map<String, Map<String, String>> strings) {
        return scan(strings, Map.of());
    }

    /**
     * As {@link #scan(Map)}, plus the text blocks of bundled policy/agreement pages ({@link BundledPolicies}): they count
     * as evidence ({@code "assets/privacy.html#3: …"}) but not in {@code stringCount}, which says whether the app's
     * resources could be read at all (RD191-1.2 judges only apps with enough UI strings).
     */
    public AppTextFacts scan(Map<String, Map<String, String>> strings, Map<String, List<String>> assetBlocks) {
        List<String> policy = new ArrayList<>();
        List<String> agree = new ArrayList<>();
        List<String> disagree = new ArrayList<>();
        List<String> implied = new ArrayList<>();
        List<String> login = new ArrayList<>();
        List<String> deletion = new ArrayList<>();
        List<String> minor = new ArrayList<>();
        List<String> personal = new ArrayList<>();
        List<String> personalSwitch = new ArrayList<>();
        List<String> withdraw = new ArrayList<>();
        List<String> child = new ArrayList<>();
        List<String> correct = new ArrayList<>();
        // in the order of the hits computed per string below
        List<List<String>> lists = List.of(policy, agree, disagree, implied, login, deletion, minor, personal,
                personalSwitch, withdraw, child, correct);
        Set<String> values = new LinkedHashSet<>();
        java.util.Map<String, Map<String, String>> all = new java.util.LinkedHashMap<>();
        if (strings != null) {
            all.putAll(strings);
        }
        if (assetBlocks != null) {
            for (Map.Entry<String, List<String>> a : assetBlocks.entrySet()) {
                Map<String, String> blocks = new java.util.LinkedHashMap<>();
                for (int i = 0; i < a.getValue().size(); i++) {
                    blocks.put(a.getKey() + "#" + i, a.getValue().get(i));
                }
                all.put(ASSET_PREFIX + a.getKey(), blocks);
            }
        }
        {
            for (Map.Entry<String, Map<String, String>> cfg : all.entrySet()) {
                if (cfg.getValue() == null) {
                    continue;
                }
                boolean asset = cfg.getKey().startsWith(ASSET_PREFIX);
                for (Map.Entry<String, String> s : cfg.getValue().entrySet()) {
                    String v = s.getValue();
                    if (v == null || v.isBlank()) {
                        continue;
                    }
                    if (!asset) {
                        values.add(v);
                    }
                    String shortV = TRAILING.matcher(v.strip()).replaceAll("");
                    boolean p = PERSONALISATION.matcher(v).find();
                    // a button label is short; a sentence that happens to contain 同意 is not a button
                    boolean[] hits = {POLICY.matcher(v).find(),
                        shortV.length() <= 12 && AGREE.matcher(shortV).matches(),
                        shortV.length() <= 12 && DISAGREE.matcher(shortV).matches(),
                        IMPLIED.matcher(v).find(), LOGIN.matcher(v).find(), DELETE_ACCOUNT.matcher(v).find(),
                        MINOR_MODE.matcher(v).find(), p,
                        (p && SWITCH.matcher(v).find()) || SWITCH_NAME.matcher(s.getKey()).find(),
                        WITHDRAW.matcher(v).find(), CHILD_RULES.matcher(v).find(),
                        CORRECT_DELETE.matcher(v.toLowerCase(Locale.ROOT)).find()};
                    // most strings match nothing: the evidence line is built only for one that does
                    String ev = null;
                    for (int i = 0; i < hits.length; i++) {
                        if (hits[i]) {
                            if (ev == null) {
                                ev = (asset ? "" : cfg.getKey() + "/") + s.getKey() + ": "
                                        + (v.length() > 80 ? v.substring(0, 80) + "…" : v);
                            }
                            add(lists.get(i), true, ev);
                        }
                    }
                }
            }
        }
        return new AppTextFacts(values.size(), !policy.isEmpty() && !agree.isEmpty() && !disagree.isEmpty(), policy,
                agree, disagree, implied, login, deletion, minor, personal, personalSwitch, withdraw, child, correct);
    }

    private static void add(List<String> list, boolean hit, String evidence) {
        if (hit && list.size() < MAX_EVIDENCE && !list.contains(evidence)) {
            list.add(evidence);
        }
    }
}
