package org.laurel.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.laurel.support.LaurelTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What would it take for Kim Thành, last in the demo, to move up? */
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
}
