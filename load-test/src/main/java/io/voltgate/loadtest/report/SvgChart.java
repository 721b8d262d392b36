package io.voltgate.loadtest.report;

import java.util.List;
import java.util.Locale;

/**
 * Minimal self-written SVG charts (line chart over time, grouped bar chart). SVG instead of a
 * PNG library: no AWT or fonts needed on a headless build machine, any browser shows it, and the
 * text inside stays searchable and diffable.
 */
final class SvgChart {

  static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"};
  private static final int W = 900;
  private static final int H = 380;
  private static final int LEFT = 70;
  private static final int RIGHT = 170;
  private static final int TOP = 40;
  private static final int BOTTOM = 50;

  /** A named series of points. */
  record Series(String name, double[] x, double[] y) {}

  /** A vertical marker line at x, e.g. the storm's cut. */
  record Marker(String label, double x) {}

  private SvgChart() {
  }

  static String lines(String title, String xLabel, String yLabel, List<Series> series, List<Marker> markers) {
    double xMax = 1;
    double yMax = 1;
    for (Series s : series) {
      for (double v : s.x()) {
        xMax = Math.max(xMax, v);
      }
      for (double v : s.y()) {
        yMax = Math.max(yMax, v);
      }
    }
    for (Marker m : markers) {
      xMax = Math.max(xMax, m.x());
    }
    yMax = niceCeil(yMax);
    StringBuilder svg = header(title);
    axes(svg, xLabel, yLabel, 0, xMax, 0, yMax, false);
    int pw = W - LEFT - RIGHT;
    int ph = H - TOP - BOTTOM;
    for (int i = 0; i < markers.size(); i++) {
      Marker m = markers.get(i);
      double x = LEFT + m.x() / xMax * pw;
      svg.append(fmt("<line x1='%.1f' y1='%d' x2='%.1f' y2='%d' stroke='#888' stroke-dasharray='4 3'/>",
          x, TOP, x, TOP + ph));
      svg.append(fmt("<text x='%.1f' y='%d' font-size='11' fill='#555'>%s</text>", x + 3, TOP + 12 + 13 * i, esc(m.label())));
    }
    for (int i = 0; i < series.size(); i++) {
      Series s = series.get(i);
      StringBuilder points = new StringBuilder();
      for (int k = 0; k < s.x().length; k++) {
        points.append(fmt("%.1f,%.1f ", LEFT + s.x()[k] / xMax * pw, TOP + ph - s.y()[k] / yMax * ph));
      }
      String color = COLORS[i % COLORS.length];
      svg.append(fmt("<polyline fill='none' stroke='%s' stroke-width='1.5' points='%s'/>", color, points));
      legend(svg, i, s.name(), color);
    }
    return svg.append("</svg>\n").toString();
  }

  /** Grouped bars: one group per category, one bar per series; log scale when values span decades. */
  static String bars(String title, String yLabel, List<String> categories, List<String> seriesNames,
      double[][] values) {
    double yMax = 0;
    double yMin = Double.MAX_VALUE;
    for (double[] row : values) {
      for (double v : row) {
        yMax = Math.max(yMax, v);
        if (v > 0) {
          yMin = Math.min(yMin, v);
        }
      }
    }
    boolean log = yMax > 0 && yMin < Double.MAX_VALUE && yMax / yMin > 50;
    double lo = log ? Math.pow(10, Math.floor(Math.log10(yMin))) : 0;
    double hi = log ? Math.pow(10, Math.ceil(Math.log10(yMax))) : niceCeil(Math.max(yMax, 1e-9));
    StringBuilder svg = header(title);
    axes(svg, "", yLabel + (log ? " (log scale)" : ""), 0, 1, lo, hi, log);
    int pw = W - LEFT - RIGHT;
    int ph = H - TOP - BOTTOM;
    int groups = Math.max(categories.size(), 1);
    double groupWidth = (double) pw / groups;
    double barWidth = groupWidth * 0.8 / Math.max(seriesNames.size(), 1);
    for (int c = 0; c < categories.size(); c++) {
      double gx = LEFT + c * groupWidth + groupWidth * 0.1;
      for (int s = 0; s < seriesNames.size(); s++) {
        double v = values[c][s];
        double frac = scale(v, lo, hi, log);
        double h = frac * ph;
        svg.append(fmt("<rect x='%.1f' y='%.1f' width='%.1f' height='%.1f' fill='%s'><title>%s %s: %s</title></rect>",
            gx + s * barWidth, TOP + ph - h, barWidth * 0.95, h, COLORS[s % COLORS.length],
            esc(categories.get(c)), esc(seriesNames.get(s)), num(v)));
      }
      svg.append(fmt("<text x='%.1f' y='%d' font-size='10' text-anchor='end' transform='rotate(-25 %.1f %d)'>%s</text>",
          gx + groupWidth * 0.4, TOP + ph + 14, gx + groupWidth * 0.4, TOP + ph + 14, esc(categories.get(c))));
    }
    for (int s = 0; s < seriesNames.size(); s++) {
      legend(svg, s, seriesNames.get(s), COLORS[s % COLORS.length]);
    }
    return svg.append("</svg>\n").toString();
  }

  private static double scale(double v, double lo, double hi, boolean log) {
    if (log) {
      if (v <= 0) {
        return 0;
      }
      return Math.max(0, (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)));
    }
    return (v - lo) / (hi - lo);
  }

  private static StringBuilder header(String title) {
    StringBuilder svg = new StringBuilder();
    svg.append(fmt("<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' viewBox='0 0 %d %d' "
        + "font-family='sans-serif'>", W, H, W, H));
    svg.append(fmt("<rect width='%d' height='%d' fill='white'/>", W, H));
    svg.append(fmt("<text x='%d' y='22' font-size='15' font-weight='bold'>%s</text>", LEFT, esc(title)));
    return svg;
  }

  private static void axes(StringBuilder svg, String xLabel, String yLabel, double x0, double x1, double y0,
      double y1, boolean log) {
    int pw = W - LEFT - RIGHT;
    int ph = H - TOP - BOTTOM;
    svg.append(fmt("<rect x='%d' y='%d' width='%d' height='%d' fill='none' stroke='#333'/>", LEFT, TOP, pw, ph));
    int ticks = 5;
    for (int i = 0; i <= ticks; i++) {
      double frac = (double) i / ticks;
      double value = log ? Math.pow(10, Math.log10(y0) + frac * (Math.log10(y1) - Math.log10(y0)))
          : y0 + frac * (y1 - y0);
      double y = TOP + ph - frac * ph;
      svg.append(fmt("<line x1='%d' y1='%.1f' x2='%d' y2='%.1f' stroke='#eee'/>", LEFT, y, LEFT + pw, y));
      svg.append(fmt("<text x='%d' y='%.1f' font-size='11' text-anchor='end'>%s</text>", LEFT - 6, y + 4, num(value)));
    }
    if (!xLabel.isEmpty()) {
      for (int i = 0; i <= ticks; i++) {
        double frac = (double) i / ticks;
        double x = LEFT + frac * pw;
        svg.append(fmt("<text x='%.1f' y='%d' font-size='11' text-anchor='middle'>%s</text>", x, TOP + ph + 16,
            num(x0 + frac * (x1 - x0))));
      }
      svg.append(fmt("<text x='%d' y='%d' font-size='12' text-anchor='middle'>%s</text>", LEFT + pw / 2, H - 12,
          esc(xLabel)));
    }
    svg.append(fmt("<text x='16' y='%d' font-size='12' text-anchor='middle' transform='rotate(-90 16 %d)'>%s</text>",
        TOP + ph / 2, TOP + ph / 2, esc(yLabel)));
  }

  private static void legend(StringBuilder svg, int i, String name, String color) {
    int x = W - RIGHT + 15;
    int y = TOP + 10 + i * 18;
    svg.append(fmt("<rect x='%d' y='%d' width='12' height='12' fill='%s'/>", x, y - 10, color));
    svg.append(fmt("<text x='%d' y='%d' font-size='12'>%s</text>", x + 18, y, esc(name)));
  }

  static double niceCeil(double v) {
    if (v <= 0) {
      return 1;
    }
    double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
    for (double step : new double[] {1, 2, 2.5, 5, 10}) {
      if (step * magnitude >= v) {
        return step * magnitude;
      }
    }
    return 10 * magnitude;
  }

  static String num(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e9) {
      return String.format(Locale.ROOT, "%d", (long) v);
    }
    return Math.abs(v) >= 10 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;");
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
