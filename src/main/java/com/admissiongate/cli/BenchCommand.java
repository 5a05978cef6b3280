package com.admissiongate.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder replaced below. */
@Command(name = "bench")
public class BenchCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 2;
    }
}
