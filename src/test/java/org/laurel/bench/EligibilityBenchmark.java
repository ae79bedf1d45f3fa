package org.laurel.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.laurel.LaurelApplication;
import org.laurel.access.Access;
import org.laurel.organisation.UnitCommands.NewUnit;
import org.laurel.organisation.UnitKind;
import org.laurel.organisation.Units;
import org.laurel.reward.Eligibility;
import org.laurel.reward.Evaluation;
import org.laurel.reward.Nominee;
import org.postgresql.PGConnection;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Eligibility on a large history (not a test; {@code ./mvnw -B -q -Pbench test
 * -Dbench.skip.import=true}, see BENCHMARKS.md). Loads {@code bench.awards} synthetic award records
 * (10 a person, 2015–2024, by COPY with the award indexes built afterwards), then measures in the
 * same JVM and database: one eligibility check for Chiến sĩ thi đua cấp tỉnh 2024 (p50, p99 over
 * random people), a batch of 10,000 nominees, and as baseline the plain indexed SQL lookup of the
 * same people's grassroots titles, one by one and as one batch query.
 */
public final class EligibilityBenchmark {

  public static void main(String[] args) throws Exception {
    long awards = Long.getLong("bench.awards", 10_000_000L);
    int people = (int) (awards / 10);
    Path work = Files.createTempDirectory("laurel-eligibility-bench");
    ConfigurableApplicationContext ctx =
        new SpringApplicationBuilder(LaurelApplication.class)
            .run(
                "--server.port=0",
                "--laurel.db.data-dir=" + work.resolve("pg"),
                "--laurel.db.embedded-temporary=true",
                "--laurel.demo.enabled=false",
                "--logging.level.root=WARN",
                "--spring.main.banner-mode=off");
    try {
      run(ctx, people);
    } finally {
      ctx.close();
    }
  }

  private static void run(ConfigurableApplicationContext ctx, int people) throws Exception {
    JdbcClient jdbc = ctx.getBean(JdbcClient.class);
    DataSource ds = ctx.getBean(DataSource.class);
    Units units = ctx.getBean(Units.class);
    Eligibility eligibility = ctx.getBean(Eligibility.class);
    int unitCount = 100;
    long[] unitIds = new long[unitCount];
    Access.runAsSystem(
        "bench",
        () -> {
          units.create(
              new NewUnit("B", "Tỉnh thử", UnitKind.PROVINCE, null, LocalDate.of(2000, 1, 1)));
          for (int i = 0; i < unitCount; i++) {
            unitIds[i] =
                units
                    .create(
                        new NewUnit(
                            "B." + i, "Xã " + i, UnitKind.COMMUNE, "B", LocalDate.of(2000, 1, 1)))
                    .id();
          }
        });
    long t0 = System.nanoTime();
    long firstPerson;
    try (Connection c = ds.getConnection()) {
      firstPerson =
          jdbc.sql("select coalesce(max(id), 0) + 1 from person").query(Long.class).single();
      copy(
          c,
          "copy person(id, unit_id, full_name, active) from stdin",
          out -> {
            StringBuilder b = new StringBuilder();
            for (int p = 0; p < people; p++) {
              b.setLength(0);
              b.append(firstPerson + p)
                  .append('\t')
                  .append(unitIds[p % unitCount])
                  .append("\tNgười ")
                  .append(p)
                  .append("\tt\n");
              out.write(b.toString().getBytes(StandardCharsets.UTF_8));
            }
          });
      jdbc.sql("select setval('person_id_seq', (select max(id) from person))").query().singleRow();
      jdbc.sql("drop index award_person_once").update();
      jdbc.sql("drop index award_person").update();
      jdbc.sql("drop index award_unit_year").update();
      SplittableRandom rnd = new SplittableRandom(42);
      copy(
          c,
          "copy award(recipient, person_id, unit_id, award_code, year, source) from stdin",
          out -> {
            StringBuilder b = new StringBuilder();
            for (int p = 0; p < people; p++) {
              long unit = unitIds[p % unitCount];
              for (int y = 2015; y <= 2024; y++) {
                // most years an advanced worker, some years a grassroots emulation soldier instead
                String code = rnd.nextInt(100) < 25 ? "CSTD_CS" : "LDTT";
                b.setLength(0);
                b.append("INDIVIDUAL\t")
                    .append(firstPerson + p)
                    .append('\t')
                    .append(unit)
                    .append('\t')
                    .append(code)
                    .append('\t')
                    .append(y)
                    .append("\tIMPORTED\n");
                out.write(b.toString().getBytes(StandardCharsets.US_ASCII));
              }
            }
          });
    }
    long loaded = System.nanoTime();
    jdbc.sql(
            "create unique index award_person_once on award(award_code, year, person_id) where person_id is not null")
        .update();
    jdbc.sql(
            "create index award_person on award(person_id, year) include (award_code) where person_id is not null")
        .update();
    jdbc.sql("create index award_unit_year on award(unit_id, year, award_code)").update();
    jdbc.sql("analyze award").update();
    jdbc.sql("analyze person").update();
    long indexed = System.nanoTime();
    long count = jdbc.sql("select count(*) from award").query(Long.class).single();
    StringBuilder report = new StringBuilder();
    report.append(
        "awards: %,d, people: %,d; COPY %.1f s, indexes %.1f s%n"
            .formatted(count, people, (loaded - t0) / 1e9, (indexed - loaded) / 1e9));

    SplittableRandom pick = new SplittableRandom(7);
    // single checks
    int warm = 500;
    int n = 3000;
    double[] engine = new double[n];
    double[] plain = new double[n];
    for (int i = -warm; i < n; i++) {
      long person = firstPerson + pick.nextInt(people);
      long s = System.nanoTime();
      Evaluation e = eligibility.check(Nominee.person(person), "CSTD_TINH", 2024);
      long m = System.nanoTime();
      List<Integer> years =
          jdbc.sql(
                  "select year from award where person_id = ? and award_code = 'CSTD_CS' and year between 2022 and 2024")
              .param(person)
              .query(Integer.class)
              .list();
      long end = System.nanoTime();
      if (i >= 0) {
        engine[i] = (m - s) / 1e6;
        plain[i] = (end - m) / 1e6;
      }
      if (e.conditions().isEmpty() || years == null) {
        throw new IllegalStateException();
      }
    }
    report.append(
        "one check (CSTD_TINH 2024, %d checks): engine p50 %.2f ms, p99 %.2f ms; plain indexed SQL p50 %.2f ms, p99 %.2f ms%n"
            .formatted(n, pct(engine, 50), pct(engine, 99), pct(plain, 50), pct(plain, 99)));
    // batches
    int batch = 10_000;
    List<Double> engineBatch = new ArrayList<>();
    List<Double> plainBatch = new ArrayList<>();
    for (int round = 0; round < 4; round++) {
      List<Nominee> nominees = new ArrayList<>(batch);
      Long[] ids = new Long[batch];
      for (int i = 0; i < batch; i++) {
        ids[i] = firstPerson + pick.nextInt(people);
        nominees.add(Nominee.person(ids[i]));
      }
      long s = System.nanoTime();
      List<Evaluation> r = eligibility.checkAll(nominees, "CSTD_TINH", 2024);
      long m = System.nanoTime();
      long rows =
          jdbc.sql(
                  "select count(*) from award where person_id = any(?) and award_code = 'CSTD_CS' and year between 2022 and 2024")
              .param(ids)
              .query(Long.class)
              .single();
      long end = System.nanoTime();
      if (r.size() != batch || rows < 0) {
        throw new IllegalStateException();
      }
      if (round > 0) {
        engineBatch.add((m - s) / 1e6);
        plainBatch.add((end - m) / 1e6);
      }
    }
    report.append(
        "batch of %,d (3 rounds after 1 warm-up): engine %s ms; plain indexed SQL %s ms%n"
            .formatted(batch, engineBatch, plainBatch));
    System.out.print(report);
    Path out = Path.of("target/bench/eligibility-benchmark.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report.toString());
  }

  private interface Writer {
    void write(OutputStream out) throws IOException;
  }

  private static void copy(Connection c, String sql, Writer writer) throws Exception {
    PipedInputStream in = new PipedInputStream(1 << 20);
    PipedOutputStream out = new PipedOutputStream(in);
    Thread producer =
        new Thread(
            () -> {
              try (OutputStream o = new java.io.BufferedOutputStream(out, 1 << 20)) {
                writer.write(o);
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    producer.start();
    c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, in);
    producer.join();
  }

  private static double pct(double[] values, int p) {
    double[] v = values.clone();
    Arrays.sort(v);
    return v[Math.min(v.length - 1, (int) Math.ceil(p / 100.0 * v.length) - 1)];
  }

  static {
    Locale.setDefault(Locale.ENGLISH);
  }
}
