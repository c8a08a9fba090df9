package io.jenkins.plugins.zenlayer.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * Prints the figures of one JMH JSON result file as a Markdown table, with the ratios and targets of
 * docs/performance.md, each target marked met or MISSED. Usage: {@code BenchmarkSummary result.json}.
 */
public final class BenchmarkSummary {

    private static final String PREFIX = "io.jenkins.plugins.zenlayer.benchmarks.";
    private static final List<String> CASES = List.of(
            "ClientBenchmark.a_pluginSharedClient",
            "ClientBenchmark.b_floorBareOkHttp",
            "ClientBenchmark.b2_floorBareOkHttpAsync",
            "ClientBenchmark.c_peersNewClientPerCall");
    private static final List<String> LABELS = List.of(
            "(a) plugin call, shared client",
            "(b) floor: bare shared OkHttp, execute()",
            "(b2) floor: bare shared OkHttp, enqueue + wait",
            "(c) plugin call, new OkHttp client per call");

    private final JsonNode results;

    private BenchmarkSummary(JsonNode results) {
        this.results = results;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: BenchmarkSummary result.json");
            System.exit(2);
        }
        BenchmarkSummary summary = new BenchmarkSummary(new ObjectMapper().readTree(new File(args[0])));
        summary.print();
    }

    private record Figure(double score, double error, double bytes, double bytesError) {}

    private Figure find(String benchmark, String scheme) {
        for (JsonNode result : results) {
            if (!result.path("benchmark").asText().equals(PREFIX + benchmark)) {
                continue;
            }
            if (scheme != null
                    && !scheme.equals(result.path("params").path("scheme").asText())) {
                continue;
            }
            JsonNode primary = result.path("primaryMetric");
            JsonNode gc = result.path("secondaryMetrics").path("gc.alloc.rate.norm");
            return new Figure(
                    primary.path("score").asDouble(Double.NaN),
                    primary.path("scoreError").asDouble(Double.NaN),
                    gc.path("score").asDouble(Double.NaN),
                    gc.path("scoreError").asDouble(Double.NaN));
        }
        return null;
    }

    private void print() {
        System.out.println("| case | scheme | µs/op | ± (99.9 %) | B/op | ± (99.9 %) |");
        System.out.println("|---|---|---:|---:|---:|---:|");
        for (String scheme : List.of("https", "http")) {
            for (int i = 0; i < CASES.size(); i++) {
                row(LABELS.get(i), scheme, find(CASES.get(i), scheme));
            }
        }
        Figure sign = find("SigningBenchmark.sign", null);
        row("signing alone (Zc2Signer.sign)", "–", sign);
        System.out.println();
        System.out.println("| ratio | HTTPS | HTTP | target |");
        System.out.println("|---|---:|---:|---|");
        ratio("(a) / (b)", 0, 1, "≤ 1.10", r -> r <= 1.10);
        ratio("(a) / (b2)", 0, 2, "(context: same dispatch as the plugin)", null);
        ratio("(b2) / (b)", 2, 1, "(context: cost of the hand-off to the dispatcher)", null);
        ratio("(c) / (a)", 3, 0, "≥ 5", r -> r >= 5);
        if (sign != null) {
            boolean met = sign.score() <= 20;
            System.out.printf(
                    Locale.ROOT,
                    "%nsigning alone: %.2f µs/op, target ≤ 20 µs: %s%n",
                    sign.score(),
                    met ? "met" : "MISSED");
        }
    }

    private static void row(String label, String scheme, Figure f) {
        if (f == null) {
            System.out.printf(Locale.ROOT, "| %s | %s | (not run) | | | |%n", label, scheme);
            return;
        }
        System.out.printf(
                Locale.ROOT,
                "| %s | %s | %s | %s | %,.0f | %,.0f |%n",
                label,
                scheme,
                number(f.score()),
                number(f.error()),
                f.bytes(),
                f.bytesError());
    }

    private static String number(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }

    private interface Target {
        boolean met(double ratio);
    }

    private void ratio(String label, int numerator, int denominator, String target, Target check) {
        StringBuilder line = new StringBuilder("| " + label + " |");
        boolean allMet = true;
        for (String scheme : List.of("https", "http")) {
            Figure n = find(CASES.get(numerator), scheme);
            Figure d = find(CASES.get(denominator), scheme);
            if (n == null || d == null) {
                line.append(" – |");
                continue;
            }
            double r = n.score() / d.score();
            // Relative errors added in quadrature: a rough interval for the ratio of two independent means.
            double e = r * Math.hypot(n.error() / n.score(), d.error() / d.score());
            line.append(String.format(Locale.ROOT, " %.2f ± %.2f |", r, e));
            if (check != null && !check.met(r)) {
                allMet = false;
            }
        }
        if (check != null) {
            line.append(" ")
                    .append(target)
                    .append(allMet ? ": met" : ": MISSED")
                    .append(" |");
        } else {
            line.append(" ").append(target).append(" |");
        }
        System.out.println(line);
    }
}
