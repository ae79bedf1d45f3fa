package org.laurel.bloc;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.laurel.support.LaurelTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.annotation.Transactional;

@LaurelTest
@Transactional
class BlocApiTest {

  @Autowired MockMvc mvc;

  ResultActions create(String json) throws Exception {
    return mvc.perform(
        post("/api/v1/blocs")
            .with(httpBasic("admin", "demo"))
            .header("Accept-Language", "en")
            .contentType(MediaType.APPLICATION_JSON)
            .content(json));
  }

  @Test
  void listsTheYearsBlocsInThePublicContractShape() throws Exception {
    // other tests add blocs of their own to the shared database: look at the demo's
    mvc.perform(get("/api/v1/blocs?year=2024"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[?(@.code=='KHOI-HUYEN')]", hasSize(1)))
        .andExpect(jsonPath("$[0].id").isNumber())
        .andExpect(jsonPath("$[0].code").value("KHOI-HUYEN"))
        .andExpect(jsonPath("$[0].name").value("Khối thi đua các huyện, thị xã, thành phố"))
        .andExpect(jsonPath("$[0].year").value(2024))
        .andExpect(jsonPath("$[0].members", hasSize(12)))
        .andExpect(jsonPath("$[0].members[0].id").isNumber())
        .andExpect(jsonPath("$[0].members[?(@.code=='TK')].name").value("Huyện Tứ Kỳ"))
        .andExpect(jsonPath("$[0].head.code").value("CL"))
        .andExpect(jsonPath("$[0].deputy.code").value("KM"));
    mvc.perform(get("/api/v1/blocs?year=2023")).andExpect(jsonPath("$[0].head.code").value("HDG"));
    mvc.perform(get("/api/v1/blocs?year=1999")).andExpect(jsonPath("$", hasSize(0)));
  }

  @Test
  void createsABlocWithTheContractsFields() throws Exception {
    create(
            """
            {"code":"KHOI-SO","name":"Khối các sở","year":2024,"memberCodes":["SNV","STC","SCT"],
             "headCode":"STC","deputyCode":"SCT"}""")
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.members", hasSize(3)))
        .andExpect(jsonPath("$.head.code").value("STC"));
  }

  @Test
  void rejectsAHeadWhoIsNotAMember() throws Exception {
    create(
            """
            {"code":"KHOI-X","name":"X","year":2024,"memberCodes":["SNV","STC"],"headCode":"SCT","deputyCode":"STC"}""")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("headCode"))
        .andExpect(
            jsonPath("$.errors[0].message").value("The head SCT must be a member of the bloc."));
  }

  @Test
  void rejectsAMemberThatDidNotExistThatYear() throws Exception {
    create(
            """
            {"code":"KHOI-Y","name":"Y","year":2026,"memberCodes":["HP.TK.TUKY","TK"],"headCode":"HP.TK.TUKY","deputyCode":"TK"}""")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("memberCodes[1]"));
  }

  @Test
  void refusesTheSameCodeTwiceInAYear() throws Exception {
    create(
            """
            {"code":"KHOI-HUYEN","name":"Again","year":2024,"memberCodes":["TK","NS"],"headCode":"TK","deputyCode":"NS"}""")
        .andExpect(status().isConflict());
  }

  @Test
  void answers404ForAnUnknownBloc() throws Exception {
    mvc.perform(get("/api/v1/blocs/999999")).andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/blocs/abc"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("id"));
  }

  @Test
  void listsTheCouncilWithSeventeenMembers() throws Exception {
    mvc.perform(get("/api/v1/councils"))
        .andExpect(jsonPath("$[0].code").value("HDTDKT-HD"))
        .andExpect(jsonPath("$[0].members", hasSize(17)))
        .andExpect(jsonPath("$[0].members[0].role").value("CHAIR"));
  }

  @Test
  void refusesASecondChairWithOverlappingTerm() throws Exception {
    long council = 1;
    mvc.perform(
            post("/api/v1/councils/" + council + "/members")
                .with(httpBasic("secretariat", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"personId\":20,\"role\":\"CHAIR\",\"termFrom\":\"2024-01-01\",\"termTo\":\"2025-06-30\"}"))
        .andExpect(status().isConflict());
  }
}
