package com.admissiongate.privacy;

import com.admissiongate.catalog.SdkCatalog;
import com.admissiongate.catalog.SdkEntry;

import java.util.List;
import java.util.Locale;

/**
 * SDK catalog names → ids for reading policy SDK lists: English and Chinese names, the id, LibChecker labels
 * (the Chinese trade names policies use, e.g. 极光推送) and class prefixes of at least two segments (policies list
 * package names: cn.jpush.android). The longest match wins, so "高德定位SDK" is Amap Location, not Amap.
 */
final class SdkNameIndex {

    private final PhraseIndex<String> index = new PhraseIndex<>();

    SdkNameIndex(SdkCatalog catalog) {
        for (SdkEntry e : catalog.entries()) {
            alias(e.id(), e.id());
            if (e.name() != null) {
                alias(e.name().en(), e.id());
                alias(e.name().zh(), e.id());
            }
            for (String l : e.libcheckerLabels()) {
                alias(l, e.id());
            }
            for (String p : e.fingerprints().classPrefixes()) {
                if (p.indexOf('.') > 0) {
                    index.add(p, e.id());
                }
            }
        }
    }

    /**
     * Catalog names carry qualifiers policies do not write: "Amap (AutoNavi) Location", "优量汇（广点通）",
     * "Tencent GDT / Youlianghui", "腾讯 Bugly". Each gives the plain name, the parenthesised name, each side of a
     * slash and, for Chinese names, the form without spaces.
     */
    private void alias(String name, String id) {
        if (name == null) {
            return;
        }
        java.util.Set<String> forms = new java.util.LinkedHashSet<>();
        forms.add(name);
        java.util.regex.Matcher paren = java.util.regex.Pattern.compile("[（(]([^）)]*)[）)]").matcher(name);
        while (paren.find()) {
            forms.add(paren.group(1));
        }
        forms.add(name.replaceAll("\\s*[（(][^）)]*[）)]\\s*", " ").replaceAll("\\s+", " "));
        for (String f : java.util.List.copyOf(forms)) {
            for (String part : f.split("\\s*/\\s*")) {
                forms.add(part);
            }
        }
        for (String f : java.util.List.copyOf(forms)) {
            if (f.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                forms.add(f.replace(" ", ""));
            }
        }
        for (String f : forms) {
            add(f, id);
        }
    }

    private void add(String name, String id) {
        String n = name.strip();
        // "SDK" suffixes and generic one-word names ("Ads", "Push") are noise, not identifiers
        if (n.toLowerCase(Locale.ROOT).endsWith(" sdk")) {
            n = n.substring(0, n.length() - 4).strip();
        }
        boolean ascii = n.chars().allMatch(c -> c < 128);
        if ((ascii && n.length() < 4) || (!ascii && n.length() < 2)) {
            return;
        }
        index.add(n, id);
    }

    /** The best (longest) catalog match inside {@code text[from,to)}, or null. */
    PhraseIndex.Hit<String> best(String lower, int from, int to) {
        PhraseIndex.Hit<String> best = null;
        for (PhraseIndex.Hit<String> h : index.find(lower, from, to)) {
            if (best == null || h.end() - h.start() > best.end() - best.start()) {
                best = h;
            }
        }
        return best;
    }

    List<PhraseIndex.Hit<String>> all(String lower, int from, int to) {
        return index.find(lower, from, to);
    }
}
