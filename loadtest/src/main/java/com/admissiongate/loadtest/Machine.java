package com.admissiongate.loadtest;

import java.nio.file.Files;
import java.nio.file.Path;

/** The load average next to every figure: the machine is shared, so a number without it means little. */
final class Machine {

    private Machine() {
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (Exception e) {
            return "n/a";
        }
    }

    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }
}
