package org.laurel.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.laurel.scoring.PactDefinition.Band;
import org.laurel.scoring.PactDefinition.Criterion;
import org.laurel.scoring.PactDefinition.Group;
import org.laurel.scoring.PactDefinition.Measure;
import org.laurel.scoring.PactDefinition.Method;
import org.laurel.scoring.PactDefinition.Round;
import org.laurel.scoring.PactDefinition.Rule;
import org.laurel.scoring.PactDefinition.Step;
import org.laurel.scoring.PactDefinition.Weights;
import org.laurel.scoring.ScoreEngine.Figures;
import org.laurel.scoring.ScoreEngine.Inputs;
import org.laurel.scoring.ScoreEngine.Item;
import org.laurel.scoring.ScoreEngine.Line;
import org.laurel.scoring.ScoreEngine.Mark;
import org.laurel.scoring.ScoreEngine.Result;
import org.laurel.scoring.ScoreEngine.UnitIn;

/** The pact's arithmetic against figures computed by hand, and properties over random inputs. */
class ScoreEngineTest {

  static BigDecimal d(String s) {
    return new BigDecimal(s);
  }

  static Criterion indicator(String code, String max, Measure m, Rule rule) {
    return new Criterion(code, code, d(max), Method.INDICATOR, "IND", m, null, rule);
  }

  static Criterion manual(String code, String max) {
    return new Criterion(code, code, d(max), Method.MANUAL, null, null, null, null);
  }

  static Criterion item(String code, String max, Method m) {
    return new Criterion(code, code, d(max), m, null, null, null, null);
  }

  static PactDefinition pact(boolean trimmed, List<String> tieBreak, Criterion... cs) {
    return new PactDefinition(
        null,
        null,
        List.of(new Group("G", "Group", d("1000"), List.of(cs))),
        new Weights(d("0.2"), d("0.3"), d("0.5")),
        List.of(
            new Band(d("900"), "EXCELLENT"),
            new Band(d("800"), "GOOD"),
            new Band(d("650"), "COMPLETE")),
        "NOT_COMPLETE",
        tieBreak,
        trimmed);
  }

  static final Rule BANDS =
      new Rule(
          List.of(
              new Step(d("90"), d("20")), new Step(d("80"), d("10")), new Step(d("100"), d("30"))),
          null,
          null,
          null,
          null);

  /** "≥ 100 % → 60 points; 3 points less per 1 % short; above 110 % → 5 bonus points". */
  static final Rule LINEAR = new Rule(null, d("100"), d("3"), d("110"), d("5"));

  static Figures achieved(String value, String estimate) {
    return new Figures(d(value), d(estimate), null, false);
  }

  @Nested
  class IndicatorCriteria {

    BigDecimal points(Criterion c, Figures f) {
      var p = ScoreEngine.indicator(c, "2024", f);
      return p.base().add(p.bonus());
    }

    @Test
    void bandsGiveThePointsOfTheHighestBandReached() {
      Criterion c = indicator("B", "30", Measure.ACHIEVEMENT, BANDS);
      assertThat(points(c, achieved("79.99", "100"))).isEqualByComparingTo("0");
      assertThat(points(c, achieved("80", "100"))).isEqualByComparingTo("10");
      assertThat(points(c, achieved("95", "100"))).isEqualByComparingTo("20");
      assertThat(points(c, achieved("100", "100"))).isEqualByComparingTo("30");
      assertThat(points(c, achieved("240", "200"))).isEqualByComparingTo("30");
    }

    @Test
    void linearLosesPointsPerPercentShortWithFloorCapAndBonus() {
      Criterion c = indicator("L", "60", Measure.ACHIEVEMENT, LINEAR);
      // 19,500 of 20,000 = 97.50 %: 60 − 3 × 2.5 = 52.5
      var p = ScoreEngine.indicator(c, "2024", achieved("19500", "20000"));
      assertThat(p.percent()).isEqualByComparingTo("97.50");
      assertThat(p.base()).isEqualByComparingTo("52.50");
      assertThat(p.bonus()).isEqualByComparingTo("0");
      assertThat(p.rule()).contains("linear", "60", "100", "3", "bonus 5 above 110");
      // exactly 110 %: capped at 60, no bonus (bonus is above the threshold)
      assertThat(points(c, achieved("110", "100"))).isEqualByComparingTo("60");
      // 111 %: 60 + 5
      assertThat(points(c, achieved("111", "100"))).isEqualByComparingTo("65");
      // 70 %: 60 − 90 → floor 0
      assertThat(points(c, achieved("70", "100"))).isEqualByComparingTo("0");
    }

    @Test
    void growthAgainstLastYear() {
      Criterion c =
          indicator(
              "G",
              "20",
              Measure.GROWTH,
              new Rule(
                  List.of(
                      new Step(d("0"), d("5")),
                      new Step(d("10"), d("15")),
                      new Step(d("15"), d("20"))),
                  null,
                  null,
                  null,
                  null));
      var p = ScoreEngine.indicator(c, "2024", new Figures(d("114"), null, d("100"), false));
      assertThat(p.percent()).isEqualByComparingTo("14.00");
      assertThat(p.base()).isEqualByComparingTo("15");
      // shrinking: below every band
      assertThat(points(c, new Figures(d("95"), null, d("100"), false))).isEqualByComparingTo("0");
    }

    @Test
    void lowerIsBetterTurnsTheRatioAround() {
      // poverty 2.0 % against an estimate of 2.5 %: 2.5 / 2.0 = 125 % achieved
      assertThat(
              ScoreEngine.percent(Measure.ACHIEVEMENT, new Figures(d("2.0"), d("2.5"), null, true)))
          .isEqualByComparingTo("125.00");
      // from 3.0 % to 2.7 %: a reduction of 10 %
      assertThat(ScoreEngine.percent(Measure.GROWTH, new Figures(d("2.7"), null, d("3.0"), true)))
          .isEqualByComparingTo("10.00");
    }

    @Test
    void noFigureGivesNoPointsAndSaysSo() {
      Criterion c = indicator("L", "60", Measure.ACHIEVEMENT, LINEAR);
      var p = ScoreEngine.indicator(c, "2024", new Figures(d("10"), null, null, false));
      assertThat(p.percent()).isNull();
      assertThat(p.base().add(p.bonus())).isEqualByComparingTo("0");
      List<Result> r =
          ScoreEngine.compute(
              new Inputs(
                  pact(false, List.of(), c),
                  2024,
                  List.of(new UnitIn("A", "A")),
                  Map.of(),
                  List.of(),
                  List.of()));
      assertThat(r.get(0).explanation().criteria().get(0).note()).contains("no accepted figure");
    }
  }

  @Nested
  class ManualCriteria {

    static Mark mark(Round r, String assessor, String unit, String points) {
      return new Mark(r, assessor, unit, "M", points == null ? null : d(points), null);
    }

    List<Result> run(boolean trimmed, List<Mark> marks) {
      return ScoreEngine.compute(
          new Inputs(
              pact(trimmed, List.of(), manual("M", "10")),
              2024,
              List.of(new UnitIn("A", "A")),
              Map.of(),
              marks,
              List.of()));
    }

    @Test
    void anAbstentionLeavesTheDenominator() {
      List<Result> r =
          run(
              false,
              List.of(
                  mark(Round.CROSS, "B", "A", "8"),
                  mark(Round.CROSS, "C", "A", "9"),
                  mark(Round.CROSS, "D", "A", null),
                  mark(Round.CROSS, "E", "A", "10")));
      var cross = r.get(0).explanation().criteria().get(0).rounds().get(1);
      assertThat(cross.round()).isEqualTo(Round.CROSS);
      // (8 + 9 + 10) / 3, not / 4
      assertThat(cross.mean()).isEqualByComparingTo("9.00");
      assertThat(cross.abstained()).containsExactly("D");
      // only the cross round has scores: its mean is the criterion's points
      assertThat(r.get(0).total()).isEqualByComparingTo("9.00");
    }

    @Test
    void theTrimmedMeanDropsTheLowestAndHighestOfFiveOrMore() {
      List<Mark> five =
          List.of(
              mark(Round.CROSS, "B", "A", "2"),
              mark(Round.CROSS, "C", "A", "7"),
              mark(Round.CROSS, "D", "A", "8"),
              mark(Round.CROSS, "E", "A", "9"),
              mark(Round.CROSS, "F", "A", "10"));
      var trimmed = run(true, five).get(0).explanation().criteria().get(0).rounds().get(1);
      assertThat(trimmed.mean()).isEqualByComparingTo("8.00"); // (7 + 8 + 9) / 3
      assertThat(trimmed.dropped()).containsExactly("B", "F");
      // plain mean: 36 / 5
      assertThat(run(false, five).get(0).total()).isEqualByComparingTo("7.20");
      // four scores are too few to trim: (2 + 7 + 8 + 9) / 4 = 6.5
      assertThat(run(true, five.subList(0, 4)).get(0).total()).isEqualByComparingTo("6.50");
    }

    @Test
    void roundsAreWeightedAndAMissingRoundIsLeftOutOfTheWeights() {
      List<Mark> all =
          List.of(
              mark(Round.SELF, "A", "A", "10"),
              mark(Round.CROSS, "B", "A", "7"),
              mark(Round.CROSS, "C", "A", "9"),
              mark(Round.COUNCIL, "COUNCIL", "A", "6"));
      // 0.2 × 10 + 0.3 × 8 + 0.5 × 6 = 2 + 2.4 + 3
      assertThat(run(false, all).get(0).total()).isEqualByComparingTo("7.40");
      // without the council: (0.2 × 10 + 0.3 × 8) / 0.5 = 8.8
      assertThat(run(false, all.subList(0, 3)).get(0).total()).isEqualByComparingTo("8.80");
      // nobody scored: 0, and the explanation says so
      Result none = run(false, List.of()).get(0);
      assertThat(none.total()).isEqualByComparingTo("0");
      assertThat(none.explanation().criteria().get(0).note()).isEqualTo("no submitted scores");
    }
  }

  /**
   * Per-assessor z-score normalisation, by hand. Cross round only, criterion M (max 10). X scored
   * A..E 1, 2, 3, 4, 5 (mean 3, sd √2); Y scored B..F 6, 7, 8, 9, 10 (mean 8, sd √2). All ten
   * scores: mean 5.5, sd √8.25. So a score becomes 5.5 + √8.25 / √2 × (x − mA) = 5.5 + 2.031010 ×
   * (x − mA): X's 1..5 → 1.44, 3.47, 5.50, 7.53, 9.56; Y's 6..10 the same.
   */
  @Nested
  class Normalisation {

    static Mark cross(String assessor, String unit, String points) {
      return new Mark(Round.CROSS, assessor, unit, "M", d(points), null);
    }

    static PactDefinition normalising() {
      PactDefinition p = pact(false, List.of(), manual("M", "10"));
      return new PactDefinition(
          null,
          null,
          p.groups(),
          p.weights(),
          p.classification(),
          p.otherwise(),
          List.of(),
          false,
          true);
    }

    /** The assessor's scores of consecutive units from {@code first} on. */
    static List<Mark> scores(String assessor, char first, int... points) {
      List<Mark> out = new ArrayList<>();
      for (int i = 0; i < points.length; i++) {
        out.add(cross(assessor, Character.toString(first + i), Integer.toString(points[i])));
      }
      return out;
    }

    static final List<Mark> MARKS = new ArrayList<>();

    static {
      MARKS.addAll(scores("X", 'A', 1, 2, 3, 4, 5));
      MARKS.addAll(scores("Y", 'B', 6, 7, 8, 9, 10));
    }

    static Map<String, Result> run(PactDefinition p, List<Mark> marks) {
      List<UnitIn> units =
          List.of("A", "B", "C", "D", "E", "F").stream().map(u -> new UnitIn(u, u)).toList();
      return ScoreEngine.compute(new Inputs(p, 2024, units, Map.of(), marks, List.of())).stream()
          .collect(Collectors.toMap(Result::unit, r -> r));
    }

    @Test
    void scoresOfAssessorsWithFiveUnitsAreMappedOntoThePool() {
      Map<Mark, BigDecimal> n = ScoreEngine.normalise(normalising(), MARKS);
      List<String> expected =
          List.of("1.44", "3.47", "5.50", "7.53", "9.56", "1.44", "3.47", "5.50", "7.53", "9.56");
      for (int i = 0; i < MARKS.size(); i++) {
        assertThat(n.get(MARKS.get(i))).as("mark %d", i).isEqualByComparingTo(expected.get(i));
      }
    }

    @Test
    void totalsUseTheNormalisedMeansAndKeepTheRawOnesBeside() {
      Map<String, Result> r = run(normalising(), MARKS);
      // B: (3.47 + 1.44) / 2 = 2.455 → 2.46; raw (2 + 6) / 2 = 4
      assertThat(r.get("B").total()).isEqualByComparingTo("2.46");
      assertThat(r.get("B").rawTotal()).isEqualByComparingTo("4.00");
      // C: (5.50 + 3.47) / 2 = 4.485 → 4.49; D: (7.53 + 5.50) / 2 = 6.515 → 6.52
      assertThat(r.get("C").total()).isEqualByComparingTo("4.49");
      assertThat(r.get("D").total()).isEqualByComparingTo("6.52");
      // A: only X, 1.44 (raw 1); F: only Y, 9.56 (raw 10)
      assertThat(r.get("A").total()).isEqualByComparingTo("1.44");
      assertThat(r.get("F").total()).isEqualByComparingTo("9.56");
      assertThat(r.get("F").rawTotal()).isEqualByComparingTo("10.00");
      assertThat(r.get("F").rank()).isEqualTo(1);
      assertThat(r.get("F").rawRank()).isEqualTo(1);
      Line b = r.get("B").explanation().criteria().get(0);
      assertThat(b.rawPoints()).isEqualByComparingTo("4.00");
      var crossB = b.rounds().get(1);
      assertThat(crossB.mean()).isEqualByComparingTo("2.46");
      assertThat(crossB.rawMean()).isEqualByComparingTo("4.00");
      assertThat(crossB.scores())
          .extracting(ScoreEngine.Score::normalised)
          .usingElementComparator(BigDecimal::compareTo)
          .containsExactly(d("3.47"), d("1.44"));
    }

    @Test
    void anAssessorWithFourUnitsOrNoSpreadCountsRaw() {
      // X without E: four units; Y all 8: no spread
      List<Mark> marks = new ArrayList<>(scores("X", 'A', 1, 2, 3, 4));
      marks.addAll(scores("Y", 'B', 8, 8, 8, 8, 8));
      assertThat(ScoreEngine.normalise(normalising(), marks)).isEmpty();
      Map<String, Result> r = run(normalising(), marks);
      assertThat(r.get("B").total()).isEqualByComparingTo("5.00");
      assertThat(r.get("B").total()).isEqualByComparingTo(r.get("B").rawTotal());
    }

    @Test
    void withoutTheOptionScoresCountRawAndTheRawResultIsTheResult() {
      Map<String, Result> r = run(pact(false, List.of(), manual("M", "10")), MARKS);
      assertThat(r.get("B").total()).isEqualByComparingTo("4.00");
      r.values()
          .forEach(
              x -> {
                assertThat(x.rawTotal()).isEqualByComparingTo(x.total());
                assertThat(x.rawRank()).isEqualTo(x.rank());
              });
    }

    @Test
    void theSpreadIsThePopulationStandardDeviationOfTheRawScores() {
      Map<String, Result> r = run(normalising(), MARKS);
      // B: 2 and 6 → sd 2; A: one score → none
      assertThat(r.get("B").explanation().criteria().get(0).spread()).isEqualByComparingTo("2.00");
      assertThat(r.get("A").explanation().criteria().get(0).spread()).isNull();
      // 1, 2, 4: mean 7/3, variance (16/9 + 1/9 + 25/9) / 3 = 14/9, sd 1.2472 → 1.25
      assertThat(ScoreEngine.spread(List.of(d("1"), d("2"), d("4")))).isEqualByComparingTo("1.25");
    }
  }

  @Test
  void bonusAndPenaltyItemsAreCappedPerCriterion() {
    PactDefinition p =
        pact(
            false,
            List.of(),
            item("PLUS", "20", Method.BONUS),
            item("MINUS", "10", Method.PENALTY));
    List<Item> items =
        List.of(
            new Item("A", "PLUS", d("5"), "Cờ thi đua của Chính phủ"),
            new Item("A", "MINUS", d("6"), "Báo cáo chậm"),
            new Item("A", "MINUS", d("7"), "Vi phạm qua thanh tra"));
    Result r =
        ScoreEngine.compute(
                new Inputs(p, 2024, List.of(new UnitIn("A", "A")), Map.of(), List.of(), items))
            .get(0);
    var lines = r.explanation().criteria();
    assertThat(lines.get(0).points()).isEqualByComparingTo("5");
    // 6 + 7 = 13, capped at 10
    assertThat(lines.get(1).points()).isEqualByComparingTo("-10");
    assertThat(lines.get(1).note()).isEqualTo("capped at 10");
    assertThat(lines.get(1).items()).extracting(i -> i.reason()).hasSize(2);
    assertThat(r.total()).isEqualByComparingTo("-5");
  }

  @Test
  void classificationBandsIncludeTheirLowerBound() {
    List<Band> bands =
        List.of(
            new Band(d("800"), "GOOD"),
            new Band(d("900"), "EXCELLENT"),
            new Band(d("650"), "COMPLETE"));
    assertThat(ScoreEngine.classify(bands, "NOT_COMPLETE", d("900"))).isEqualTo("EXCELLENT");
    assertThat(ScoreEngine.classify(bands, "NOT_COMPLETE", d("899.99"))).isEqualTo("GOOD");
    assertThat(ScoreEngine.classify(bands, "NOT_COMPLETE", d("650"))).isEqualTo("COMPLETE");
    assertThat(ScoreEngine.classify(bands, "NOT_COMPLETE", d("649.99"))).isEqualTo("NOT_COMPLETE");
  }

  @Nested
  class Ties {

    /** Three units: A and B equal in total (A better in council), C lower. */
    List<Result> run(List<String> chain) {
      PactDefinition p = pact(false, chain, manual("M", "100"), manual("N", "100"));
      List<Mark> marks = new ArrayList<>();
      // A: M council 60, N council 40 → 100; B: M council 40, N council 60 → 100 as well
      marks.add(new Mark(Round.COUNCIL, "COUNCIL", "A", "M", d("60"), null));
      marks.add(new Mark(Round.COUNCIL, "COUNCIL", "A", "N", d("40"), null));
      marks.add(new Mark(Round.COUNCIL, "COUNCIL", "B", "M", d("40"), null));
      marks.add(new Mark(Round.COUNCIL, "COUNCIL", "B", "N", d("60"), null));
      marks.add(new Mark(Round.COUNCIL, "COUNCIL", "C", "M", d("30"), null));
      marks.add(new Mark(Round.COUNCIL, "COUNCIL", "C", "N", d("30"), null));
      return compute(p, marks);
    }

    Map<String, Integer> ranks(List<Result> rs) {
      return rs.stream().collect(Collectors.toMap(Result::unit, Result::rank));
    }

    @Test
    void unresolvedTiesShareARankAndTheNextRankIsSkipped() {
      assertThat(ranks(run(List.of())))
          .containsEntry("A", 1)
          .containsEntry("B", 1)
          .containsEntry("C", 3);
      // the council component cannot separate them (100 each): still equal, never by name or code
      assertThat(ranks(run(List.of("COUNCIL")))).containsEntry("A", 1).containsEntry("B", 1);
    }

    @Test
    void theChainSeparatesTiesInItsOrder() {
      assertThat(ranks(run(List.of("M"))))
          .containsEntry("A", 1)
          .containsEntry("B", 2)
          .containsEntry("C", 3);
      assertThat(ranks(run(List.of("N", "M")))).containsEntry("B", 1).containsEntry("A", 2);
      // a key that does not separate is passed over to the next
      List<Result> r = run(List.of("COUNCIL", "G", "N"));
      assertThat(ranks(r)).containsEntry("B", 1).containsEntry("A", 2);
      assertThat(r.get(0).explanation().tieBreak()).containsKeys("COUNCIL", "G", "N");
    }

    /** A unit's self, cross and council scores of one criterion (null: none in that round). */
    void rounds(
        List<Mark> marks,
        String unit,
        String criterion,
        @org.jspecify.annotations.Nullable String self,
        @org.jspecify.annotations.Nullable String cross,
        String council) {
      if (self != null) {
        marks.add(new Mark(Round.SELF, unit, unit, criterion, d(self), null));
      }
      if (cross != null) {
        marks.add(new Mark(Round.CROSS, "X", unit, criterion, d(cross), null));
      }
      marks.add(new Mark(Round.COUNCIL, "COUNCIL", unit, criterion, d(council), null));
    }

    List<Result> compute(PactDefinition p, List<Mark> marks) {
      return ScoreEngine.compute(
          new Inputs(
              p,
              2024,
              List.of(new UnitIn("C", "Cc"), new UnitIn("B", "Bb"), new UnitIn("A", "Zz")),
              Map.of(),
              marks,
              List.of()));
    }

    Result of(List<Result> rs, String unit) {
      return rs.stream().filter(r -> r.unit().equals(unit)).findFirst().orElseThrow();
    }

    /** Weights self 0.2, cross 0.3, council 0.5. */
    List<Mark> councilDiffersFromTotal() {
      List<Mark> marks = new ArrayList<>();
      // A: 0.2 × 80 + 0.3 × 70 + 0.5 × 60 = 16 + 21 + 30 = 67.00; council 60
      rounds(marks, "A", "M", "80", "70", "60");
      // B: 0.2 × 90 + 0.3 × 60 + 0.5 × 62 = 18 + 18 + 31 = 67.00; council 62
      rounds(marks, "B", "M", "90", "60", "62");
      // C: 50 in every round = 50.00
      rounds(marks, "C", "M", "50", "50", "50");
      return marks;
    }

    @Test
    void theCouncilComponentSeparatesEqualTotalsFromSeveralRounds() {
      List<Mark> marks = councilDiffersFromTotal();
      List<Result> plain = compute(pact(false, List.of(), manual("M", "100")), marks);
      assertThat(of(plain, "A").total()).isEqualByComparingTo("67.00");
      assertThat(of(plain, "B").total()).isEqualByComparingTo("67.00");
      assertThat(ranks(plain)).containsEntry("A", 1).containsEntry("B", 1).containsEntry("C", 3);
      List<Result> r = compute(pact(false, List.of("COUNCIL"), manual("M", "100")), marks);
      // council 62 > 60: B first, though A's self and cross scores are higher
      assertThat(ranks(r)).containsEntry("B", 1).containsEntry("A", 2).containsEntry("C", 3);
      assertThat(of(r, "A").explanation().tieBreak()).containsEntry("COUNCIL", d("60.00"));
      assertThat(of(r, "B").explanation().tieBreak()).containsEntry("COUNCIL", d("62.00"));
      // the component is the council's mean, not the total nor the weighted council share
      assertThat(of(r, "B").explanation().tieBreak().get("COUNCIL"))
          .isNotEqualByComparingTo(of(r, "B").total());
    }

    @Test
    void aNamedCriterionSeparatesWhenTheCouncilComponentIsEqual() {
      PactDefinition p =
          pact(false, List.of("COUNCIL", "N"), manual("M", "100"), manual("N", "100"));
      List<Mark> marks = new ArrayList<>();
      // A: M 14 + 21 + 25 = 60, N 60: total 120, council 50 + 50 = 100
      rounds(marks, "A", "M", "70", "70", "50");
      rounds(marks, "A", "N", "70", "70", "50");
      // B: M 16 + 24 + 25 = 65, N 12 + 18 + 25 = 55: total 120, council 100
      rounds(marks, "B", "M", "80", "80", "50");
      rounds(marks, "B", "N", "60", "60", "50");
      rounds(marks, "C", "M", "50", "50", "50");
      rounds(marks, "C", "N", "50", "50", "50");
      List<Result> r = compute(p, marks);
      assertThat(of(r, "A").total()).isEqualByComparingTo("120.00");
      assertThat(of(r, "B").total()).isEqualByComparingTo("120.00");
      // N: A 60 > B 55
      assertThat(ranks(r)).containsEntry("A", 1).containsEntry("B", 2).containsEntry("C", 3);
      assertThat(of(r, "A").explanation().tieBreak())
          .containsEntry("COUNCIL", d("100.00"))
          .containsEntry("N", d("60.00"));
      assertThat(of(r, "B").explanation().tieBreak())
          .containsEntry("COUNCIL", d("100.00"))
          .containsEntry("N", d("55.00"));
      // M the other way round: B 65 > A 60
      PactDefinition byM =
          pact(false, List.of("COUNCIL", "M"), manual("M", "100"), manual("N", "100"));
      assertThat(ranks(compute(byM, marks))).containsEntry("B", 1).containsEntry("A", 2);
    }

    @Test
    void aGroupTotalSeparatesWhenTheCouncilComponentIsEqual() {
      List<String> chain = List.of("COUNCIL", "G2");
      PactDefinition p =
          new PactDefinition(
              null,
              null,
              List.of(
                  new Group("G1", "One", d("100"), List.of(manual("M", "100"))),
                  new Group(
                      "G2", "Two", d("200"), List.of(manual("N", "100"), manual("P", "100")))),
              new Weights(d("0.2"), d("0.3"), d("0.5")),
              List.of(new Band(d("900"), "EXCELLENT")),
              "NOT_COMPLETE",
              chain,
              false);
      List<Mark> marks = new ArrayList<>();
      // council only: A M 40, N 30, P 30 → total 100, council 100, G2 60
      rounds(marks, "A", "M", null, null, "40");
      rounds(marks, "A", "N", null, null, "30");
      rounds(marks, "A", "P", null, null, "30");
      // B M 50, N 35, P 15 → total 100, council 100, G2 50 (yet N 35 > A's 30)
      rounds(marks, "B", "M", null, null, "50");
      rounds(marks, "B", "N", null, null, "35");
      rounds(marks, "B", "P", null, null, "15");
      rounds(marks, "C", "M", null, null, "10");
      List<Result> r = compute(p, marks);
      assertThat(ranks(r)).containsEntry("A", 1).containsEntry("B", 2).containsEntry("C", 3);
      assertThat(of(r, "A").explanation().tieBreak()).containsEntry("G2", d("60.00"));
      assertThat(of(r, "B").explanation().tieBreak()).containsEntry("G2", d("50.00"));
      // the criterion N instead: B first
      PactDefinition byN =
          new PactDefinition(
              null,
              null,
              p.groups(),
              p.weights(),
              p.classification(),
              p.otherwise(),
              List.of("COUNCIL", "N"),
              false);
      assertThat(ranks(compute(byN, marks))).containsEntry("B", 1).containsEntry("A", 2);
    }

    @Test
    void unitsEqualOnTheWholeChainShareTheRank() {
      List<Mark> marks = new ArrayList<>();
      // A: 16 + 18 + 30 = 64; B: 10 + 24 + 30 = 64; both council 60: different sheets, same keys
      rounds(marks, "A", "M", "80", "60", "60");
      rounds(marks, "B", "M", "50", "80", "60");
      rounds(marks, "C", "M", "90", "90", "90");
      List<Result> r =
          compute(pact(false, List.of("COUNCIL", "M", "G"), manual("M", "100")), marks);
      // C: 90; then A and B share 2nd, and nobody is 3rd
      assertThat(ranks(r)).containsEntry("C", 1).containsEntry("A", 2).containsEntry("B", 2);
      assertThat(of(r, "A").explanation().tieBreak())
          .isEqualTo(of(r, "B").explanation().tieBreak())
          .containsEntry("COUNCIL", d("60.00"))
          .containsEntry("M", d("64.00"))
          .containsEntry("G", d("64.00"));
      assertThat(r).extracting(Result::rank).containsExactly(1, 2, 2);
      // listed within the shared rank by code, for display only
      assertThat(r).extracting(Result::unit).containsExactly("C", "A", "B");
    }
  }

  // ---- properties over random pacts and scores

  record World(
      PactDefinition pact,
      List<UnitIn> units,
      Map<String, Map<String, Figures>> figures,
      List<Mark> marks,
      List<Item> items) {
    List<Result> run() {
      return ScoreEngine.compute(new Inputs(pact, 2024, units, figures, marks, items));
    }
  }

  static World randomWorld(Random rnd) {
    return randomWorld(rnd, false);
  }

  /** With {@code mayNormalise}, half of the worlds normalise per assessor. */
  static World randomWorld(Random rnd, boolean mayNormalise) {
    List<Criterion> cs =
        List.of(
            indicator("I1", "60", Measure.ACHIEVEMENT, LINEAR),
            indicator("I2", "30", Measure.GROWTH, BANDS),
            manual("M1", "10"),
            manual("M2", "20"),
            item("B", "10", Method.BONUS),
            item("P", "10", Method.PENALTY));
    PactDefinition raw =
        pact(rnd.nextBoolean(), List.of("COUNCIL", "M1"), cs.toArray(Criterion[]::new));
    PactDefinition p =
        new PactDefinition(
            null,
            null,
            raw.groups(),
            raw.weights(),
            raw.classification(),
            raw.otherwise(),
            raw.tieBreak(),
            raw.trimmedMean(),
            mayNormalise && rnd.nextBoolean());
    int n = 3 + rnd.nextInt(8);
    List<UnitIn> units = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      units.add(new UnitIn("U" + i, "Unit " + i));
    }
    Map<String, Map<String, Figures>> figures = new HashMap<>();
    List<Mark> marks = new ArrayList<>();
    List<Item> items = new ArrayList<>();
    for (UnitIn u : units) {
      figures.put(
          u.code(),
          Map.of(
              "I1", new Figures(BigDecimal.valueOf(80 + rnd.nextInt(40)), d("100"), null, false),
              "I2", new Figures(BigDecimal.valueOf(90 + rnd.nextInt(30)), null, d("100"), false)));
      for (String c : List.of("M1", "M2")) {
        int max = c.equals("M1") ? 10 : 20;
        // coarse scores so that ties happen
        marks.add(
            new Mark(
                Round.SELF,
                u.code(),
                u.code(),
                c,
                BigDecimal.valueOf(rnd.nextInt(3) * max / 2),
                null));
        marks.add(
            new Mark(
                Round.COUNCIL,
                "COUNCIL",
                u.code(),
                c,
                BigDecimal.valueOf(rnd.nextInt(3) * max / 2),
                null));
        for (UnitIn a : units) {
          if (a != u) {
            int k = rnd.nextInt(4);
            marks.add(
                new Mark(
                    Round.CROSS,
                    a.code(),
                    u.code(),
                    c,
                    k == 3 ? null : BigDecimal.valueOf(k * max / 2),
                    null));
          }
        }
      }
      if (rnd.nextBoolean()) {
        items.add(new Item(u.code(), "B", BigDecimal.valueOf(1 + rnd.nextInt(12)), "bonus"));
      }
      if (rnd.nextBoolean()) {
        items.add(new Item(u.code(), "P", BigDecimal.valueOf(1 + rnd.nextInt(12)), "penalty"));
      }
    }
    return new World(p, units, figures, marks, items);
  }

  @Test
  void renamingOrReorderingUnitsNeverChangesTheRanks() {
    Random rnd = new Random(20240101);
    for (int trial = 0; trial < 300; trial++) {
      // with and without the per-assessor normalisation
      World w = randomWorld(rnd, true);
      Map<String, Integer> before =
          w.run().stream().collect(Collectors.toMap(Result::unit, Result::rank));
      // rename: new codes in reverse alphabetical order, new names; then shuffle everything
      Function<String, String> rename = c -> "Z" + (99 - Integer.parseInt(c.substring(1)));
      List<UnitIn> units =
          new ArrayList<>(
              w.units().stream()
                  .map(u -> new UnitIn(rename.apply(u.code()), "Đơn vị " + u.name()))
                  .toList());
      Collections.shuffle(units, rnd);
      Map<String, Map<String, Figures>> figures = new HashMap<>();
      w.figures().forEach((k, v) -> figures.put(rename.apply(k), v));
      List<Mark> marks =
          new ArrayList<>(
              w.marks().stream()
                  .map(
                      m ->
                          new Mark(
                              m.round(),
                              m.assessor().equals("COUNCIL")
                                  ? "COUNCIL"
                                  : rename.apply(m.assessor()),
                              rename.apply(m.unit()),
                              m.criterion(),
                              m.points(),
                              m.comment()))
                  .toList());
      Collections.shuffle(marks, rnd);
      List<Item> items =
          new ArrayList<>(
              w.items().stream()
                  .map(i -> new Item(rename.apply(i.unit()), i.criterion(), i.points(), i.reason()))
                  .toList());
      Collections.shuffle(items, rnd);
      Map<String, Integer> after =
          new World(w.pact(), units, figures, marks, items)
              .run().stream().collect(Collectors.toMap(Result::unit, Result::rank));
      int t = trial;
      before.forEach(
          (code, rank) ->
              assertThat(after.get(rename.apply(code)))
                  .as("trial %d, %s", t, code)
                  .isEqualTo(rank));
    }
  }

  @Test
  void raisingOneScoreNeverLowersThatUnitsTotal() {
    Random rnd = new Random(7);
    for (int trial = 0; trial < 300; trial++) {
      World w = randomWorld(rnd);
      int i = rnd.nextInt(w.marks().size());
      Mark m = w.marks().get(i);
      BigDecimal max = m.criterion().equals("M1") ? d("10") : d("20");
      BigDecimal raised =
          m.points() == null ? BigDecimal.ZERO : m.points().add(BigDecimal.ONE).min(max);
      if (m.points() == null) {
        // turning an abstention into a score can lower the mean: raise an existing score instead
        continue;
      }
      List<Mark> marks = new ArrayList<>(w.marks());
      marks.set(i, new Mark(m.round(), m.assessor(), m.unit(), m.criterion(), raised, null));
      BigDecimal before = total(w.run(), m.unit());
      BigDecimal after =
          total(new World(w.pact(), w.units(), w.figures(), marks, w.items()).run(), m.unit());
      assertThat(after).as("trial %d", trial).isGreaterThanOrEqualTo(before);
    }
  }

  @Test
  void theSameInputsAlwaysGiveTheSameResults() {
    Random rnd = new Random(42);
    for (int trial = 0; trial < 50; trial++) {
      World w = randomWorld(rnd, true);
      List<Mark> shuffled = new ArrayList<>(w.marks());
      Collections.shuffle(shuffled, rnd);
      assertThat(new World(w.pact(), w.units(), w.figures(), shuffled, w.items()).run())
          .as("trial %d", trial)
          .isEqualTo(w.run());
    }
  }

  static BigDecimal total(List<Result> rs, String unit) {
    return rs.stream().filter(r -> r.unit().equals(unit)).findFirst().orElseThrow().total();
  }
}
