package org.laurel.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Pact versions after freezing, with published results keeping theirs, and pacts copied from the
 * template or from last year's pact.
 */
@LaurelTest
@Transactional
class PactVersionsTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;

  long bloc(int year) {
    return DemoPact.bloc(jdbc, year);
  }

  long pact() {
    return DemoPact.pact(jdbc);
  }

  int count(String sql, Object... params) {
    return jdbc.sql(sql).params(params).query(Integer.class).single();
  }

  ResultActions as(
      String user, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder r)
      throws Exception {
    return mvc.perform(r.with(httpBasic(user, "demo")).header("Accept-Language", "en"));
  }

  /** The demo pact's definition and version, read through the API. */
  JsonNode current() throws Exception {
    return json.readTree(
        as("viewer", get("/api/v1/blocs/" + bloc(2024) + "/pact"))
            .andReturn()
            .getResponse()
            .getContentAsString());
  }

  ResultActions change(JsonNode pact, JsonNode definition, String reason) throws Exception {
    ObjectNode body = json.createObjectNode();
    body.put("version", pact.get("version").asInt());
    body.set("definition", definition);
    if (reason != null) {
      body.put("reason", reason);
    }
    return as(
        "secretariat",
        put("/api/v1/blocs/" + bloc(2024) + "/pact")
            .contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(body)));
  }

  @Test
  void aChangeAfterFreezingNeedsAReasonAndMakesANewVersion() throws Exception {
    JsonNode pact = current();
    assertThat(pact.get("status").asString()).isEqualTo("ACTIVE");
    assertThat(pact.get("definitionVersion").asInt()).isEqualTo(1);
    ObjectNode def = (ObjectNode) pact.get("definition").deepCopy();
    def.put("normalise", true);
    // without a reason: refused, nothing changed
    change(pact, def, null)
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail").value(containsString("Give a reason")));
    assertThat(count("select count(*) from pact_version where pact_id = ?", pact())).isEqualTo(1);
    int audits = count("select count(*) from audit_entry");
    change(pact, def, "Hội đồng quyết định chuẩn hoá điểm chấm chéo")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.definitionVersion").value(2))
        .andExpect(jsonPath("$.definition.normalise").value(true));
    assertThat(count("select count(*) from audit_entry")).isEqualTo(audits + 1);
    as("viewer", get("/api/v1/pacts/" + pact() + "/versions"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$", hasSize(2)))
        .andExpect(jsonPath("$[1].reason").value(containsString("chuẩn hoá")))
        .andExpect(jsonPath("$[1].createdBy").value("secretariat"));
    as("viewer", get("/api/v1/pacts/" + pact() + "/versions/1"))
        .andExpect(jsonPath("$.definition.normalise").value(false));
    // the published version 1 keeps pact version 1; republishing uses version 2
    as("viewer", get("/api/v1/pacts/" + pact() + "/results/1"))
        .andExpect(jsonPath("$.pactVersion").value(1))
        .andExpect(jsonPath("$.normalised").value(false));
    as("secretariat", post("/api/v1/pacts/" + pact() + "/results"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.version").value(2));
    JsonNode v2 =
        json.readTree(
            as("viewer", get("/api/v1/pacts/" + pact() + "/results/2"))
                .andExpect(jsonPath("$.pactVersion").value(2))
                .andExpect(jsonPath("$.normalised").value(true))
                .andReturn()
                .getResponse()
                .getContentAsString());
    // eleven cross assessors each scored eleven units: normalisation moves some totals
    boolean moved = false;
    for (JsonNode r : v2.get("rows")) {
      moved |= r.get("rawTotal").decimalValue().compareTo(r.get("total").decimalValue()) != 0;
    }
    assertThat(moved).as("some normalised total differs from its raw total").isTrue();
  }

  /** The stored definition and row version of the demo pact, to check that nothing changed. */
  String stored() {
    return jdbc.sql("select definition::text || '@' || version from pact where id = ?")
        .param(pact())
        .query(String.class)
        .single();
  }

  /**
   * Puts the demo pact's definition with {@code edit} applied (reason given), expects a 400 naming
   * {@code field} with {@code message}, and checks that neither the pact nor its versions changed.
   */
  void refused(java.util.function.Consumer<ObjectNode> edit, String field, String message)
      throws Exception {
    JsonNode pact = current();
    String db = stored();
    int versions = count("select count(*) from pact_version where pact_id = ?", pact());
    ObjectNode def = (ObjectNode) pact.get("definition").deepCopy();
    edit.accept(def);
    change(pact, def, "Sửa giao ước")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value(field))
        .andExpect(jsonPath("$.errors[0].message").value(containsString(message)));
    assertThat(stored()).isEqualTo(db);
    assertThat(count("select count(*) from pact_version where pact_id = ?", pact()))
        .isEqualTo(versions);
    assertThat(current().get("definitionVersion").asInt()).isEqualTo(1);
  }

  static ObjectNode criterion(ObjectNode def, int group, int criterion) {
    return (ObjectNode) def.get("groups").get(group).get("criteria").get(criterion);
  }

  static ObjectNode band(ObjectNode def, int group, int criterion, int band) {
    return (ObjectNode) criterion(def, group, criterion).get("rule").get("bands").get(band);
  }

  /** {@link #refused} for one band's {@code key} set to {@code value}. */
  void refusedBand(int[] at, String key, int value, String field, String message) throws Exception {
    refused(d -> band(d, at[0], at[1], at[2]).put(key, value), field, message);
  }

  @Test
  void refusesBandsWhosePointsFallAsTheThresholdRisesNamingThatBand() throws Exception {
    String fall =
        "the band from %s %% gives %s points, fewer than the %s points of the band from %s %%";
    // KT.CONG_NGHIEP: growth ≥ 0 % → 40, ≥ 5 % → 60, ≥ 10 % → 80, ≥ 15 % → 100 points
    String kt = "groups[0].criteria[1].rule.bands";
    refusedBand(
        new int[] {0, 1, 3}, "points", 70, kt + "[3].points", fall.formatted(15, 70, 80, 10));
    // the order of the rows does not matter, the thresholds do: 12 % → 40 is below 10 % → 80
    refusedBand(new int[] {0, 1, 0}, "from", 12, kt + "[0].points", fall.formatted(12, 40, 80, 10));
    refusedBand(
        new int[] {0, 1, 2}, "from", 5, kt + "[2].from", "KT.CONG_NGHIEP has two bands from 5 %");
    // VHXH.HO_NGHEO (lower is better: the percentage is already the reduction) is held the same
    refusedBand(
        new int[] {1, 0, 2},
        "points",
        44,
        "groups[1].criteria[0].rule.bands[2].points",
        fall.formatted(100, 44, 45, 90));
  }

  @Test
  void acceptsBandsListedInAnyOrderAndFlatSteps() throws Exception {
    JsonNode pact = current();
    ObjectNode def = (ObjectNode) pact.get("definition").deepCopy();
    var bands =
        (tools.jackson.databind.node.ArrayNode) criterion(def, 0, 1).get("rule").get("bands");
    JsonNode first = bands.remove(0);
    bands.add(first);
    band(def, 0, 1, 0).put("points", 40); // 5 % → 40, as 0 % → 40: equal points are allowed
    change(pact, def, "Giữ nguyên điểm ở mức 5 %")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.definitionVersion").value(2));
  }

  @Test
  void refusesALinearRuleLosingPointsAsTheValueRisesOrANegativeBonus() throws Exception {
    refused(
        d -> ((ObjectNode) criterion(d, 0, 0).get("rule")).put("minusPerPercent", -3),
        "definition.groups[0].criteria[0].rule.minusPerPercent",
        "must be 0 or more");
    refused(
        d -> ((ObjectNode) criterion(d, 0, 0).get("rule")).put("bonusPoints", -5),
        "definition.groups[0].criteria[0].rule.bonusPoints",
        "must be 0 or more");
    refused(
        d -> band(d, 0, 1, 0).put("points", -10),
        "definition.groups[0].criteria[1].rule.bands[0].points",
        "must be 0 or more");
  }

  @Test
  void refusesAnUnknownOrRepeatedTieBreakStepNamingIt() throws Exception {
    refused(
        d -> ((tools.jackson.databind.node.ArrayNode) d.get("tieBreak")).add("KT"),
        "tieBreak[3]",
        "The tie-break chain names KT twice");
    refused(
        d -> ((tools.jackson.databind.node.ArrayNode) d.get("tieBreak")).set(1, "KT.CU"),
        "tieBreak[1]",
        "names KT.CU, which is neither a group nor a criterion");
  }

  @Test
  void refusesTwoClassificationsAtTheSameMinimum() throws Exception {
    refused(
        d -> ((ObjectNode) d.get("classification").get(2)).put("min", 900),
        "classification[2].min",
        "EXCELLENT and COMPLETE both start at 900 points");
  }

  @Test
  void aStaleVersionIsAConflict() throws Exception {
    JsonNode pact = current();
    ((ObjectNode) pact).put("version", pact.get("version").asInt() - 1);
    change(pact, pact.get("definition"), "Sửa lỗi chính tả").andExpect(status().isConflict());
    assertThat(count("select count(*) from pact_version where pact_id = ?", pact())).isEqualTo(1);
  }

  @Test
  void aPactIsCopiedFromTheTemplate() throws Exception {
    long bloc2023 = bloc(2023);
    as(
            "secretariat",
            post("/api/v1/blocs/" + bloc2023 + "/pact/copy")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"source\":\"TEMPLATE\"}"))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.status").value("DRAFT"))
        .andExpect(jsonPath("$.year").value(2023))
        .andExpect(jsonPath("$.definition.groups", hasSize(5)))
        .andExpect(jsonPath("$.definition.signedOn").doesNotExist());
    // a second copy: the bloc has a pact now
    as(
            "secretariat",
            post("/api/v1/blocs/" + bloc2023 + "/pact/copy")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"source\":\"TEMPLATE\"}"))
        .andExpect(status().isConflict());
    // a unit reporter may not
    as(
            "reporter",
            post("/api/v1/blocs/" + bloc2023 + "/pact/copy")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"source\":\"TEMPLATE\"}"))
        .andExpect(status().isForbidden());
  }

  @Test
  void aPactIsCopiedFromLastYearsAndNoLastYearIsA404() throws Exception {
    int pacts = count("select count(*) from pact");
    // 2022 has no pact of KHOI-HUYEN
    as(
            "secretariat",
            post("/api/v1/blocs/" + bloc(2023) + "/pact/copy")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"source\":\"LAST_YEAR\"}"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.detail").value(containsString("2022")));
    assertThat(count("select count(*) from pact")).isEqualTo(pacts);
    // a 2025 bloc of the same code copies the 2024 pact, signature left for the new year
    as(
            "secretariat",
            post("/api/v1/blocs")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                {"code":"KHOI-HUYEN","name":"Khối huyện 2025","year":2025,
                 "memberCodes":["NS","NG","TM"],"headCode":"NS","deputyCode":"NG"}"""))
        .andExpect(status().isCreated());
    long bloc2025 = bloc(2025);
    String body =
        as(
                "secretariat",
                post("/api/v1/blocs/" + bloc2025 + "/pact/copy")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"source\":\"LAST_YEAR\"}"))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.year").value(2025))
            .andExpect(jsonPath("$.definition.signatories").doesNotExist())
            .andReturn()
            .getResponse()
            .getContentAsString();
    JsonNode copied = json.readTree(body).get("definition");
    JsonNode source = current().get("definition");
    assertThat(copied.get("groups")).isEqualTo(source.get("groups"));
    assertThat(copied.get("tieBreak")).isEqualTo(source.get("tieBreak"));
  }
}
