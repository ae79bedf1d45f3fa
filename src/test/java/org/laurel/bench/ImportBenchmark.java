package org.laurel.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import javax.sql.DataSource;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.laurel.LaurelApplication;
import org.laurel.access.Access;
import org.laurel.indicator.ImportResult;
import org.laurel.indicator.Imports;
import org.postgresql.PGConnection;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Whole-pipeline wall-clock benchmark of the indicator import (not a test; run with {@code ./mvnw
 * -B -q -Pbench test}, see BENCHMARKS.md). It starts the application on a temporary embedded
 * PostgreSQL, creates {@code units} communes, writes a CSV of {@code units × 8 indicators × months}
 * rows, then per round, in the same JVM and database:
 *
 * <ol>
 *   <li>baseline: raw {@code COPY … FROM STDIN (FORMAT csv, HEADER)} of the same file into a plain
 *       table of four columns;
 *   <li>{@code Imports.importFile} of the CSV into empty {@code report}/{@code report_value}
 *       (validated, all inserted);
 *   <li>the same file again (validated, all unchanged).
 * </ol>
 *
 * Then the same rows as XLSX (written by POI's streaming {@code SXSSFWorkbook}), imported with the
 * heap watched. Results go to standard output and {@code target/bench/import-benchmark.txt}.
 *
 * <p>System properties: {@code bench.rows} (default 1,000,000; rounded to a multiple of 400),
 * {@code bench.warmup} (1), {@code bench.rounds} (5), {@code bench.xlsxRounds} (2).
 */
public final class ImportBenchmark {

  /** Eight catalogue indicators with their value range (billion VND, or percent). */
  private static final String[] INDICATORS = {
    "BUDGET_REVENUE",
    "INDUSTRIAL_OUTPUT",
    "AGRICULTURAL_OUTPUT",
    "RETAIL_SALES",
    "DOSSIERS_ON_TIME",
    "COMPLAINTS_RESOLVED",
    "POVERTY_RATE",
    "SOCIAL_INSURANCE"
  };

  private static final int MONTHS = 50; // 2020-M01 … 2024-M02

  private final JdbcClient jdbc;
  private final DataSource dataSource;
  private final Imports imports;
  private final StringBuilder report = new StringBuilder();

  private ImportBenchmark(ConfigurableApplicationContext ctx) {
    this.jdbc = ctx.getBean(JdbcClient.class);
    this.dataSource = ctx.getBean(DataSource.class);
    this.imports = ctx.getBean(Imports.class);
  }

  public static void main(String[] args) throws Exception {
    int rows = Integer.getInteger("bench.rows", 1_000_000);
    int warmup = Integer.getInteger("bench.warmup", 1);
    int rounds = Integer.getInteger("bench.rounds", 5);
    int xlsxRounds = Integer.getInteger("bench.xlsxRounds", 2);
    int units = Math.max(1, rows / (INDICATORS.length * MONTHS));
    rows = units * INDICATORS.length * MONTHS;

    Path work = Files.createTempDirectory("laurel-bench");
    ConfigurableApplicationContext ctx =
        new SpringApplicationBuilder(LaurelApplication.class)
            .run(
                "--server.port=0",
                "--laurel.db.data-dir=" + work.resolve("pg"),
                "--laurel.db.embedded-temporary=true",
                "--laurel.demo.enabled=false",
                "--logging.level.root=WARN",
                "--logging.level.org.laurel.indicator.Imports=DEBUG",
                "--spring.main.banner-mode=off");
    try {
      new ImportBenchmark(ctx).run(work, units, rows, warmup, rounds, xlsxRounds);
    } finally {
      ctx.close();
      deleteTree(work);
    }
  }

  private void run(Path work, int units, int rows, int warmup, int rounds, int xlsxRounds)
      throws Exception {
    line("Laurel import benchmark, " + Instant.now());
    line(
        "JVM %s, max heap %d MiB, %d CPUs; PostgreSQL %s",
        System.getProperty("java.vm.version"),
        Runtime.getRuntime().maxMemory() >> 20,
        Runtime.getRuntime().availableProcessors(),
        jdbc.sql("show server_version").query(String.class).single());
    createUnits(units);
    jdbc.sql(
            """
            create table bench_copy (unit text, indicator text, period text, value numeric(20,4))""")
        .update();
    // the second baseline: the same values with their report ids, into report_value's shape and
    // primary key (no reference check): what storing these rows costs before any validation
    jdbc.sql(
            """
            create table bench_keyed (report_id bigint, indicator_id bigint, value numeric(20,4),
                                      primary key (report_id, indicator_id))""")
        .update();
    Path keyed = work.resolve("keyed.txt");

    Path csv = work.resolve("values.csv");
    long t0 = System.nanoTime();
    writeCsv(csv, units);
    line(
        "CSV: %,d rows (%d units × %d indicators × %d months), %,d bytes, written in %.1f s",
        rows, units, INDICATORS.length, MONTHS, Files.size(csv), secs(System.nanoTime() - t0));

    List<Double> copy = new ArrayList<>();
    List<Double> fresh = new ArrayList<>();
    List<Double> again = new ArrayList<>();
    List<Double> ratio = new ArrayList<>();
    List<Double> keyedCopy = new ArrayList<>();
    List<Double> ratioKeyed = new ArrayList<>();
    for (int round = 1 - warmup; round <= rounds; round++) {
      boolean measured = round > 0;
      clear();
      double c = copyBaseline(csv, rows);
      double f = importOnce(csv, rows, rows, 0);
      if (!Files.exists(keyed)) {
        exportKeyed(keyed);
      }
      double a = importOnce(csv, rows, 0, 0);
      double k = copyKeyed(keyed, rows);
      line(
          "%s %d: COPY %.2f s (%,.0f rows/s) | import fresh %.2f s (%,.0f rows/s, %.2f× COPY)"
              + " | import unchanged %.2f s (%,.0f rows/s, %.2f× COPY)",
          measured ? "round" : "warm-up",
          measured ? round : round + warmup,
          c,
          rows / c,
          f,
          rows / f,
          f / c,
          a,
          rows / a,
          a / c);
      line(
          "   COPY of the same values with report ids into report_value's shape and key: %.2f s"
              + " (%.2f× raw COPY); import fresh %.2f× that",
          k, k / c, f / k);
      if (measured) {
        keyedCopy.add(k);
        ratioKeyed.add(f / k);
        copy.add(c);
        fresh.add(f);
        again.add(a);
        ratio.add(f / c);
      }
    }
    line("");
    line("CSV, %d measured rounds of %,d rows (median [min–max]):", rounds, rows);
    summary("raw COPY (baseline)", copy, rows);
    summary("COPY with report ids, keyed", keyedCopy, rows);
    summary("import, fresh insert", fresh, rows);
    summary("import, unchanged", again, rows);
    List<Double> ratioAgain = new ArrayList<>();
    for (int i = 0; i < again.size(); i++) {
      ratioAgain.add(again.get(i) / copy.get(i));
    }
    line(
        "  ratio import/COPY, same round: fresh %.2f× [%.2f–%.2f], unchanged %.2f× [%.2f–%.2f]",
        median(ratio),
        Collections.min(ratio),
        Collections.max(ratio),
        median(ratioAgain),
        Collections.min(ratioAgain),
        Collections.max(ratioAgain));
    line(
        "  ratio import fresh / keyed COPY, same round: %.2f× [%.2f–%.2f]",
        median(ratioKeyed), Collections.min(ratioKeyed), Collections.max(ratioKeyed));

    if (xlsxRounds > 0) {
      Path xlsx = work.resolve("values.xlsx");
      t0 = System.nanoTime();
      writeXlsx(xlsx, units);
      line("");
      line(
          "XLSX: %,d rows, %,d bytes, written with SXSSFWorkbook in %.1f s",
          rows, Files.size(xlsx), secs(System.nanoTime() - t0));
      // the CSV import, watched the same way, for comparison
      clear();
      HeapWatch csvWatch = HeapWatch.start();
      double csvSecs = importOnce(csv, rows, rows, 0);
      line("  CSV import (fresh) for comparison: %.2f s, %s", csvSecs, csvWatch.stop());
      for (int round = 1; round <= xlsxRounds; round++) {
        clear();
        HeapWatch watch = HeapWatch.start();
        double x = importOnce(xlsx, rows, rows, 0);
        line(
            "  XLSX import %d (fresh): %.2f s (%,.0f rows/s), %s",
            round, x, rows / x, watch.stop());
      }
    }
    Path out = Path.of("target", "bench", "import-benchmark.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
  }

  // ---- data ------------------------------------------------------------------------------------

  private void createUnits(int units) {
    jdbc.sql(
            """
            insert into unit(code, name, kind, valid_from, synthetic)
            values ('BENCH', 'Benchmark province', 'PROVINCE', date '2000-01-01', true)""")
        .update();
    jdbc.sql(
            """
            insert into unit(code, name, kind, valid_from, synthetic)
            select 'BX' || lpad(g::text, 5, '0'), 'Benchmark commune ' || g, 'COMMUNE',
                   date '2000-01-01', true
            from generate_series(1, ?) g""")
        .param(units)
        .update();
    jdbc.sql(
            """
            insert into unit_parent(unit_id, parent_id, valid_from)
            select c.id, p.id, date '2000-01-01' from unit c, unit p
            where c.code like 'BX%' and p.code = 'BENCH'""")
        .update();
  }

  private static String unit(int u) {
    return String.format(Locale.ROOT, "BX%05d", u);
  }

  private static String period(int m) {
    return String.format(Locale.ROOT, "%d-M%02d", 2020 + m / 12, m % 12 + 1);
  }

  /** A plausible value: billions up to 100,000 for the first four, percentages for the rest. */
  private static String value(SplittableRandom random, int indicator) {
    long cents = indicator < 4 ? random.nextLong(10_000_000L) : random.nextLong(10_001L);
    return String.format(Locale.ROOT, "%d.%02d", cents / 100, cents % 100);
  }

  /** Ordered as a province would send it: unit, then period, then indicator. */
  private static void writeCsv(Path file, int units) throws IOException {
    SplittableRandom random = new SplittableRandom(42);
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("unit,indicator,period,value\n");
      for (int u = 1; u <= units; u++) {
        String unit = unit(u);
        for (int m = 0; m < MONTHS; m++) {
          String period = period(m);
          for (int i = 0; i < INDICATORS.length; i++) {
            w.write(unit + ',' + INDICATORS[i] + ',' + period + ',' + value(random, i) + '\n');
          }
        }
      }
    }
  }

  /** The same rows (same seed, so the same values), codes as text and values as numbers. */
  private static void writeXlsx(Path file, int units) throws IOException {
    SplittableRandom random = new SplittableRandom(42);
    try (SXSSFWorkbook wb = new SXSSFWorkbook(200);
        OutputStream out = Files.newOutputStream(file)) {
      wb.setCompressTempFiles(true);
      SXSSFSheet sheet = wb.createSheet("values");
      int r = 0;
      SXSSFRow header = sheet.createRow(r++);
      String[] names = {"unit", "indicator", "period", "value"};
      for (int c = 0; c < names.length; c++) {
        header.createCell(c).setCellValue(names[c]);
      }
      for (int u = 1; u <= units; u++) {
        String unit = unit(u);
        for (int m = 0; m < MONTHS; m++) {
          String period = period(m);
          for (int i = 0; i < INDICATORS.length; i++) {
            SXSSFRow row = sheet.createRow(r++);
            row.createCell(0).setCellValue(unit);
            row.createCell(1).setCellValue(INDICATORS[i]);
            row.createCell(2).setCellValue(period);
            row.createCell(3).setCellValue(Double.parseDouble(value(random, i)));
          }
        }
      }
      wb.write(out);
      wb.dispose();
    }
  }

  // ---- measured operations ---------------------------------------------------------------------

  /**
   * Empties the target tables and the baseline table, then checkpoints so no round pays for one.
   */
  private void clear() {
    jdbc.sql("truncate report_value, report, bench_copy").update();
    jdbc.sql("checkpoint").update();
  }

  /** Raw COPY of the same file into a plain table, committed; seconds. */
  private double copyBaseline(Path csv, long expected) throws IOException, SQLException {
    jdbc.sql("truncate bench_copy").update();
    jdbc.sql("checkpoint").update();
    long t0 = System.nanoTime();
    long n;
    try (Connection c = dataSource.getConnection();
        InputStream in = new BufferedInputStream(Files.newInputStream(csv), 1 << 16)) {
      c.setAutoCommit(false);
      n =
          c.unwrap(PGConnection.class)
              .getCopyAPI()
              .copyIn("COPY bench_copy FROM STDIN (FORMAT csv, HEADER)", in);
      c.commit();
    }
    double s = secs(System.nanoTime() - t0);
    check(n == expected, "COPY loaded " + n + " rows, expected " + expected);
    return s;
  }

  /** Writes report_value as it is after a fresh import, as COPY text, for the keyed baseline. */
  private void exportKeyed(Path file) throws IOException, SQLException {
    try (Connection c = dataSource.getConnection();
        var out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      c.unwrap(PGConnection.class)
          .getCopyAPI()
          .copyOut(
              "COPY (select report_id, indicator_id, value from report_value"
                  + " order by report_id, indicator_id) TO STDOUT",
              out);
    }
  }

  /** Raw COPY of the keyed values into a table with report_value's primary key; seconds. */
  private double copyKeyed(Path file, long expected) throws IOException, SQLException {
    jdbc.sql("truncate bench_keyed").update();
    jdbc.sql("checkpoint").update();
    long t0 = System.nanoTime();
    long n;
    try (Connection c = dataSource.getConnection();
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      c.setAutoCommit(false);
      n = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY bench_keyed FROM STDIN", in);
      c.commit();
    }
    double s = secs(System.nanoTime() - t0);
    check(n == expected, "keyed COPY loaded " + n + " rows, expected " + expected);
    return s;
  }

  /** Imports the file as the system user (secretariat: accepted reports); seconds. */
  private double importOnce(Path file, long rows, long inserted, long updated) {
    jdbc.sql("checkpoint").update();
    AtomicReference<ImportResult> result = new AtomicReference<>();
    long t0 = System.nanoTime();
    Access.runAsSystem(
        "bench",
        () -> {
          try {
            result.set(
                imports.importFile(
                    file, file.getFileName().toString(), Imports.Kind.VALUES, n -> {}));
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
    double s = secs(System.nanoTime() - t0);
    ImportResult r = result.get();
    check(
        r.rows() == rows && r.inserted() == inserted && r.updated() == updated,
        "unexpected import result " + r);
    return s;
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalStateException(message);
    }
  }

  // ---- heap ------------------------------------------------------------------------------------

  /**
   * Watches the heap during one import: the largest heap in use sampled every 10 ms, the largest
   * heap left after a collection (the live set: what the import holds on to), and the pools' peaks.
   */
  private static final class HeapWatch {
    private static final AtomicReference<HeapWatch> ACTIVE = new AtomicReference<>();

    private static final List<String> HEAP_POOLS =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .map(MemoryPoolMXBean::getName)
            .toList();

    static {
      for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        ((NotificationEmitter) gc)
            .addNotificationListener(
                (n, h) -> {
                  HeapWatch w = ACTIVE.get();
                  if (w == null
                      || !n.getType()
                          .equals(
                              GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                    return;
                  }
                  var info =
                      GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                  long used = 0;
                  for (Map.Entry<String, MemoryUsage> e :
                      info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                    if (HEAP_POOLS.contains(e.getKey())) {
                      used += e.getValue().getUsed();
                    }
                  }
                  w.afterGc.accumulateAndGet(used, Math::max);
                  w.collections.incrementAndGet();
                },
                null,
                null);
      }
    }

    final AtomicLong sampled = new AtomicLong();
    final AtomicLong afterGc = new AtomicLong();
    final AtomicLong collections = new AtomicLong();
    private volatile boolean running = true;
    private Thread sampler;

    static HeapWatch start() {
      System.gc();
      HeapWatch w = new HeapWatch();
      ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
      ACTIVE.set(w);
      w.sampler =
          new Thread(
              () -> {
                var memory = ManagementFactory.getMemoryMXBean();
                while (w.running) {
                  w.sampled.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                  try {
                    Thread.sleep(10);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              },
              "heap-sampler");
      w.sampler.setDaemon(true);
      w.sampler.start();
      return w;
    }

    String stop() throws InterruptedException {
      running = false;
      sampler.join();
      ACTIVE.set(null);
      long poolPeaks =
          ManagementFactory.getMemoryPoolMXBeans().stream()
              .filter(p -> p.getType() == MemoryType.HEAP)
              .mapToLong(p -> p.getPeakUsage().getUsed())
              .sum();
      return String.format(
          Locale.ROOT,
          "peak heap used %d MiB (sampled every 10 ms; sum of pool peaks %d MiB),"
              + " largest live heap after GC %d MiB over %d collections, max heap %d MiB",
          sampled.get() >> 20,
          poolPeaks >> 20,
          afterGc.get() >> 20,
          collections.get(),
          Runtime.getRuntime().maxMemory() >> 20);
    }
  }

  // ---- output ----------------------------------------------------------------------------------

  private void summary(String what, List<Double> secs, long rows) {
    line(
        "  %-22s %6.2f s [%5.2f–%5.2f]  %,9.0f rows/s [%,.0f–%,.0f]",
        what,
        median(secs),
        Collections.min(secs),
        Collections.max(secs),
        rows / median(secs),
        rows / Collections.max(secs),
        rows / Collections.min(secs));
  }

  private static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    Collections.sort(s);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  private static double secs(long nanos) {
    return nanos / 1e9;
  }

  private void line(String format, Object... args) {
    String s = String.format(Locale.ROOT, format, args);
    System.out.println(s);
    report.append(s).append('\n');
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      paths
          .sorted(java.util.Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException ignored) {
                  // best effort: the directory is under the system's temp
                }
              });
    }
  }
}
