package com.admissiongate.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the offline command surface behind ./gate (facts, scan, policy, corpus-check, bench, submit).
 * Runs without starting Quarkus: the same analyzer, catalogs and rule pack as the service, from plain classes.
 */
@Command(name = "gate", mixinStandardHelpOptions = true, version = "admission-gate 0.1.0",
        description = "admission-gate command line",
        subcommands = {SubmitCommand.class, FactsCommand.class, ScanCommand.class, PolicyCommand.class,
                CorpusCheckCommand.class, BenchCommand.class, DevKeysCommand.class, BehaviourCommand.class})
public class GateCli implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        // Initialise JUL (-> JBoss LogManager) on this thread before any command forks work: otherwise a worker
        // thread's first logger (JSON-schema factory via slf4j -> LogContext) and this thread's first JUL logger
        // (BouncyCastle) initialise the two classes in opposite order and deadlock on their class-init locks.
        // `java -jar gate-cli.jar` has no -Djava.util.logging.manager (./gate passes it): the same LogManager the
        // libraries expect, set before JUL's first use
        if (System.getProperty("java.util.logging.manager") == null) {
            System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        }
        java.util.logging.LogManager.getLogManager();
        System.exit(new CommandLine(new GateCli()).execute(args));
    }
}
