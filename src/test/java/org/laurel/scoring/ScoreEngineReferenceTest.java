package org.laurel.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.laurel.scoring.PactDefinition.Band;
import org.laurel.scoring.PactDefinition.Criterion;
import org.laurel.scoring.PactDefinition.Group;
import org.laurel.scoring.PactDefinition.Measure;
import org.laurel.scoring.PactDefinition.Method;
import org.laurel.scoring.PactDefinition.Round;
import org.laurel.scoring.PactDefinition.Rule;
import org.laurel.scoring.PactDefinition.Weights;
import org.laurel.scoring.ScoreEngine.Figures;
import org.laurel.scoring.ScoreEngine.Inputs;
import org.laurel.scoring.ScoreEngine.Item;
import org.laurel.scoring.ScoreEngine.Mark;
import org.laurel.scoring.ScoreEngine.UnitIn;

/**
 * The fast engine gives exactly (scales included) what the straightforward one gives, on random
 * pacts and marks: trimmed mean or not, normalisation or not, odd weights, abstentions, scores with
 * more decimals or too large for the long arithmetic, marks of unknown units or criteria.
 */
class ScoreEngineReferenceTest {

  static final List<Weights> WEIGHTS =
      List.of(
          new Weights(d("0.2"), d("0.3"), d("0.5")),
          new Weights(d("1"), d("0"), d("2")),
          new Weights(d("0.125"), d("0.333"), d("0.5")),
          new Weights(d("0"), d("0"), d("0")),
          new Weights(d("1E+1"), d("3"), d("0.0000001")),
          new Weights(d("5000"), d("1"), d("1")));

  static final List<List<String>> CHAINS =
      List.of(List.of(), List.of("COUNCIL", "M1"), List.of("G2", "M3", "COUNCIL"), List.of("X"));

  static BigDecimal d(String s) {
    return new BigDecimal(s);
  }

  static BigDecimal points(Random rnd, int max) {
    return switch (rnd.nextInt(20)) {
      case 0 -> BigDecimal.valueOf(rnd.nextInt(max * 1000 + 1), 3);
      case 1 -> BigDecimal.valueOf(rnd.nextInt(max + 1));
      case 2 -> BigDecimal.valueOf(rnd.nextInt(max * 10 + 1), 1);
      case 3 -> BigDecimal.valueOf(rnd.nextInt(2_000_000_000), 2);
      case 4 -> BigDecimal.valueOf(-rnd.nextInt(max * 100 + 1), 2);
      case 5 -> BigDecimal.valueOf(rnd.nextInt(3) * max / 2);
      default -> BigDecimal.valueOf(rnd.nextInt(max * 100 + 1), 2);
    };
  }

  static Inputs randomInputs(Random rnd) {
    List<Group> groups = new ArrayList<>();
    int nm = 0;
    for (int g = 0; g < 1 + rnd.nextInt(3); g++) {
      List<Criterion> cs = new ArrayList<>();
      for (int c = 0; c < 1 + rnd.nextInt(3); c++) {
        cs.add(
            new Criterion(
                "M" + nm++,
                "Manual",
                BigDecimal.valueOf(5 + rnd.nextInt(20)),
                Method.MANUAL,
                null,
                null,
                null,
                null));
      }
      groups.add(new Group("G" + g, "Group", d("1000"), cs));
    }
    groups.add(
        new Group(
            "GX",
            "Others",
            d("1000"),
            List.of(
                new Criterion(
                    "I",
                    "Indicator",
                    d("30"),
                    Method.INDICATOR,
                    "IND",
                    Measure.ACHIEVEMENT,
                    null,
                    new Rule(null, d("100"), d("3"), d("110"), d("5"))),
                new Criterion("B", "Bonus", d("10"), Method.BONUS, null, null, null, null),
                new Criterion("P", "Penalty", d("10"), Method.PENALTY, null, null, null, null))));
    PactDefinition pact =
        new PactDefinition(
            null,
            null,
            groups,
            WEIGHTS.get(rnd.nextInt(WEIGHTS.size())),
            List.of(new Band(d("40"), "GOOD"), new Band(d("20"), "COMPLETE")),
            "NOT_COMPLETE",
            CHAINS.get(rnd.nextInt(CHAINS.size())),
            rnd.nextBoolean(),
            rnd.nextBoolean());
    List<UnitIn> units =
        IntStream.range(0, 2 + rnd.nextInt(12)).mapToObj(k -> new UnitIn("U" + k, "")).toList();
    Map<String, Map<String, Figures>> figures = new HashMap<>();
    List<Mark> marks = new ArrayList<>();
    List<Item> items = new ArrayList<>();
    for (UnitIn u : units) {
      BigDecimal value = BigDecimal.valueOf(80 + rnd.nextInt(40));
      figures.put(u.code(), Map.of("I", new Figures(value, d("100"), null, false)));
      for (int c = 0; c < nm; c++) {
        int max = pact.criteria().get(c).maxPoints().intValue();
        for (Round r : Round.values()) {
          if (rnd.nextInt(8) == 0) {
            continue;
          }
          int assessors = r == Round.CROSS ? rnd.nextInt(units.size() + 1) : 1 + rnd.nextInt(2);
          for (int a = 0; a < assessors; a++) {
            String assessor =
                switch (r) {
                  case SELF -> u.code();
                  case CROSS -> units.get(a).code();
                  case COUNCIL -> "COUNCIL" + a;
                };
            marks.add(
                new Mark(
                    r,
                    assessor,
                    u.code(),
                    "M" + c,
                    rnd.nextInt(6) == 0 ? null : points(rnd, max),
                    rnd.nextBoolean() ? "comment" : null,
                    rnd.nextInt(4) == 0 ? "evidence" : null));
          }
        }
      }
      if (rnd.nextBoolean()) {
        items.add(new Item(u.code(), "B", BigDecimal.valueOf(1 + rnd.nextInt(12)), "bonus"));
      }
    }
    // marks that no line asks for
    marks.add(new Mark(Round.SELF, "U0", "NOBODY", "M0", d("3"), null));
    marks.add(new Mark(Round.SELF, "U0", "U0", "NOTHING", d("3"), null));
    marks.add(new Mark(Round.SELF, "U0", "U0", "I", d("3"), null));
    Collections.shuffle(marks, rnd);
    return new Inputs(pact, 2024, units, figures, marks, items);
  }

  @Test
  void theFastEngineGivesExactlyWhatTheStraightforwardOneGives() {
    Random rnd = new Random(20261128);
    for (int trial = 0; trial < 500; trial++) {
      Inputs in = randomInputs(rnd);
      assertThat(ScoreEngine.compute(in))
          .as("trial %d", trial)
          .isEqualTo(ScoreEngine.compute(in, ReferenceScoreEngine.lines(in)));
    }
  }

  @Test
  void theSpreadInLongsRoundsLikeTheDecimalSquareRoot() {
    Random rnd = new Random(5);
    // half-way cases: 0 and 0.25 → 0.125 → 0.13; 0 and 0.01 → 0.005 → 0.01
    List<List<BigDecimal>> cases = new ArrayList<>();
    cases.add(List.of(d("0"), d("0.25")));
    cases.add(List.of(d("0"), d("0.01")));
    cases.add(List.of(d("0"), d("0.05")));
    cases.add(List.of(d("7"), d("7"), d("7")));
    for (int i = 0; i < 40_000; i++) {
      List<BigDecimal> xs = new ArrayList<>();
      int n = 2 + rnd.nextInt(i % 10 == 0 ? 60 : 5);
      int range = rnd.nextBoolean() ? 2001 : 1 + rnd.nextInt(50);
      for (int k = 0; k < n; k++) {
        xs.add(BigDecimal.valueOf(rnd.nextInt(range), 2));
      }
      cases.add(xs);
    }
    List<String> differ = new ArrayList<>();
    for (List<BigDecimal> xs : cases) {
      long sum = 0;
      long squares = 0;
      for (BigDecimal x : xs) {
        long h = ScoreEngine.hundredths(x);
        sum += h;
        squares += h * h;
      }
      BigDecimal fast = ScoreEngine.spreadOf(xs.size(), sum, squares);
      if (!ScoreEngine.spread(xs).equals(fast)) {
        differ.add(xs + ": " + fast);
      }
    }
    assertThat(differ).isEmpty();
  }
}
