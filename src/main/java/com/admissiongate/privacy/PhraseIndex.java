package com.admissiongate.privacy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds many literal phrases in one pass: phrases are bucketed by their first two (lower-cased) characters, so each
 * text position costs one hash probe whatever the number of phrases (a few thousand SDK aliases, the PI vocabulary).
 * ASCII phrases match whole words only ("face" does not match "interface").
 */
final class PhraseIndex<T> {

    record Hit<T>(int start, int end, String phrase, T value) {
    }

    private record Entry<T>(String phrase, T value, boolean word) {
    }

    /**
     * First-two-characters key → phrases, open addressing on plain arrays. A {@code HashMap<Integer, …>} boxed every
     * probe and, since its hash folds the high half (first character) onto the low (second), put ASCII bigrams into
     * a few long bins: most of the PI-phrase search went to {@code Integer.equals}.
     */
    private int[] bigramKeys = new int[256];
    private List<Entry<T>>[] bigramLists = newLists(256);
    private int bigrams;
    private final Map<Character, List<Entry<T>>> single = new HashMap<>();
    /** Bit per hashed first-two-characters key: most text positions start no phrase and skip the map probe. */
    private final long[] bigramFilter = new long[1 << 14];

    void add(String phrase, T value) {
        String p = phrase.toLowerCase(Locale.ROOT);
        if (p.isEmpty()) {
            return;
        }
        boolean word = isAsciiWordChar(p.charAt(0)) || isAsciiWordChar(p.charAt(p.length() - 1));
        Entry<T> e = new Entry<>(p, value, word);
        if (p.length() == 1) {
            single.computeIfAbsent(p.charAt(0), k -> new ArrayList<>()).add(e);
        } else {
            int k = key(p.charAt(0), p.charAt(1));
            bucketOrNew(k).add(e);
            int h = filterBit(k);
            bigramFilter[h >>> 6] |= 1L << h;
        }
    }

    /** Every match in {@code lower} (already lower-cased) inside [from, to). */
    List<Hit<T>> find(String lower, int from, int to) {
        List<Hit<T>> hits = new ArrayList<>();
        for (int i = from; i < to - 1; i++) {
            char first = lower.charAt(i);
            if (i > 0 && isAsciiWordChar(first) && isAsciiWordChar(lower.charAt(i - 1))) {
                // inside an ASCII word: a phrase starting with this letter is a whole-word phrase and cannot start here
                continue;
            }
            int k = key(first, lower.charAt(i + 1));
            int h = filterBit(k);
            if ((bigramFilter[h >>> 6] & (1L << h)) == 0) {
                continue;
            }
            List<Entry<T>> c = bucket(k);
            if (c != null) {
                for (Entry<T> e : c) {
                    int end = i + e.phrase.length();
                    if (end <= to && lower.startsWith(e.phrase, i) && (!e.word || boundary(lower, i, end))) {
                        hits.add(new Hit<>(i, end, e.phrase, e.value));
                    }
                }
            }
        }
        if (!single.isEmpty()) {
            for (int i = from; i < to; i++) {
                if (i > 0 && isAsciiWordChar(lower.charAt(i)) && isAsciiWordChar(lower.charAt(i - 1))) {
                    continue;
                }
                List<Entry<T>> c = single.get(lower.charAt(i));
                if (c != null) {
                    for (Entry<T> e : c) {
                        if (!e.word || boundary(lower, i, i + 1)) {
                            hits.add(new Hit<>(i, i + 1, e.phrase, e.value));
                        }
                    }
                }
            }
        }
        return hits;
    }

    private List<Entry<T>> bucket(int k) {
        int mask = bigramKeys.length - 1;
        for (int i = mix(k) & mask; ; i = (i + 1) & mask) {
            List<Entry<T>> l = bigramLists[i];
            if (l == null || bigramKeys[i] == k) {
                return l;
            }
        }
    }

    private List<Entry<T>> bucketOrNew(int k) {
        List<Entry<T>> l = bucket(k);
        if (l != null) {
            return l;
        }
        if ((bigrams + 1) * 2 > bigramKeys.length) {
            int[] oldKeys = bigramKeys;
            List<Entry<T>>[] oldLists = bigramLists;
            bigramKeys = new int[oldKeys.length * 2];
            bigramLists = newLists(oldKeys.length * 2);
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldLists[i] != null) {
                    put(oldKeys[i], oldLists[i]);
                }
            }
        }
        l = new ArrayList<>();
        put(k, l);
        bigrams++;
        return l;
    }

    private void put(int k, List<Entry<T>> l) {
        int mask = bigramKeys.length - 1;
        int i = mix(k) & mask;
        while (bigramLists[i] != null) {
            i = (i + 1) & mask;
        }
        bigramKeys[i] = k;
        bigramLists[i] = l;
    }

    private static int mix(int k) {
        int h = k * 0x9E3779B1;
        return h ^ (h >>> 16);
    }

    @SuppressWarnings("unchecked")
    private static <T> List<Entry<T>>[] newLists(int n) {
        return (List<Entry<T>>[]) new List<?>[n];
    }

    private static boolean boundary(String s, int start, int end) {
        return (start == 0 || !isAsciiWordChar(s.charAt(start - 1))) && (end >= s.length() || !isAsciiWordChar(s.charAt(end)));
    }

    private static final boolean[] ASCII_WORD = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII_WORD[c] = Character.isLetterOrDigit(c) || c == '_';
        }
    }

    private static boolean isAsciiWordChar(char c) {
        return c < 128 && ASCII_WORD[c];
    }

    private static int filterBit(int key) {
        return (key * 0x9E3779B1 >>> 12) & ((1 << 20) - 1);
    }

    private static int key(char a, char b) {
        return (a << 16) | b;
    }
}
