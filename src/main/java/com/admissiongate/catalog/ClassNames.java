package com.admissiongate.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * Class names arrive in three spellings (dotted {@code cn.jpush.Foo}, smali {@code Lcn/jpush/Foo;},
 * internal {@code cn/jpush/Foo}); matching works on segments so all three behave the same. Inner-class
 * separators ({@code $}) are segment boundaries too, so a class-level prefix such as
 * {@code com.google.android.gms.ads.AdView} also covers {@code AdView$1}.
 */
public final class ClassNames {

    private ClassNames() {
        // Hidden constructor
    }

    /** Segments of a class name or prefix in any of the three spellings. */
    public static List<String> segments(String name) {
        List<String> out = new ArrayList<>(8);
        if (name == null) {
            return out;
        }
        int start = 0;
        int end = name.length();
        if (end >= 2 && name.charAt(0) == 'L' && name.charAt(end - 1) == ';') {
            start = 1;
            end--;
        }
        int segStart = start;
        for (int i = start; i < end; i++) {
            char c = name.charAt(i);
            if (c == '.' || c == '/' || c == '$') {
                if (i > segStart) {
                    out.add(name.substring(segStart, i));
                }
                segStart = i + 1;
            }
        }
        if (end > segStart) {
            out.add(name.substring(segStart, end));
        }
        return out;
    }

    /** Dotted form: {@code Lcn/jpush/Foo;} → {@code cn.jpush.Foo}. */
    public static String toDotted(String name) {
        if (name == null) {
            return null;
        }
        String s = name;
        if (s.length() >= 2 && s.charAt(0) == 'L' && s.charAt(s.length() - 1) == ';') {
            s = s.substring(1, s.length() - 1);
        }
        return s.replace('/', '.');
    }

    /**
     * Declaring class of a smali member reference, dotted: {@code Lcom/app/Main;->onCreate()V} →
     * {@code com.app.Main}. A reference without {@code ->} is treated as a class name.
     */
    public static String declaringClass(String memberRef) {
        if (memberRef == null) {
            return null;
        }
        int arrow = memberRef.indexOf("->");
        String cls = arrow < 0 ? memberRef : memberRef.substring(0, arrow);
        return toDotted(cls);
    }
}
