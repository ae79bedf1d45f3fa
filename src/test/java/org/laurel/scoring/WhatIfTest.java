package org.laurel.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
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
import org.laurel.scoring.ScoreEngine.Mark;
import org.laurel.scoring.ScoreEngine.Result;
import org.laurel.scoring.ScoreEngine.UnitIn;
import org.laurel.support.LaurelTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What would it take? By hand on a small pact with one indicator in two periods, then for Kim
 * Thành, last in the demo, through the API.
 */
@LaurelTest
class WhatIfTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;

  long pact;

  @BeforeEach
  void pact() {
    pact =
        jdbc.sql(
                "select p.id from pact p join bloc b on b.id = p.bloc_id"
                    + " where b.code = 'KHOI-HUYEN' and b.year = 2024")
            .query(Long.class)
            .single();
  }

  JsonNode ask(String query) throws Exception {
    return json.readTree(
        mvc.perform(
                get("/api/v1/pacts/" + pact + "/what-if?" + query)
                    .with(httpBasic("viewer", "demo")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString());
  }

  /**
   * Units A, B, C. REV_H1: indicator REV for 2024-H1, REV_Y: REV for the year (2024), both max 50,
   * linear: 50 at 100 % of the estimate, 1 point less per 1 % short. M: manual, max 60, council
   * only. A: H1 80 of 100 → 30, year 900 of 1,000 → 40, M 50: 120. B: 90 → 40, 950 → 45, M 40: 125.
   * C: 100 → 50, 1,000 → 50, M 60: 160. Ranks C 1, B 2, A 3; no tie-break chain.
   */
  @Nested
  class ByHand {

    static BigDecimal d(String s) {
      return new BigDecimal(s);
    }

    static final Rule LINEAR = new Rule(null, d("100"), d("1"), null, null);
    static final Criterion H1 =
        new Criterion(
            "REV_H1",
            "H1",
            d("50"),
            Method.INDICATOR,
            "REV",
            Measure.ACHIEVEMENT,
            "2024-H1",
            LINEAR);
    static final Criterion YEAR =
        new Criterion(
            "REV_Y", "Year", d("50"), Method.INDICATOR, "REV", Measure.ACHIEVEMENT, null, LINEAR);
    static final Criterion M =
        new Criterion("M", "Manual", d("60"), Method.MANUAL, null, null, null, null);

    final Inputs in =
        new Inputs(
            new PactDefinition(
                null,
                null,
                List.of(new Group("G", "G", d("160"), List.of(H1, YEAR, M))),
                new Weights(d("0.2"), d("0.3"), d("0.5")),
                List.of(new Band(d("150"), "GOOD")),
                "COMPLETE",
                null,
                false),
            2024,
            List.of(new UnitIn("A", "A"), new UnitIn("B", "B"), new UnitIn("C", "C")),
            Map.of(
                "A", figures("80", "900"),
                "B", figures("90", "950"),
                "C", figures("100", "1000")),
            List.of(council("A", "50"), council("B", "40"), council("C", "60")),
            List.of());

    static Map<String, Figures> figures(String h1, String year) {
      return Map.of(
          "REV_H1", new Figures(d(h1), d("100"), null, false),
          "REV_Y", new Figures(d(year), d("1000"), null, false));
    }

    static Mark council(String unit, String points) {
      return new Mark(Round.COUNCIL, "COUNCIL", unit, "M", d(points), null);
    }

    Result a(Inputs inputs) {
      return ScoreEngine.compute(inputs).stream()
          .filter(r -> r.unit().equals("A"))
          .findFirst()
          .orElseThrow();
    }

    @Test
    void theFirstHalfFigureAloneReachesTheRankAndNothingLessDoes() {
      // A needs 5 more points to equal B's 125 (an equal total shares rank 2): 35 of REV_H1,
      // i.e. 85 %: a first-half figure of 85 of 100
      WhatIf.Answer w = WhatIf.indicator(in, "A", 2, "REV", "2024-H1");
      assertThat(w.currentRank()).isEqualTo(3);
      assertThat(w.reachable()).isTrue();
      assertThat(w.period()).isEqualTo("2024-H1");
      assertThat(w.currentValue()).isEqualByComparingTo("80");
      assertThat(w.needed()).isEqualByComparingTo("85");
      assertThat(w.newRank()).isEqualTo(2);
      assertThat(w.newTotal()).isEqualByComparingTo("125.00");
      // the whole year's figure is not touched: REV_Y keeps 900 and 40 points
      Result at = a(WhatIf.withFigure(in, "A", List.of(H1), d("85")));
      assertThat(at.rank()).isEqualTo(2);
      var year = at.explanation().criteria().get(1);
      assertThat(year.indicator().value()).isEqualByComparingTo("900");
      assertThat(year.points()).isEqualByComparingTo("40.00");
      // 0.01 less: 84.99 % → 34.99 points, 124.99 in all, still 3rd
      Result less = a(WhatIf.withFigure(in, "A", List.of(H1), d("84.99")));
      assertThat(less.total()).isEqualByComparingTo("124.99");
      assertThat(less.rank()).isEqualTo(3);
    }

    @Test
    void theYearFigureCountsThePercentageRoundedToTwoDecimals() {
      // 45 points of REV_Y need 95.00 %: 949.95 of 1,000 is 94.995 %, rounded half up to 95.00
      WhatIf.Answer w = WhatIf.indicator(in, "A", 2, "REV", "2024");
      assertThat(w.period()).isEqualTo("2024");
      assertThat(w.needed()).isEqualByComparingTo("949.95");
      assertThat(w.newTotal()).isEqualByComparingTo("125.00");
      // 949.94 is 94.994 % → 94.99 → 44.99 points: still 3rd
      assertThat(a(WhatIf.withFigure(in, "A", List.of(YEAR), d("949.94"))).rank()).isEqualTo(3);
      assertThat(a(WhatIf.withFigure(in, "A", List.of(YEAR), d("949.95"))).rank()).isEqualTo(2);
    }

    @Test
    void noFirstHalfFigureReachesFirstPlace() {
      // at most 50 of REV_H1: 50 + 40 + 50 = 140 < C's 160; the best it gives is 2nd with 140
      WhatIf.Answer w = WhatIf.indicator(in, "A", 1, "REV", "2024-H1");
      assertThat(w.reachable()).isFalse();
      assertThat(w.needed()).isNull();
      assertThat(w.currentValue()).isEqualByComparingTo("80");
      assertThat(w.newRank()).isEqualTo(2);
      assertThat(w.newTotal()).isEqualByComparingTo("140.00");
    }

    @Test
    void aManualCriterionNeedsFivePointsAndNotOneHundredthLess() {
      WhatIf.Answer w = WhatIf.criterion(in, "A", 2, M);
      assertThat(w.reachable()).isTrue();
      assertThat(w.period()).isNull();
      assertThat(w.needed()).isEqualByComparingTo("5");
      assertThat(w.newRank()).isEqualTo(2);
      assertThat(w.newTotal()).isEqualByComparingTo("125.00");
      List<Mark> less = List.of(council("A", "54.99"), council("B", "40"), council("C", "60"));
      Result r = a(new Inputs(in.pact(), in.year(), in.units(), in.figures(), less, in.items()));
      assertThat(r.total()).isEqualByComparingTo("124.99");
      assertThat(r.rank()).isEqualTo(3);
      // the most M allows is 60: 30 + 40 + 60 = 130 < 160
      WhatIf.Answer first = WhatIf.criterion(in, "A", 1, M);
      assertThat(first.reachable()).isFalse();
      assertThat(first.needed()).isNull();
      assertThat(first.newRank()).isEqualTo(2);
      assertThat(first.newTotal()).isEqualByComparingTo("130.00");
    }
  }

  @Test
  void namesThePeriodOfTheIndicatorFigureItChanges() throws Exception {
    JsonNode a = ask("unit=KT&rank=11&indicator=BUDGET_REVENUE");
    assertThat(a.get("period").asText()).isEqualTo("2024");
    assertThat(ask("unit=KT&rank=11&criterion=KT.THU_NS").get("period").asText()).isEqualTo("2024");
    assertThat(ask("unit=KT&rank=11&criterion=VHXH.GD_YT").get("period").isNull()).isTrue();
    String base = "/api/v1/pacts/" + pact + "/what-if?unit=KT&rank=11";
    // the pact uses budget revenue for the year only
    mvc.perform(
            get(base + "&indicator=BUDGET_REVENUE&period=2024-H1")
                .with(httpBasic("viewer", "demo")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("period"));
    mvc.perform(get(base + "&indicator=NO_SUCH").with(httpBasic("viewer", "demo")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("indicator"));
    // a criterion names its own period: another one, or one for a manual criterion, is refused
    mvc.perform(get(base + "&criterion=KT.THU_NS&period=2024-H1").with(httpBasic("viewer", "demo")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("period"));
    mvc.perform(get(base + "&criterion=VHXH.GD_YT&period=2024").with(httpBasic("viewer", "demo")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("period"));
    assertThat(ask("unit=KT&rank=11&criterion=KT.THU_NS&period=2024").get("period").asText())
        .isEqualTo("2024");
  }

  @Test
  void findsTheSmallestRaiseOfAManualCriterionThatReachesTheRank() throws Exception {
    JsonNode a = ask("unit=KT&rank=11&criterion=VHXH.GD_YT");
    assertThat(a.get("currentRank").asInt()).isEqualTo(12);
    assertThat(a.get("reachable").asBoolean()).isTrue();
    assertThat(a.get("newRank").asInt()).isLessThanOrEqualTo(11);
    BigDecimal needed = a.get("needed").decimalValue();
    assertThat(needed).isPositive().isLessThanOrEqualTo(new BigDecimal("190"));
  }

  @Test
  void saysWhenEvenTheMostACriterionAllowsIsNotEnough() throws Exception {
    JsonNode a = ask("unit=KT&rank=1&criterion=QPAN.CHUNG");
    assertThat(a.get("reachable").asBoolean()).isFalse();
    assertThat(a.get("needed").isNull()).isTrue();
  }

  @Test
  void saysWhenAnIndicatorAlreadyAtItsCapCannotHelp() throws Exception {
    // Kim Thành's budget revenue criterion already gives its max plus the bonus: more revenue
    // adds nothing, so no figure of it reaches 11th
    JsonNode a = ask("unit=KT&rank=11&indicator=BUDGET_REVENUE");
    assertThat(a.get("reachable").asBoolean()).isFalse();
    assertThat(a.get("needed").isNull()).isTrue();
    assertThat(a.get("currentValue").decimalValue()).isPositive();
  }

  @Test
  void alreadyThereNeedsNothing() throws Exception {
    JsonNode a = ask("unit=KT&rank=12&criterion=KT.DAU_TU");
    assertThat(a.get("needed").decimalValue()).isZero();
  }

  @Test
  void refusesAnUnknownUnitARankOutOfRangeOrTwoThingsToChange() throws Exception {
    String base = "/api/v1/pacts/" + pact + "/what-if?";
    mvc.perform(get(base + "unit=HP&rank=1&criterion=KT.DAU_TU").with(httpBasic("viewer", "demo")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("unit"));
    mvc.perform(get(base + "unit=KT&rank=13&criterion=KT.DAU_TU").with(httpBasic("viewer", "demo")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("rank"));
    mvc.perform(
            get(base + "unit=KT&rank=5&criterion=KT.DAU_TU&indicator=BUDGET_REVENUE")
                .with(httpBasic("viewer", "demo")))
        .andExpect(status().isBadRequest());
  }

  @Test
  @org.springframework.transaction.annotation.Transactional
  void onlyTheSecretariatAsksOnceScoresChangedSinceThePublishedVersion() throws Exception {
    String q = "/api/v1/pacts/" + pact + "/what-if?unit=KT&rank=5&criterion=KT.DAU_TU";
    mvc.perform(get(q).with(httpBasic("reporter", "demo"))).andExpect(status().isOk());
    // an item added after version 1: the live totals are no longer the published ones
    mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                    "/api/v1/pacts/" + pact + "/items")
                .with(httpBasic("secretariat", "demo"))
                .contentType("application/json")
                .content(
                    """
                    {"unit":"KT","criterion":"TDKT.TRU","points":15,
                     "reason":"Vi phạm phát hiện qua thanh tra"}"""))
        .andExpect(status().isOk());
    for (String user : List.of("viewer", "reporter", "council")) {
      mvc.perform(get(q).with(httpBasic(user, "demo")).header("Accept-Language", "en"))
          .andExpect(status().isConflict())
          .andExpect(
              jsonPath("$.detail")
                  .value(org.hamcrest.Matchers.containsString("only the secretariat")));
    }
    // the page says so on the form instead of answering
    jakarta.servlet.http.Cookie rep = org.laurel.support.UiLogin.session(mvc, "reporter");
    String page =
        mvc.perform(
                get("/pacts/" + pact + "/what-if?unit=KT&rank=5&criterion=KT.DAU_TU")
                    .cookie(rep)
                    .header("Accept-Language", "en"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(page).contains("only the secretariat").doesNotContain("id=\"what-if-answer\"");
    mvc.perform(get(q).with(httpBasic("secretariat", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.unit").value("KT"));
  }
}
