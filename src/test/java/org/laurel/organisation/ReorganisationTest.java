package org.laurel.organisation;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.laurel.support.LaurelTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.annotation.Transactional;

/** Merges, splits, renames, transfers and dissolutions on a small province of their own. */
@LaurelTest
@Transactional
class ReorganisationTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;

  ResultActions send(String path, String json) throws Exception {
    return mvc.perform(
        post(path)
            .with(httpBasic("secretariat", "demo"))
            .header("Accept-Language", "en")
            .contentType(MediaType.APPLICATION_JSON)
            .content(json));
  }

  void unit(String code, String kind, String parent) throws Exception {
    String p = parent == null ? "null" : "\"" + parent + "\"";
    send(
            "/api/v1/units",
            "{\"code\":\"%s\",\"name\":\"Đơn vị %s\",\"kind\":\"%s\",\"parentCode\":%s,\"validFrom\":\"2020-01-01\"}"
                .formatted(code, code, kind, p))
        .andExpect(status().isCreated());
  }

  @BeforeEach
  void province() throws Exception {
    unit("RP", "PROVINCE", null);
    unit("RP.D1", "DISTRICT", "RP");
    unit("RP.D2", "DISTRICT", "RP");
    unit("RP.D1.C1", "COMMUNE", "RP.D1");
    unit("RP.D1.C2", "COMMUNE", "RP.D1");
    unit("RP.D2.C3", "COMMUNE", "RP.D2");
  }

  @Test
  void mergesCommunesIntoANewOneAndEndsThem() throws Exception {
    send(
            "/api/v1/reorganisations",
            """
            {"kind":"MERGE","effectiveDate":"2024-01-01","reference":"NQ 1/2024",
             "newUnits":[{"code":"RP.D1.N","name":"Xã Mới","kind":"COMMUNE","parentCode":"RP.D1","validFrom":"2024-01-01"}],
             "links":[{"predecessor":"RP.D1.C1","successor":"RP.D1.N","share":1},
                      {"predecessor":"RP.D1.C2","successor":"RP.D1.N","share":1}]}""")
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.links.length()").value(2));
    mvc.perform(get("/api/v1/units/RP.D1.C1")).andExpect(jsonPath("$.validTo").value("2023-12-31"));
    mvc.perform(get("/api/v1/units/RP.D1/detail"))
        .andExpect(jsonPath("$.children[0]").value("RP.D1.N"));
  }

  @Test
  void rejectsSharesAboveTheWhole() throws Exception {
    send(
            "/api/v1/reorganisations",
            """
            {"kind":"MERGE","effectiveDate":"2024-01-01","newUnits":[],
             "links":[{"predecessor":"RP.D1.C1","successor":"RP.D2.C3","share":1.5},
                      {"predecessor":"RP.D1.C2","successor":"RP.D2.C3","share":1}]}""")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("links[0].share"));
  }

  @Test
  void refusesToDissolveAUnitThatStillHasChildren() throws Exception {
    send("/api/v1/units/RP.D1/dissolve", "{\"effectiveDate\":\"2024-01-01\"}")
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath("$.detail")
                .value(
                    "Unit RP.D1 still has units below it (RP.D1.C1, RP.D1.C2); merge or move them first."));
  }

  @Test
  void transfersAUnitFromADateAndKeepsItsFormerParentInHistory() throws Exception {
    send(
            "/api/v1/units/RP.D1.C1/transfer",
            "{\"newParentCode\":\"RP.D2\",\"effectiveDate\":\"2024-03-01\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.oldValue").value("RP.D1"))
        .andExpect(jsonPath("$.newValue").value("RP.D2"));
    mvc.perform(get("/api/v1/units?asOf=2024-02-29&parent=RP.D1"))
        .andExpect(jsonPath("$[*].code").value(org.hamcrest.Matchers.hasItem("RP.D1.C1")));
    mvc.perform(get("/api/v1/units?asOf=2024-03-01&parent=RP.D2"))
        .andExpect(jsonPath("$[*].code").value(org.hamcrest.Matchers.hasItem("RP.D1.C1")));
  }

  @Test
  void refusesATransferUnderItsOwnDescendant() throws Exception {
    send(
            "/api/v1/units/RP.D1/transfer",
            "{\"newParentCode\":\"RP.D1.C1\",\"effectiveDate\":\"2024-03-01\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("newParentCode"));
  }

  @Test
  void renamesAUnitAndRecordsTheOldName() throws Exception {
    send(
            "/api/v1/units/RP.D1/rename",
            "{\"newName\":\"Thị xã Một\",\"newKind\":\"TOWN\",\"effectiveDate\":\"2024-03-01\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.kind").value("RENAME"))
        .andExpect(jsonPath("$.oldValue").value("Đơn vị RP.D1 (DISTRICT)"));
    mvc.perform(get("/api/v1/units/RP.D1")).andExpect(jsonPath("$.kind").value("TOWN"));
  }

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }
}
