package com.admissiongate.loadtest;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

import java.util.ArrayList;
import java.util.List;

/**
 * Latencies in microseconds: one histogram for the whole run and one per elapsed second, for the percentile
 * curve and the latency-over-time plot. Callers synchronise (one recording thread per recorder in practice).
 */
final class LatencyRecorder {

    private static final long MAX_MICROS = 3_600_000_000L;
    private final Histogram total = new Histogram(MAX_MICROS, 3);
    private final List<Histogram> perSecond = new ArrayList<>();

    synchronized void record(long elapsedSecond, long micros) {
        long v = Math.max(1, Math.min(micros, MAX_MICROS));
        total.recordValue(v);
        while (perSecond.size() <= elapsedSecond) {
            perSecond.add(new Histogram(MAX_MICROS, 2));
        }
        perSecond.get((int) elapsedSecond).recordValue(v);
    }

    synchronized void add(LatencyRecorder other) {
        total.add(other.total);
        for (int i = 0; i < other.perSecond.size(); i++) {
            while (perSecond.size() <= i) {
                perSecond.add(new Histogram(MAX_MICROS, 2));
            }
            perSecond.get(i).add(other.perSecond.get(i));
        }
    }

    /** Seconds from the start to the end of the last second anything was recorded in. */
    synchronized int seconds() {
        return perSecond.size();
    }

    synchronized long count() {
        return total.getTotalCount();
    }

    synchronized double ms(double percentile) {
        return total.getTotalCount() == 0 ? 0 : total.getValueAtPercentile(percentile) / 1000.0;
    }

    synchronized double maxMs() {
        return total.getTotalCount() == 0 ? 0 : total.getMaxValue() / 1000.0;
    }

    synchronized double meanMs() {
        return total.getTotalCount() == 0 ? 0 : total.getMean() / 1000.0;
    }

    /** Highest count seen in any {@code window} consecutive seconds, per second. */
    synchronized double peakRate(int window) {
        double best = 0;
        for (int i = 0; i + window <= perSecond.size(); i++) {
            long n = 0;
            for (int j = i; j < i + window; j++) {
                n += perSecond.get(j).getTotalCount();
            }
            best = Math.max(best, n / (double) window);
        }
        return best;
    }

    /** p50, p99, max and count per second: the latency-over-time plot. */
    synchronized List<SvgPlot.Panel> timePanels(String unitTitle, String countTitle) {
        int n = perSecond.size();
        double[] x = new double[n];
        double[] count = new double[n];
        // seconds without a completion have no latency: they are left out of the latency lines, not drawn as 0
        List<double[]> lat = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Histogram h = perSecond.get(i);
            x[i] = i;
            count[i] = h.getTotalCount();
            if (h.getTotalCount() > 0) {
                lat.add(new double[]{i, h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0,
                        h.getMaxValue() / 1000.0});
            }
        }
        double[] lx = lat.stream().mapToDouble(v -> v[0]).toArray();
        double[] p50 = lat.stream().mapToDouble(v -> v[1]).toArray();
        double[] p99 = lat.stream().mapToDouble(v -> v[2]).toArray();
        double[] max = lat.stream().mapToDouble(v -> v[3]).toArray();
        return List.of(
                new SvgPlot.Panel(unitTitle, "elapsed s", "latency ms", List.of(
                        new SvgPlot.Series("max", "#d62728", lx, max),
                        new SvgPlot.Series("p99", "#ff7f0e", lx, p99),
                        new SvgPlot.Series("p50", "#1f77b4", lx, p50))),
                new SvgPlot.Panel(countTitle, "elapsed s", "per second", List.of(
                        new SvgPlot.Series("completed/s", "#2ca02c", x, count))));
    }

    /** The classic HdrHistogram percentile curve: x is log10(1 / (1 − q)), so 90 %, 99 %, 99.9 % are equidistant. */
    synchronized SvgPlot.Panel percentilePanel(String title) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        double cap = 5;
        if (total.getTotalCount() > 0) {
            for (HistogramIterationValue v : total.percentiles(5)) {
                double q = v.getPercentileLevelIteratedTo() / 100.0;
                double x = q >= 1 ? cap : Math.min(cap, Math.log10(1 / (1 - q)));
                xs.add(x);
                ys.add(v.getValueIteratedTo() / 1000.0);
                if (q >= 1) {
                    break;
                }
            }
        }
        double[] x = xs.stream().mapToDouble(Double::doubleValue).toArray();
        double[] y = ys.stream().mapToDouble(Double::doubleValue).toArray();
        double top = x.length == 0 ? 1 : Math.max(1, Math.ceil(x[x.length - 1]));
        List<double[]> ticks = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        String[] names = {"0%", "90%", "99%", "99.9%", "99.99%", "99.999%"};
        for (int i = 0; i <= top; i++) {
            ticks.add(new double[]{i});
            labels.add(names[i]);
        }
        return new SvgPlot.Panel(title, "percentile", "latency ms",
                List.of(new SvgPlot.Series("latency", "#1f77b4", x, y)), ticks, labels);
    }
}
