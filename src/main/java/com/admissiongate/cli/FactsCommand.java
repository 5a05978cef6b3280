package com.admissiongate.cli;

import com.admissiongate.apk.ApkAnalyzer;
import com.admissiongate.apk.ApkReport;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code facts <apk|dir>... [--jsonl]}: prints the analyzer's Facts JSON for each APK (directories
 * are searched recursively for *.apk). All APKs are analyzed in one JVM. Malformed APKs still
 * produce a document (complete=false); only usage errors give a non-zero exit code.
 */
@Command(name = "facts", mixinStandardHelpOptions = true,
        description = "Print the Facts JSON (archive, manifest, resources, dex, native libs, signing, SDKs, PI access, packer) per APK.")
public class FactsCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "<apk|dir>", description = "APK files or directories holding *.apk")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--jsonl", description = "One compact JSON document per line instead of pretty JSON.")
    boolean jsonl;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        List<Path> apks = new ArrayList<>();
        for (Path in : inputs) {
            if (Files.isDirectory(in)) {
                try (Stream<Path> s = Files.walk(in)) {
                    s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".apk"))
                            .sorted().forEach(apks::add);
                }
            } else if (Files.isRegularFile(in)) {
                apks.add(in);
            } else {
                spec.commandLine().getErr().println("facts: no such file or directory: " + in);
                return 2;
            }
        }
        ObjectMapper mapper = new ObjectMapper();
        ObjectWriter writer = jsonl ? mapper.writer()
                : mapper.writer().with(SerializationFeature.INDENT_OUTPUT);
        com.admissiongate.analysis.FactsAssembler assembler = OfflineGate.concurrentFactsAssembler(mapper);
        PrintWriter out = spec.commandLine().getOut();
        for (Path apk : apks) {
            out.println(writer.writeValueAsString(assembler.assemble(apk)));
        }
        out.flush();
        return 0;
    }
}
