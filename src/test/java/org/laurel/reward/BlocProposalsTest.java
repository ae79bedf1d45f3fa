package org.laurel.reward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.laurel.bloc.Blocs;
import org.laurel.scoring.Ranking;
import org.laurel.scoring.Results;
import org.laurel.support.LaurelTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

@LaurelTest
@Transactional
class BlocProposalsTest {

  @Autowired MockMvc mvc;
  @Autowired Blocs blocs;
  @Autowired Results results;
  @Autowired JdbcClient jdbc;

  @Test
  void makesTheBlocsProposalsFromItsPublishedRankingInOneStep() throws Exception {
    long bloc =
        blocs.list(2024).stream()
            .filter(b -> b.code().equals("KHOI-HUYEN"))
            .findFirst()
            .orElseThrow()
            .id();
    Ranking ranking = results.ranking(bloc, 2024);
    String first =
        ranking.rows().stream().filter(r -> r.rank() == 1).findFirst().orElseThrow().unit();
    mvc.perform(
            post("/api/v1/blocs/" + bloc + "/proposals")
                .with(httpBasic("secretariat", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"meritCount\":3}"))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.length()").value(2))
        .andExpect(jsonPath("$[0].awardCode").value("CO_UBND"))
        .andExpect(jsonPath("$[0].proposingUnitCode").value("CL"))
        .andExpect(jsonPath("$[0].nominees.length()").value(1))
        .andExpect(jsonPath("$[0].nominees[0].unitCode").value(first))
        .andExpect(jsonPath("$[0].nominees[0].ruleSetVersion").value(2))
        .andExpect(jsonPath("$[0].nominees[0].evaluation.conditions[0].type").value("PREREQUISITE"))
        .andExpect(jsonPath("$[1].awardCode").value("BK_UBND_TT"))
        .andExpect(jsonPath("$[1].nominees.length()").value(3))
        .andExpect(jsonPath("$[1].status").value("DRAFT"));
    long before = jdbc.sql("select count(*) from proposal").query(Long.class).single();
    mvc.perform(
            post("/api/v1/blocs/" + bloc + "/proposals")
                .with(httpBasic("secretariat", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}"))
        .andExpect(status().isConflict());
    mvc.perform(
            post("/api/v1/blocs/" + bloc + "/proposals")
                .with(httpBasic("blochead", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}"))
        .andExpect(status().isForbidden());
    assertThat(jdbc.sql("select count(*) from proposal").query(Long.class).single())
        .isEqualTo(before);
  }
}
