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

    /**
     * CPU time (ms) used so far by the given processes and their direct children (PostgreSQL backends are children
     * of the postmaster): CPU per request does not depend on what else the shared machine runs, wall time does.
     */
    static long cpuMillis(java.util.Collection<Long> pids) {
        long ticks = 0;
        java.util.Set<Long> wanted = new java.util.HashSet<>(pids);
        try (java.util.stream.Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    // fields after the parenthesised command: state ppid … utime(14) stime(15)
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long pid = Long.parseLong(name);
                    long ppid = Long.parseLong(f[1]);
                    if (wanted.contains(pid) || wanted.contains(ppid)) {
                        ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    }
                } catch (Exception gone) {
                    // the process ended meanwhile
                }
            }
        } catch (Exception e) {
            return -1;
        }
        return ticks * 10; // USER_HZ is 100 on Linux
    }

    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }
}
