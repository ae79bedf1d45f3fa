package org.laurel.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.laurel.bloc.BlocView;
import org.laurel.bloc.Blocs;
import org.laurel.indicator.Imports;
import org.laurel.indicator.Reports;
import org.springframework.stereotype.Component;

/**
 * Synthetic 2023 and 2024 figures of the district bloc, year to date by quarter, shaped so that the
 * bloc's 2024-H1 summary reads like the province's mid-year review: budget revenue above 14,000
 * billion VND, above 70 % of the estimate and about 39 % over 2023-H1; industrial output above
 * 180,000 billion VND, about 14 % up. Loaded through the import, as the secretariat would.
 */
@Component
class DemoIndicators {

  /** Shares of the bloc's budget revenue and industrial output: the cities lead. */
  static final Map<String, double[]> WEIGHTS = new LinkedHashMap<>();

  static {
    // unit: budget revenue share, industrial output share, agricultural output share
    WEIGHTS.put("HDG", new double[] {0.22, 0.18, 0.03});
    WEIGHTS.put("CL", new double[] {0.14, 0.13, 0.06});
    WEIGHTS.put("KM", new double[] {0.10, 0.12, 0.07});
    WEIGHTS.put("BG", new double[] {0.06, 0.07, 0.09});
    WEIGHTS.put("CG", new double[] {0.09, 0.14, 0.08});
    WEIGHTS.put("GL", new double[] {0.06, 0.05, 0.11});
    WEIGHTS.put("KT", new double[] {0.07, 0.10, 0.09});
    WEIGHTS.put("NS", new double[] {0.07, 0.09, 0.09});
    WEIGHTS.put("NG", new double[] {0.04, 0.02, 0.11});
    WEIGHTS.put("TH", new double[] {0.05, 0.03, 0.10});
    WEIGHTS.put("TM", new double[] {0.04, 0.03, 0.08});
    WEIGHTS.put("TK", new double[] {0.06, 0.04, 0.09});
  }

  /** Year-to-date share of the half-year figure at the end of Q1, H1, 9M and the year. */
  static final double[] YTD = {0.46, 1.0, 1.52, 2.06};

  static final String[] PERIODS = {"Q1", "H1", "9M", ""};

  private final Imports imports;
  private final Reports reports;
  private final Blocs blocs;

  DemoIndicators(Imports imports, Reports reports, Blocs blocs) {
    this.imports = imports;
    this.reports = reports;
    this.blocs = blocs;
  }

  void load() {
    StringBuilder values = new StringBuilder("unit,indicator,period,value\n");
    StringBuilder estimates = new StringBuilder("unit,indicator,period,value\n");
    // bloc totals of the half-year, 2023 and 2024
    double[][] h1 = {{10_150, 14_120}, {158_600, 181_300}, {9_020, 9_290}};
    double[][] yearEstimate = {{16_000, 19_600}, {330_000, 372_000}, {18_800, 19_300}};
    String[] sums = {"BUDGET_REVENUE", "INDUSTRIAL_OUTPUT", "AGRICULTURAL_OUTPUT"};
    int u = 0;
    for (var e : WEIGHTS.entrySet()) {
      String unit = e.getKey();
      // each unit grows a little differently; the shares of 2024 are rescaled to the bloc total
      double jitter = ((u * 37) % 11 - 5) / 100.0;
      for (int k = 0; k < sums.length; k++) {
        double w = e.getValue()[k];
        double w24 = w * (1 + jitter) / norm(k, sums.length);
        for (int y = 0; y < 2; y++) {
          int year = 2023 + y;
          double half = h1[k][y] * (y == 0 ? w : w24);
          for (int q = 0; q < PERIODS.length; q++) {
            String period = PERIODS[q].isEmpty() ? Integer.toString(year) : year + "-" + PERIODS[q];
            line(values, unit, sums[k], period, half * YTD[q] * (1 + jitter * q / 10));
          }
          line(estimates, unit, sums[k], Integer.toString(year), yearEstimate[k][y] * w);
        }
      }
      for (int y = 0; y < 2; y++) {
        int year = 2023 + y;
        for (int q = 0; q < PERIODS.length; q++) {
          String period = PERIODS[q].isEmpty() ? Integer.toString(year) : year + "-" + PERIODS[q];
          double onTime = 93 + y * 2 + (u % 5) * 0.7 + q * 0.2;
          line(values, unit, "DOSSIERS_ON_TIME", period, onTime);
          // the dossier counts behind that share, year to date: larger towns receive more
          long received =
              Math.round((9_000 + e.getValue()[0] * 120_000) * (1 + 0.08 * y) * YTD[q] / YTD[3]);
          line(values, unit, "DOSSIERS_RECEIVED", period, received);
          // a stock: enterprises in operation at the period's end
          line(
              values,
              unit,
              "ENTERPRISES_ACTIVE",
              period,
              Math.round((250 + e.getValue()[1] * 9_000) * (1 + 0.06 * y + 0.012 * q)));
          line(
              values,
              unit,
              "DOSSIERS_HANDLED_ON_TIME",
              period,
              Math.floor(received * onTime / 100));
          line(values, unit, "COMPLAINTS_RESOLVED", period, 86 + y * 3 + (u % 4) * 2.1);
          line(values, unit, "POVERTY_RATE", period, 3.4 - y * 0.5 - (u % 6) * 0.3);
          line(values, unit, "SOCIAL_INSURANCE", period, 29 + y * 2.5 + (u % 7) * 1.6);
        }
        line(values, unit, "CONSCRIPTION_TARGET", Integer.toString(year), 100 + (u % 3) * 1.5);
        line(estimates, unit, "DOSSIERS_ON_TIME", Integer.toString(year), 98);
        line(estimates, unit, "COMPLAINTS_RESOLVED", Integer.toString(year), 90);
        line(estimates, unit, "POVERTY_RATE", Integer.toString(year), 2.5 - y * 0.4);
        line(estimates, unit, "SOCIAL_INSURANCE", Integer.toString(year), 35 + y * 2);
      }
      u++;
    }
    run(estimates, Imports.Kind.ESTIMATES);
    run(values, Imports.Kind.VALUES);
    for (BlocView b : blocs.list(null)) {
      int y = b.year();
      reports.setDeadline(b.id(), y + "-Q1", LocalDate.of(y, 4, 10));
      reports.setDeadline(b.id(), y + "-H1", LocalDate.of(y, 7, 10));
      reports.setDeadline(b.id(), y + "-9M", LocalDate.of(y, 10, 10));
      reports.setDeadline(b.id(), Integer.toString(y), LocalDate.of(y + 1, 1, 15));
    }
  }

  /** Sum of the jittered 2024 shares of indicator k, so that they still add up to one. */
  private static double norm(int k, int kinds) {
    double total = 0;
    int u = 0;
    for (double[] w : WEIGHTS.values()) {
      total += w[k] * (1 + ((u * 37) % 11 - 5) / 100.0);
      u++;
    }
    return total;
  }

  private static void line(
      StringBuilder sb, String unit, String indicator, String period, double v) {
    sb.append(unit)
        .append(',')
        .append(indicator)
        .append(',')
        .append(period)
        .append(',')
        .append(BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP).toPlainString())
        .append('\n');
  }

  private void run(StringBuilder csv, Imports.Kind kind) {
    try {
      Path tmp = Files.createTempFile("laurel-demo", ".csv");
      try {
        Files.writeString(tmp, csv, StandardCharsets.UTF_8);
        imports.importFile(
            tmp, "demo-" + kind.name().toLowerCase() + ".csv", kind, Imports.Progress.NONE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> units() {
    return List.copyOf(WEIGHTS.keySet());
  }
}
