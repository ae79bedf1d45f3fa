package org.laurel.scoring;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.laurel.scoring.PactDefinition.Band;
import org.laurel.scoring.PactDefinition.Criterion;
import org.laurel.scoring.PactDefinition.Group;
import org.laurel.scoring.PactDefinition.Method;
import org.laurel.scoring.PactDefinition.Round;
import org.laurel.scoring.PactDefinition.Weights;
import org.laurel.scoring.ScoreEngine.Inputs;
import org.laurel.scoring.ScoreEngine.Mark;
import org.laurel.scoring.ScoreEngine.Result;
import org.laurel.scoring.ScoreEngine.UnitIn;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.postgresql.PGConnection;

/**
 * Full recompute of 10,000 units × 50 manual criteria × 3 rounds (one synthetic score per unit,
 * criterion and round: 1,500,000 marks) through {@link ScoreEngine}, against one set-based SQL
 * query computing the same weighted totals on an embedded PostgreSQL, in the same run. The setup
 * checks that both give the same total for every unit.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class ScoreEngineBenchmark {

  static final int UNITS = 10_000;
  static final int CRITERIA = 50;

  Inputs inputs;
  EmbeddedPostgres pg;
  Connection db;

  static final String TOTALS =
      """
      with means as (
        select unit, criterion, round, round(avg(points), 2) as mean
        from bench_mark where points is not null group by unit, criterion, round),
      weighted as (
        select m.unit, m.criterion,
               least(round(sum(w.weight * m.mean) / sum(w.weight), 2), 20) as points
        from means m join bench_weight w on w.round = m.round and w.weight > 0
        group by m.unit, m.criterion)
      select unit, sum(points) as total, rank() over (order by sum(points) desc) as rank
      from weighted group by unit""";

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    List<Group> groups = new ArrayList<>();
    for (int g = 0; g < 5; g++) {
      List<Criterion> cs = new ArrayList<>();
      for (int c = 0; c < CRITERIA / 5; c++) {
        cs.add(
            new Criterion(
                "C" + (g * 10 + c), "Criterion", new BigDecimal("20"), Method.MANUAL, null, null,
                null, null));
      }
      groups.add(new Group("G" + g, "Group", new BigDecimal("200"), cs));
    }
    PactDefinition pact =
        new PactDefinition(
            null,
            null,
            groups,
            new Weights(new BigDecimal("0.2"), new BigDecimal("0.3"), new BigDecimal("0.5")),
            List.of(new Band(new BigDecimal("900"), "EXCELLENT")),
            "NOT_COMPLETE",
            List.of(),
            false);
    Random rnd = new Random(2024);
    List<UnitIn> units = new ArrayList<>();
    List<Mark> marks = new ArrayList<>(UNITS * CRITERIA * 3);
    StringBuilder copy = new StringBuilder();
    for (int u = 0; u < UNITS; u++) {
      units.add(new UnitIn("U" + u, "Unit " + u));
    }
    for (int u = 0; u < UNITS; u++) {
      for (int c = 0; c < CRITERIA; c++) {
        for (Round r : Round.values()) {
          String assessor =
              switch (r) {
                case SELF -> "U" + u;
                case CROSS -> "U" + ((u + 1) % UNITS);
                case COUNCIL -> "COUNCIL";
              };
          BigDecimal pts = BigDecimal.valueOf(rnd.nextInt(2001), 2);
          marks.add(new Mark(r, assessor, "U" + u, "C" + c, pts, null));
          copy.append(r.name()).append(',').append(u).append(',').append(c).append(',');
          copy.append(pts.toPlainString()).append('\n');
        }
      }
    }
    inputs = new Inputs(pact, 2024, units, Map.of(), marks, List.of());

    pg = EmbeddedPostgres.builder().start();
    db = pg.getPostgresDatabase().getConnection();
    try (Statement st = db.createStatement()) {
      st.execute(
          "create table bench_mark(round text, unit int, criterion int, points numeric(10,2))");
      st.execute("create table bench_weight(round text primary key, weight numeric)");
      st.execute(
          "insert into bench_weight values ('SELF', 0.2), ('CROSS', 0.3), ('COUNCIL', 0.5)");
    }
    db.unwrap(PGConnection.class)
        .getCopyAPI()
        .copyIn("copy bench_mark from stdin (format csv)", new StringReader(copy.toString()));
    try (Statement st = db.createStatement()) {
      st.execute("analyze bench_mark");
    }
    // both must agree on every unit's total
    Map<String, BigDecimal> engine = new HashMap<>();
    for (Result r : ScoreEngine.compute(inputs)) {
      engine.put(r.unit(), r.total());
    }
    int differ = 0;
    try (Statement st = db.createStatement();
        ResultSet rs = st.executeQuery(TOTALS)) {
      while (rs.next()) {
        if (engine.get("U" + rs.getInt(1)).compareTo(rs.getBigDecimal(2)) != 0) {
          differ++;
        }
      }
    }
    if (differ > 0) {
      throw new IllegalStateException(differ + " units have different totals in SQL");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    db.close();
    pg.close();
  }

  @Benchmark
  public List<Result> engine() {
    return ScoreEngine.compute(inputs);
  }

  /**
   * The recompute, then every unit's explanation read once, line by line (as publishing does when
   * it stores them): the explanations are computed when read, so this is the full cost.
   */
  @Benchmark
  public long engineAndExplanations() {
    long scores = 0;
    for (Result r : ScoreEngine.compute(inputs)) {
      for (ScoreEngine.Line l : r.explanation().criteria()) {
        if (l.rounds() != null) {
          for (ScoreEngine.RoundPart p : l.rounds()) {
            scores += p.scores().size();
          }
        }
      }
    }
    return scores;
  }

  @Benchmark
  public int sql() throws Exception {
    int n = 0;
    try (Statement st = db.createStatement();
        ResultSet rs = st.executeQuery(TOTALS)) {
      while (rs.next()) {
        n += rs.getInt(3);
      }
    }
    return n;
  }
}
