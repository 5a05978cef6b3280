package com.admissiongate.loadtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Hand-written SVG line charts: no plotting library, so the drivers stay a few small jars. */
final class SvgPlot {

    record Series(String name, String color, double[] x, double[] y) {
    }

    /** One chart area; {@code xTicks} may carry labels (percentile axis), otherwise numeric ticks are made. */
    record Panel(String title, String xLabel, String yLabel, List<Series> series, List<double[]> xTicks, List<String> xTickLabels) {
        Panel(String title, String xLabel, String yLabel, List<Series> series) {
            this(title, xLabel, yLabel, series, null, null);
        }
    }

    private static final int W = 900;
    private static final int PANEL_H = 300;
    private static final int ML = 70;
    private static final int MR = 150;
    private static final int MT = 36;
    private static final int MB = 44;

    private SvgPlot() {
    }

    static String render(String caption, List<Panel> panels) {
        int h = panels.size() * PANEL_H + 30;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                        + "font-family=\"sans-serif\" font-size=\"12\">%n", W, h, W, h));
        sb.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", W, h));
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" font-size=\"13\" fill=\"#444\">%s</text>%n", ML, esc(caption)));
        for (int i = 0; i < panels.size(); i++) {
            panel(sb, panels.get(i), 24 + i * PANEL_H);
        }
        sb.append("</svg>\n");
        return sb.toString();
    }

    private static void panel(StringBuilder sb, Panel p, int top) {
        int x0 = ML;
        int x1 = W - MR;
        int y0 = top + PANEL_H - MB;
        int y1 = top + MT;
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = 0;
        for (Series s : p.series()) {
            for (int i = 0; i < s.x().length; i++) {
                minX = Math.min(minX, s.x()[i]);
                maxX = Math.max(maxX, s.x()[i]);
                maxY = Math.max(maxY, s.y()[i]);
            }
        }
        if (p.xTicks() != null) {
            for (double[] t : p.xTicks()) {
                minX = Math.min(minX, t[0]);
                maxX = Math.max(maxX, t[0]);
            }
        }
        if (minX == Double.MAX_VALUE) {
            minX = 0;
            maxX = 1;
        }
        if (maxX <= minX) {
            maxX = minX + 1;
        }
        double yStep = niceStep(maxY <= 0 ? 1 : maxY, 6);
        double yMax = Math.max(yStep, Math.ceil(maxY / yStep) * yStep);
        final double fMinX = minX;
        final double fMaxX = maxX;
        java.util.function.DoubleUnaryOperator sx = v -> x0 + (v - fMinX) / (fMaxX - fMinX) * (x1 - x0);
        java.util.function.DoubleUnaryOperator sy = v -> y0 - v / yMax * (y0 - y1);

        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"14\" font-weight=\"bold\">%s</text>%n",
                x0, top + 22, esc(p.title())));
        for (double v = 0; v <= yMax + yStep / 2; v += yStep) {
            double y = sy.applyAsDouble(v);
            sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e5e5e5\"/>%n", x0, y, x1, y));
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"#555\">%s</text>%n",
                    x0 - 6, y + 4, num(v)));
        }
        List<double[]> ticks = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        if (p.xTicks() != null) {
            ticks.addAll(p.xTicks());
            labels.addAll(p.xTickLabels());
        } else {
            double xStep = niceStep(maxX - minX, 8);
            for (double v = Math.ceil(minX / xStep) * xStep; v <= maxX + 1e-9; v += xStep) {
                ticks.add(new double[]{v});
                labels.add(num(v));
            }
        }
        for (int i = 0; i < ticks.size(); i++) {
            double x = sx.applyAsDouble(ticks.get(i)[0]);
            sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#eeeeee\"/>%n", x, y1, x, y0));
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#555\">%s</text>%n",
                    x, y0 + 16, esc(labels.get(i))));
        }
        sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>%n",
                x0, y1, x1 - x0, y0 - y1));
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#333\">%s</text>%n",
                (x0 + x1) / 2, y0 + 34, esc(p.xLabel())));
        sb.append(String.format(Locale.ROOT, "<text transform=\"translate(%d,%d) rotate(-90)\" text-anchor=\"middle\" fill=\"#333\">%s</text>%n",
                16, (y0 + y1) / 2, esc(p.yLabel())));
        int legendY = y1 + 10;
        for (Series s : p.series()) {
            StringBuilder pts = new StringBuilder();
            for (int i = 0; i < s.x().length; i++) {
                pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", sx.applyAsDouble(s.x()[i]), sy.applyAsDouble(s.y()[i])));
            }
            sb.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\" points=\"%s\"/>%n",
                    s.color(), pts.toString().trim()));
            sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"3\"/>%n",
                    x1 + 12, legendY, x1 + 32, legendY, s.color()));
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", x1 + 38, legendY + 4, esc(s.name())));
            legendY += 18;
        }
    }

    static double niceStep(double range, int maxTicks) {
        double raw = range / maxTicks;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[]{1, 2, 2.5, 5, 10}) {
            if (raw <= m * mag) {
                return m * mag;
            }
        }
        return 10 * mag;
    }

    private static String num(double v) {
        if (Math.abs(v - Math.rint(v)) < 1e-9) {
            return Long.toString(Math.round(v));
        }
        return String.format(Locale.ROOT, "%.2f", v).replaceAll("0+$", "");
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
