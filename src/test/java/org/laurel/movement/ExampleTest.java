package org.laurel.movement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.laurel.support.LaurelTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

@LaurelTest
@Transactional
class ExampleTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;

  ResultActions as(String user, String path, String body) throws Exception {
    return mvc.perform(
        post(path)
            .with(httpBasic(user, "demo"))
            .contentType(MediaType.APPLICATION_JSON)
            .content(body));
  }

  String step(long id) {
    return "{\"version\":"
        + jdbc.sql("select version from example where id = ?")
            .param(id)
            .query(Integer.class)
            .single()
        + "}";
  }

  long rows() {
    return jdbc.sql(
            "select (select count(*) from replication) + (select count(*) from example where published)")
        .query(Long.class)
        .single();
  }

  long nominate() throws Exception {
    String body =
        as(
                "reporter",
                "/api/v1/examples",
                """
                {"unitCode":"TK","kind":"MODEL","name":"Cánh đồng mẫu lớn","story":"Liên kết sản xuất"}""")
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.status").value("NOMINATED"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    return json.readTree(body).get("id").asLong();
  }

  String replication(String unit, LocalDate from) {
    return """
        {"unitCode":"%s","startedOn":"%s","results":"50 ha"}"""
        .formatted(unit, from);
  }

  @Test
  void goesNominatedVerifiedPublishedAndRefusesEveryOtherOrder() throws Exception {
    long id = nominate();
    long before = rows();
    as("admin", "/api/v1/examples/" + id + "/publish", step(id)).andExpect(status().isConflict());
    as("admin", "/api/v1/examples/" + id + "/unpublish", step(id)).andExpect(status().isConflict());
    as("reporter", "/api/v1/examples/" + id + "/verify", step(id))
        .andExpect(status().isForbidden());
    as(
            "admin",
            "/api/v1/examples/" + id + "/replications",
            replication("NS", LocalDate.of(2024, 5, 1)))
        .andExpect(status().isConflict());
    assertThat(rows()).isEqualTo(before);
    as("admin", "/api/v1/examples/" + id + "/verify", step(id))
        .andExpect(jsonPath("$.status").value("VERIFIED"));
    as("admin", "/api/v1/examples/" + id + "/verify", step(id)).andExpect(status().isConflict());
    as("admin", "/api/v1/examples/" + id + "/publish", step(id))
        .andExpect(jsonPath("$.published").value(true));
    as("admin", "/api/v1/examples/" + id + "/publish", step(id)).andExpect(status().isConflict());
  }

  @Test
  void recordsReplicationByOtherUnitsOnlyOnceAndNotInTheFuture() throws Exception {
    long id = nominate();
    as("admin", "/api/v1/examples/" + id + "/verify", step(id)).andExpect(status().isOk());
    as("admin", "/api/v1/examples/" + id + "/publish", step(id)).andExpect(status().isOk());
    long before = rows();
    as(
            "reporter",
            "/api/v1/examples/" + id + "/replications",
            replication("TK", LocalDate.of(2024, 5, 1)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("unitCode"));
    as(
            "admin",
            "/api/v1/examples/" + id + "/replications",
            replication("NS", LocalDate.now().plusDays(3)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("startedOn"));
    as(
            "admin",
            "/api/v1/examples/" + id + "/replications",
            replication("NOWHERE", LocalDate.of(2024, 5, 1)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("unitCode"));
    as(
            "reporter",
            "/api/v1/examples/" + id + "/replications",
            replication("NS", LocalDate.of(2024, 5, 1)))
        .andExpect(status().isForbidden());
    assertThat(rows()).isEqualTo(before);
    as(
            "admin",
            "/api/v1/examples/" + id + "/replications",
            replication("NS", LocalDate.of(2024, 5, 1)))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.replications[0].unitCode").value("NS"));
    as(
            "admin",
            "/api/v1/examples/" + id + "/replications",
            replication("NS", LocalDate.of(2024, 6, 1)))
        .andExpect(status().isConflict());
    assertThat(rows()).isEqualTo(before + 1);
  }

  @Test
  void showsHowFarEachModelHasSpread() throws Exception {
    mvc.perform(get("/api/v1/examples/spread").with(httpBasic("viewer", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].name").value("Bộ phận một cửa hiện đại, liên thông ba cấp"))
        .andExpect(jsonPath("$[0].units").value(6))
        .andExpect(jsonPath("$[1].units").value(4));
  }
}
