package org.laurel.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.laurel.scoring.PactDefinition.Round;
import org.laurel.scoring.ScoreEngine.Mark;
import org.laurel.support.LaurelTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@LaurelTest
class CollusionSignalTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;

  static List<Mark> bloc(double aForB, double bForA) {
    // five units score each other 60 of 100; A and B give each other more
    List<String> units = List.of("A", "B", "C", "D", "E");
    List<Mark> marks = new ArrayList<>();
    for (String a : units) {
      for (String u : units) {
        if (a.equals(u)) {
          continue;
        }
        double points =
            a.equals("A") && u.equals("B") ? aForB : a.equals("B") && u.equals("A") ? bForA : 60;
        marks.add(new Mark(Round.CROSS, a, u, "C1", BigDecimal.valueOf(points), null));
        marks.add(new Mark(Round.SELF, u, u, "C1", BigDecimal.valueOf(100), null));
      }
    }
    return marks;
  }

  @Test
  void flagsAPairThatScoresEachOtherAboveTheRestByHand() {
    // A gives B 80 where the others give 60: A leans 0.20 for B; B for A likewise 0.16; lean 0.18
    CollusionSignal.Signals s =
        CollusionSignal.compute(bloc(80, 76), Map.of("C1", BigDecimal.valueOf(100)));
    CollusionSignal.Pair top = s.pairs().get(0);
    assertThat(top.unitA()).isEqualTo("A");
    assertThat(top.unitB()).isEqualTo("B");
    assertThat(top.aForB()).isEqualTo(0.2);
    assertThat(top.bForA()).isEqualTo(0.16);
    assertThat(top.lean()).isEqualTo(0.18);
    assertThat(top.flagged()).isTrue();
    assertThat(s.pairs().stream().filter(CollusionSignal.Pair::flagged)).hasSize(1);
    // self scores of 100 are not cross scores and change nothing
  }

  @Test
  void flagsNothingWhenEveryoneAgrees() {
    CollusionSignal.Signals s =
        CollusionSignal.compute(bloc(60, 60), Map.of("C1", BigDecimal.valueOf(100)));
    assertThat(s.pairs()).noneMatch(CollusionSignal.Pair::flagged);
    assertThat(s.assessors()).noneMatch(CollusionSignal.Assessor::flagged);
  }

  @Test
  void aSmallLeanIsNotWorthASignal() {
    // 2 points of 100 stand out from identical scores but stay under the 5 % floor
    CollusionSignal.Signals s =
        CollusionSignal.compute(bloc(62, 62), Map.of("C1", BigDecimal.valueOf(100)));
    assertThat(s.pairs()).noneMatch(CollusionSignal.Pair::flagged);
  }

  static Mark cross(String assessor, String unit, double points) {
    return new Mark(Round.CROSS, assessor, unit, "C1", BigDecimal.valueOf(points), null);
  }

  static final Map<String, BigDecimal> MAX = Map.of("C1", BigDecimal.valueOf(100));

  /** Everyone scores everyone else 60 of 100 unless {@code special} says otherwise. */
  static List<Mark> everyone(List<String> units, Map<String, Double> special) {
    List<Mark> marks = new ArrayList<>();
    for (String a : units) {
      for (String u : units) {
        if (!a.equals(u)) {
          marks.add(cross(a, u, special.getOrDefault(a + ">" + u, 60.0)));
        }
      }
    }
    return marks;
  }

  static CollusionSignal.Pair pair(CollusionSignal.Signals s, String a, String b) {
    return s.pairs().stream()
        .filter(p -> p.unitA().equals(a) && p.unitB().equals(b))
        .findFirst()
        .orElseThrow();
  }

  static CollusionSignal.Assessor assessor(CollusionSignal.Signals s, String a) {
    return s.assessors().stream().filter(x -> x.unit().equals(a)).findFirst().orElseThrow();
  }

  @Test
  void flagsAPairInAFourUnitBlocAgainstTheOtherAssessorsOfEachUnit() {
    // A gives B 80 and B gives A 78; C and D give B 62 and 58, A 61 and 59; all else 60.
    // A→B: others of B are C .62, D .58: mean .60, sample SD .0283 < floor .05; lean .20
    // B→A: others of A are C .61, D .59: mean .60, SD .0141 → .05; lean .18
    // pair: lean (.20 + .18) / 2 = .19 ≥ 2 × .05 → flagged
    var s =
        CollusionSignal.compute(
            everyone(
                List.of("A", "B", "C", "D"),
                Map.of(
                    "A>B", 80.0, "B>A", 78.0, "C>B", 62.0, "D>B", 58.0, "C>A", 61.0, "D>A", 59.0)),
            MAX);
    CollusionSignal.Pair ab = pair(s, "A", "B");
    assertThat(ab.aForB()).isEqualTo(0.2);
    assertThat(ab.bForA()).isEqualTo(0.18);
    assertThat(ab.lean()).isEqualTo(0.19);
    assertThat(ab.spread()).isEqualTo(0.05);
    assertThat(ab.flagged()).isTrue();
    assertThat(s.pairs().get(0)).isEqualTo(ab);
    // C→A: others of A are B .78, D .59: mean .685, SD .095 × √2 = .1344; lean .61 − .685
    CollusionSignal.Pair ac = pair(s, "A", "C");
    assertThat(ac.bForA()).isEqualTo(-0.075);
    assertThat(ac.flagged()).isFalse();
    assertThat(s.pairs().stream().filter(CollusionSignal.Pair::flagged)).containsExactly(ab);
    // A leans for B only: mean distance (.20 + 0 + 0) / 3 = .0667 < 2 × .05, not an outlier
    assertThat(assessor(s, "A").meanAbsoluteLean()).isEqualTo(0.0667);
    assertThat(s.assessors()).noneMatch(CollusionSignal.Assessor::flagged);
  }

  @Test
  void flagsAnAssessorFarFromEveryoneElse() {
    // four units; D gives everyone 35 where the others give 60
    // D→A: others of A are B .60, C .60: mean .60, SD 0 → .05; lean −.25 (so for B and C)
    // D: mean distance .25 ≥ 2 × .05 → flagged
    // A→B: others of B are C .60, D .35: mean .475, SD .125 × √2 = .1768; lean .125; A→D: 0
    // A: distance (.125 + .125 + 0) / 3 = .0833, spread (.1768 × 2 + .05) / 3 = .1345 → no
    var s =
        CollusionSignal.compute(
            everyone(List.of("A", "B", "C", "D"), Map.of("D>A", 35.0, "D>B", 35.0, "D>C", 35.0)),
            MAX);
    CollusionSignal.Assessor d = assessor(s, "D");
    assertThat(d.meanAbsoluteLean()).isEqualTo(0.25);
    assertThat(d.spread()).isEqualTo(0.05);
    assertThat(d.units()).isEqualTo(3);
    assertThat(d.flagged()).isTrue();
    CollusionSignal.Assessor a = assessor(s, "A");
    assertThat(a.meanAbsoluteLean()).isEqualTo(0.0833);
    assertThat(a.spread()).isEqualTo(0.1345);
    assertThat(a.flagged()).isFalse();
    assertThat(s.assessors()).filteredOn(CollusionSignal.Assessor::flagged).containsExactly(d);
    assertThat(s.assessors().get(0)).isEqualTo(d);
    // a harsh assessor is not a colluding pair
    assertThat(s.pairs()).noneMatch(CollusionSignal.Pair::flagged);
  }

  @Test
  void anHonestBlocWithSmallNaturalDifferencesFlagsNobody() {
    // eight units score each other 60 ± 3 (a pattern like the demo's), nobody leans
    List<String> units = List.of("A", "B", "C", "D", "E", "F", "G", "H");
    List<Mark> marks = new ArrayList<>();
    for (int a = 0; a < units.size(); a++) {
      for (int u = 0; u < units.size(); u++) {
        if (a != u) {
          marks.add(cross(units.get(a), units.get(u), 60 + (a * 5 + u * 3) % 7 - 3));
        }
      }
    }
    var s = CollusionSignal.compute(marks, MAX);
    assertThat(s.pairs()).hasSize(28).allMatch(CollusionSignal.Pair::enoughAssessors);
    assertThat(s.pairs()).noneMatch(CollusionSignal.Pair::flagged);
    assertThat(s.assessors()).hasSize(8).noneMatch(CollusionSignal.Assessor::flagged);
    // differences of at most 6 points never reach twice the 5 % floor
    assertThat(s.pairs().get(0).lean()).isLessThan(0.1);
  }

  @Test
  void aThreeUnitBlocHasNotEnoughAssessorsWithoutTheCouncil() {
    // each unit has two cross assessors: one other beside the assessor under test
    List<Mark> marks = everyone(List.of("A", "B", "C"), Map.of("A>B", 90.0, "B>A", 90.0));
    var s = CollusionSignal.compute(marks, MAX);
    assertThat(s.pairs())
        .hasSize(3)
        .allSatisfy(
            p -> {
              assertThat(p.enoughAssessors()).isFalse();
              assertThat(p.flagged()).isFalse();
              assertThat(p.lean()).isNull();
            });
    assertThat(s.assessors()).noneMatch(CollusionSignal.Assessor::enoughAssessors);
    // with the council's scores of the same units there are two others: C .60 and council .60;
    // A→B lean .30, B→A .30, spread .05 → flagged
    List<Mark> withCouncil = new ArrayList<>(marks);
    for (String u : List.of("A", "B", "C")) {
      withCouncil.add(new Mark(Round.COUNCIL, "COUNCIL", u, "C1", BigDecimal.valueOf(60), null));
    }
    var c = CollusionSignal.compute(withCouncil, MAX);
    CollusionSignal.Pair ab = pair(c, "A", "B");
    assertThat(ab.lean()).isEqualTo(0.3);
    assertThat(ab.flagged()).isTrue();
    // the council is a reference, not an assessor under test
    assertThat(c.assessors())
        .extracting(CollusionSignal.Assessor::unit)
        .containsExactlyInAnyOrder("A", "B", "C");
  }

  @Test
  void showsTheDemoPairToTheSecretariatOnly() throws Exception {
    long pact =
        jdbc.sql(
                "select p.id from pact p join bloc b on b.id = p.bloc_id"
                    + " where b.code = 'KHOI-HUYEN' and b.year = 2024")
            .query(Long.class)
            .single();
    mvc.perform(get("/api/v1/pacts/" + pact + "/signals").with(httpBasic("secretariat", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.pairs[0].unitA").value("NG"))
        .andExpect(jsonPath("$.pairs[0].unitB").value("TM"))
        .andExpect(jsonPath("$.pairs[0].flagged").value(true))
        .andExpect(jsonPath("$.pairs[0].enoughAssessors").value(true))
        .andExpect(jsonPath("$.pairs[1].flagged").value(false))
        .andExpect(jsonPath("$.assessors[?(@.flagged == true)]").isEmpty());
    mvc.perform(get("/api/v1/pacts/" + pact + "/signals").with(httpBasic("blochead", "demo")))
        .andExpect(status().isForbidden());
  }
}
