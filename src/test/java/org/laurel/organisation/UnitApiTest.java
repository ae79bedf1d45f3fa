package org.laurel.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.laurel.support.LaurelTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.annotation.Transactional;

@LaurelTest
@Transactional
class UnitApiTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;

  ResultActions send(
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder req, String json)
      throws Exception {
    return mvc.perform(
        req.with(httpBasic("admin", "demo"))
            .contentType(MediaType.APPLICATION_JSON)
            .header("Accept-Language", "en")
            .content(json));
  }

  @Test
  void createsAUnitAndReadsItBackByCode() throws Exception {
    send(
            post("/api/v1/units"),
            """
            {"code":"HP.ANDUONG","name":"Phường An Dương","kind":"WARD","parentCode":"HP","validFrom":"2025-07-01"}""")
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", "/api/v1/units/HP.ANDUONG"));
    mvc.perform(get("/api/v1/units/HP.ANDUONG"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.name").value("Phường An Dương"))
        .andExpect(jsonPath("$.kind").value("WARD"))
        .andExpect(jsonPath("$.parentCode").value("HP"))
        .andExpect(jsonPath("$.validFrom").value("2025-07-01"));
  }

  @Test
  void namesEveryInvalidFieldAndWritesNothing() throws Exception {
    long before = count();
    send(post("/api/v1/units"), "{\"code\":\"lower case\",\"name\":\" \",\"kind\":\"WARD\"}")
        .andExpect(status().isBadRequest())
        .andExpect(header().string("Content-Type", "application/problem+json"))
        .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("code", "name", "validFrom")));
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void namesTheFieldWithAnUnreadableValue() throws Exception {
    send(
            post("/api/v1/units"),
            "{\"code\":\"X1\",\"name\":\"X\",\"kind\":\"VILLAGE\",\"validFrom\":\"2024-01-01\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("kind"));
    send(
            post("/api/v1/units"),
            "{\"code\":\"X1\",\"name\":\"X\",\"kind\":\"WARD\",\"validFrom\":\"31/12/2024\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("validFrom"));
    send(post("/api/v1/units"), "{not json")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.title").value("Invalid input"));
  }

  @Test
  void translatesErrorsIntoTheCallersLanguage() throws Exception {
    mvc.perform(
            post("/api/v1/units")
                .with(httpBasic("admin", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .header("Accept-Language", "vi-VN,vi;q=0.9")
                .content(
                    "{\"code\":\"X2\",\"name\":\"\",\"kind\":\"WARD\",\"validFrom\":\"2024-01-01\",\"parentCode\":\"HP\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.title").value("Dữ liệu không hợp lệ"))
        .andExpect(jsonPath("$.errors[0].message").value("không được để trống"));
    mvc.perform(get("/api/v1/units/NOPE").header("Accept-Language", "de"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.detail").value("Es gibt keine Einheit mit dem Code NOPE."));
  }

  @Test
  void answers404ForAnUnknownUnitAnd409ForADuplicateCode() throws Exception {
    mvc.perform(get("/api/v1/units/NO.SUCH.UNIT")).andExpect(status().isNotFound());
    send(
            post("/api/v1/units"),
            "{\"code\":\"TK\",\"name\":\"Again\",\"kind\":\"DISTRICT\",\"parentCode\":\"HD\",\"validFrom\":\"2020-01-01\"}")
        .andExpect(status().isConflict());
  }

  @Test
  void refusesAStaleVersionWith409AndKeepsTheOtherChange() throws Exception {
    int version =
        jdbc.sql("select version from unit where code = 'HP'").query(Integer.class).single();
    String body = "{\"name\":\"%s\",\"kind\":\"CITY\",\"version\":" + version + "}";
    send(put("/api/v1/units/HP"), body.formatted("Thành phố Hải Phòng (1)"))
        .andExpect(status().isOk());
    send(put("/api/v1/units/HP"), body.formatted("Thành phố Hải Phòng (2)"))
        .andExpect(status().isConflict());
    mvc.perform(get("/api/v1/units/HP"))
        .andExpect(jsonPath("$.name").value("Thành phố Hải Phòng (1)"));
  }

  @Test
  void rejectsAParentThatDoesNotExistOnTheStartDate() throws Exception {
    send(
            post("/api/v1/units"),
            "{\"code\":\"HP.X\",\"name\":\"X\",\"kind\":\"WARD\",\"parentCode\":\"HP\",\"validFrom\":\"2024-01-01\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("parentCode"));
  }

  @Test
  void showsTheHierarchyAsOfADate() throws Exception {
    mvc.perform(get("/api/v1/units?asOf=2024-06-30&kind=DISTRICT&parent=HD"))
        .andExpect(jsonPath("$", hasSize(9)));
    mvc.perform(get("/api/v1/units?asOf=2024-06-30&parent=HD"))
        .andExpect(jsonPath("$[*].code", hasItem("TK")))
        .andExpect(jsonPath("$[*].code", hasItem("SNV")));
    mvc.perform(get("/api/v1/units?asOf=2025-07-01&kind=DISTRICT&parent=HD"))
        .andExpect(jsonPath("$", hasSize(0)));
    mvc.perform(get("/api/v1/units?asOf=2025-07-01&parent=HP"))
        .andExpect(jsonPath("$[*].code", hasItem("HP.TK.TUKY")))
        .andExpect(jsonPath("$[*].code", hasItem("SNV")));
  }

  @Test
  void keepsTheLineageOfTheReform() throws Exception {
    mvc.perform(get("/api/v1/units/HP/detail"))
        .andExpect(jsonPath("$.predecessors[*].predecessorCode", containsInAnyOrder("HD", "HPG")));
    // Tiên Động was split: 70 % to the new commune of its name, 30 % to Tứ Kỳ's merged commune
    mvc.perform(get("/api/v1/units/TK.TIENDONG/detail"))
        .andExpect(jsonPath("$.unit.validTo").value("2025-06-30"))
        .andExpect(jsonPath("$.successors", hasSize(2)))
        .andExpect(jsonPath("$.successors[?(@.successorCode=='HP.TK.TIENDONG')].share").value(0.7));
    mvc.perform(get("/api/v1/units/HP.TK.TUKY/detail"))
        .andExpect(
            jsonPath(
                "$.predecessors[*].predecessorCode",
                containsInAnyOrder("TK.TUKY", "TK.QUANGPHUC", "TK.TIENDONG")));
  }

  @Test
  void showsAUnitUnderTheNameItHadOnTheDate() throws Exception {
    mvc.perform(get("/api/v1/units?asOf=2019-06-30&kind=DISTRICT"))
        .andExpect(jsonPath("$[?(@.code=='KM')].name").value("Huyện Kinh Môn"));
    mvc.perform(get("/api/v1/units?asOf=2024-06-30&kind=TOWN"))
        .andExpect(jsonPath("$[?(@.code=='KM')].name").value("Thị xã Kinh Môn"));
    send(
            post("/api/v1/units/KM/rename"),
            "{\"newName\":\"Huyện Kinh Môn\",\"effectiveDate\":\"2019-01-01\"}")
        .andExpect(status().isConflict());
  }

  private long count() {
    return jdbc.sql("select count(*) from unit").query(Long.class).single();
  }
}
