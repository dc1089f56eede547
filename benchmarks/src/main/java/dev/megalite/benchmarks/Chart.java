package dev.megalite.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Throughput against data size as an SVG, drawn by hand: one small chart per operation, both axes
 * logarithmic, one line per system. Plain string building, so the harness needs no chart library.
 */
final class Chart {
  private static final int W = 320;
  private static final int H = 230;
  private static final int COLS = 4;
  private static final int LEFT = 58;
  private static final int RIGHT = 14;
  private static final int TOP = 34;
  private static final int BOTTOM = 40;
  private static final int HEADER = 48;

  private record Panel(String title, String op) {}

  private Chart() {}

  static String svg(List<SystemResult> results) {
    List<Panel> panels = new ArrayList<>();
    panels.add(new Panel("batch put, entities/s", WorkloadDriver.PUT));
    panels.add(new Panel("batch get, entities/s", WorkloadDriver.GET));
    for (QuerySpec q : QuerySpec.values()) {
      panels.add(new Panel(q.label() + ", results/s", WorkloadDriver.query(q)));
    }
    panels.add(new Panel("read-modify-write txn/s", WorkloadDriver.TXN));
    int rows = (panels.size() + COLS - 1) / COLS;
    StringBuilder sb = new StringBuilder();
    sb.append(fmt("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
        + " font-family=\"sans-serif\" font-size=\"11\">%n", W * COLS, H * rows + HEADER));
    sb.append(fmt("<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n"));
    sb.append(fmt("<text x=\"8\" y=\"17\" font-size=\"14\" font-weight=\"bold\">Throughput against"
        + " data size (log scales; higher is better)</text>%n"));
    for (int i = 0; i < panels.size(); i++) {
      panel(sb, panels.get(i), results, (i % COLS) * W, HEADER + (i / COLS) * H);
    }
    legend(sb, results);
    return sb.append("</svg>\n").toString();
  }

  private static void panel(StringBuilder sb, Panel p, List<SystemResult> results, int x0, int y0) {
    TreeSet<Integer> sizes = new TreeSet<>();
    double lo = Double.MAX_VALUE;
    double hi = 0;
    for (SystemResult r : results) {
      double v = Report.rate(r, p.op());
      if (v > 0) {
        sizes.add(r.size());
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    sb.append(fmt("<text x=\"%d\" y=\"%d\" font-weight=\"bold\">%s</text>%n", x0 + 8, y0 + 18,
        escape(p.title())));
    if (sizes.isEmpty()) {
      return;
    }
    int yLo = (int) Math.floor(Math.log10(lo));
    int yHi = Math.max(yLo + 1, (int) Math.ceil(Math.log10(hi)));
    double xLo = Math.log10(sizes.first()) - 0.3;
    double xHi = Math.log10(sizes.last()) + 0.3;
    int px = x0 + LEFT;
    int pw = W - LEFT - RIGHT;
    int py = y0 + TOP;
    int ph = H - TOP - BOTTOM;
    sb.append(fmt("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\""
        + " stroke=\"#999\"/>%n", px, py, pw, ph));
    for (int d = yLo; d <= yHi; d++) {
      double y = py + ph - (d - yLo) * (double) ph / (yHi - yLo);
      sb.append(fmt("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n", px, y,
          px + pw, y));
      sb.append(fmt("<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", px - 4, y + 4,
          humane(Math.pow(10, d))));
    }
    for (int size : sizes) {
      double x = px + (Math.log10(size) - xLo) * pw / (xHi - xLo);
      sb.append(fmt("<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", x,
          py + ph + 14, humane(size)));
    }
    sb.append(fmt("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#555\">entities"
        + " stored</text>%n", px + pw / 2, py + ph + 30));
    for (BenchSystem s : BenchSystem.values()) {
      StringBuilder points = new StringBuilder();
      for (int size : sizes) {
        double v = Report.rate(find(results, s, size), p.op());
        if (v > 0) {
          double x = px + (Math.log10(size) - xLo) * pw / (xHi - xLo);
          double y = py + ph - (Math.log10(v) - yLo) * ph / (yHi - yLo);
          points.append(fmt("%.1f,%.1f ", x, y));
          sb.append(fmt("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n", x, y,
              color(s)));
        }
      }
      if (points.length() > 0) {
        sb.append(fmt("<polyline points=\"%s\" fill=\"none\" stroke=\"%s\""
            + " stroke-width=\"2\"/>%n", points.toString().strip(), color(s)));
      }
    }
  }

  /** One line under the title: a swatch and name per system measured, and what a gap means. */
  private static void legend(StringBuilder sb, List<SystemResult> results) {
    int x = 8;
    int y = 38;
    for (BenchSystem s : BenchSystem.values()) {
      if (results.stream().noneMatch(r -> r.system().equals(s.id()))) {
        continue;
      }
      sb.append(fmt("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\""
          + " stroke-width=\"3\"/>%n", x, y - 4, x + 24, y - 4, color(s)));
      sb.append(fmt("<text x=\"%d\" y=\"%d\">%s</text>%n", x + 30, y, escape(s.label())));
      x += 50 + 7 * s.label().length();
    }
    sb.append(fmt("<text x=\"%d\" y=\"%d\" fill=\"#555\">(a missing point: not run at that"
        + " size, or no planner to run the query)</text>%n", x, y));
  }

  private static SystemResult find(List<SystemResult> results, BenchSystem s, int size) {
    for (SystemResult r : results) {
      if (r.size() == size && r.system().equals(s.id())) {
        return r;
      }
    }
    return null;
  }

  private static String color(BenchSystem s) {
    return switch (s) {
      case MEGALITE -> "#1f62b4";
      case RAW -> "#2a9d3a";
      case RAW_DEFAULT -> "#9bd48f";
      case APPENGINE -> "#d62728";
    };
  }

  /** 10000 as "10k", 1000000 as "1M". */
  private static String humane(double v) {
    if (v >= 1e9) {
      return fmt("%.0fG", v / 1e9);
    } else if (v >= 1e6) {
      return fmt("%.0fM", v / 1e6);
    } else if (v >= 1e3) {
      return fmt("%.0fk", v / 1e3);
    }
    return v >= 1 ? fmt("%.0f", v) : fmt("%.1f", v);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
