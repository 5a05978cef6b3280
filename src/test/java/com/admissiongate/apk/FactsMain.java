package com.admissiongate.apk;

import com.admissiongate.cli.FactsCommand;
import picocli.CommandLine;

/** Dev entry point: runs the facts command without the project CLI (not a test). */
public final class FactsMain {
    public static void main(String[] args) {
        System.exit(new CommandLine(new FactsCommand()).execute(args));
    }
}
