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
        .andExpect(jsonPath("$.pairs[1].flagged").value(false));
    mvc.perform(get("/api/v1/pacts/" + pact + "/signals").with(httpBasic("blochead", "demo")))
        .andExpect(status().isForbidden());
  }
}
