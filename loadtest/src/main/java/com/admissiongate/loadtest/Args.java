package com.admissiongate.loadtest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** `--name value` / `--name=value` options; repeated options keep every value. Environment as fallback. */
final class Args {

    private final Map<String, List<String>> values = new HashMap<>();

    Args(String[] argv, int from) {
        for (int i = from; i < argv.length; i++) {
            String a = argv[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + a);
            }
            String name;
            String value;
            int eq = a.indexOf('=');
            if (eq > 0) {
                name = a.substring(2, eq);
                value = a.substring(eq + 1);
            } else {
                name = a.substring(2);
                if (i + 1 >= argv.length) {
                    throw new IllegalArgumentException("option --" + name + " needs a value");
                }
                value = argv[++i];
            }
            values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
    }

    String get(String name, String envName, String dflt) {
        List<String> v = values.get(name);
        if (v != null) {
            return v.get(v.size() - 1);
        }
        String e = envName == null ? null : System.getenv(envName);
        return e == null || e.isBlank() ? dflt : e;
    }

    String get(String name, String dflt) {
        return get(name, null, dflt);
    }

    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    int intValue(String name, int dflt) {
        return Integer.parseInt(get(name, Integer.toString(dflt)));
    }

    double doubleValue(String name, double dflt) {
        return Double.parseDouble(get(name, Double.toString(dflt)));
    }

    /** "300s", "5m", "1500ms" or plain seconds. */
    Duration duration(String name, Duration dflt) {
        String v = get(name, null);
        return v == null ? dflt : parseDuration(v);
    }

    static Duration parseDuration(String v) {
        String s = v.trim().toLowerCase();
        if (s.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
        }
        if (s.endsWith("s")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(s.substring(0, s.length() - 1)) * 1000));
        }
        if (s.endsWith("m")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(s.substring(0, s.length() - 1)) * 60_000));
        }
        return Duration.ofMillis(Math.round(Double.parseDouble(s) * 1000));
    }

    /** "3m", "2000000", "1.5mb" → bytes. */
    static long parseSize(String v) {
        String s = v.trim().toLowerCase().replace("b", "");
        double mul = 1;
        if (s.endsWith("k")) {
            mul = 1e3;
        } else if (s.endsWith("m")) {
            mul = 1e6;
        } else if (s.endsWith("g")) {
            mul = 1e9;
        }
        if (mul != 1) {
            s = s.substring(0, s.length() - 1);
        }
        return Math.round(Double.parseDouble(s) * mul);
    }
}
