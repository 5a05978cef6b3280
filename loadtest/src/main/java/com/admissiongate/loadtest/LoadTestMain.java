package com.admissiongate.loadtest;

/** Entry point of ./gate loadtest: {@code flood} (Kafka upload flood) or {@code rest} (closed-loop REST mix). */
public final class LoadTestMain {

    private LoadTestMain() {
    }

    public static void main(String[] argv) throws Exception {
        if (argv.length == 0 || argv[0].equals("help") || argv[0].equals("--help")) {
            System.err.println("""
                    usage: ./gate loadtest flood [--apks dir] [--min-size 2m] [--rate 20] [--duration 300s] [--count N]
                                                 [--drain 120s] [--key package|upload] [--run-id id] [--max-apks 8] [--allow-dlq true] [--label name] [--out loadtest/results]
                                                 [--bootstrap host:port] [--s3 http://host:port] [--group admission-gate]
                           ./gate loadtest rest  [--base http://127.0.0.1:8080]... [--token JWT] [--connections 16]
                                                 [--warmup 10s] [--duration 30s] [--requests N] [--only verdict]
                                                 [--mix verdict=60,history=10,search=10,search-queue=5,report-sarif=5,report-html=5,report-json=5]
                                                 [--path 'search-rule=5:/api/v1/verdicts?ruleId=MIIT337-1-COLLECT-BEFORE-CONSENT&limit=20'] [--label name]
                           ./gate loadtest skip-backlog [--group admission-gate]   (every replica stopped)""");
            System.exit(argv.length == 0 ? 2 : 0);
        }
        Args args = new Args(argv, 1);
        int rc = switch (argv[0]) {
            case "flood" -> new FloodDriver(args).run();
            case "rest" -> new RestMixDriver(args).run();
            case "skip-backlog" -> BacklogSkipper.run(args);
            default -> {
                System.err.println("unknown loadtest command: " + argv[0]);
                yield 2;
            }
        };
        System.exit(rc);
    }
}
