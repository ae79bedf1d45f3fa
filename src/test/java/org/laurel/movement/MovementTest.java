package org.laurel.movement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

@LaurelTest
@Transactional
@org.springframework.test.context.event.RecordApplicationEvents
class MovementTest {

  @Autowired org.springframework.test.context.event.ApplicationEvents events;

  static final int Y = LocalDate.now().getYear();

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;

  /** A movement document; {@code extra} overrides or adds fields (JSON members). */
  static String movement(String code, String extra) {
    return """
        {"code":"%s","title":"Phong trào kiểm thử","motto":"Đoàn kết, sáng tạo","kind":"REGULAR",
         "year":%d,"launchingUnitCode":"HD","startsOn":"%d-01-01","endsOn":"%d-12-31",
         "unitCodes":["NS"],"individualsAllowed":true,
         "milestones":[{"kind":"MID_YEAR_REVIEW","title":"Sơ kết","dueOn":"%d-07-15"}],
         "goals":[{"indicatorCode":"BUDGET_REVENUE","target":1000}],"version":0%s}"""
        .formatted(code, Y, Y, Y, Y, extra);
  }

  ResultActions as(String user, MockHttpServletRequestBuilder req, String body) throws Exception {
    return mvc.perform(
        req.with(httpBasic(user, "demo")).contentType(MediaType.APPLICATION_JSON).content(body));
  }

  long movements() {
    return jdbc.sql(
            """
            select (select count(*) from movement) + (select count(*) from movement_milestone)
                 + (select count(*) from movement_goal) + (select count(*) from movement_unit)""")
        .query(Long.class)
        .single();
  }

  long registrations() {
    return jdbc.sql(
            """
            select (select count(*) from registration) + (select count(*) from registration_target)
                 + (select count(*) from registration_person)""")
        .query(Long.class)
        .single();
  }

  long create(String code, String extra) throws Exception {
    String body =
        as("secretariat", post("/api/v1/movements"), movement(code, extra))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return json.readTree(body).get("id").asLong();
  }

  ResultActions step(long id, String action) throws Exception {
    int v =
        jdbc.sql("select version from movement where id = ?")
            .param(id)
            .query(Integer.class)
            .single();
    return as(
        "secretariat", post("/api/v1/movements/" + id + "/" + action), "{\"version\":" + v + "}");
  }

  @Test
  void goesThroughItsLifecycleInOrderAndRefusesEveryOtherStep() throws Exception {
    long id = create("T-LIFE", "");
    step(id, "start").andExpect(status().isConflict());
    step(id, "launch")
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("T-LIFE")));
    int v =
        jdbc.sql("select version from movement where id = ?")
            .param(id)
            .query(Integer.class)
            .single();
    as(
            "secretariat",
            put("/api/v1/movements/" + id),
            movement(
                    "T-LIFE",
                    ",\"decisionNumber\":\"15/QĐ-UBND\",\"decisionDate\":\"%d-01-05\"".formatted(Y))
                .replace("\"version\":0", "\"version\":" + v))
        .andExpect(status().isOk());
    step(id, "launch").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("LAUNCHED"));
    step(id, "launch").andExpect(status().isConflict());
    step(id, "close").andExpect(status().isConflict());
    step(id, "start").andExpect(jsonPath("$.status").value("IN_PROGRESS"));
    step(id, "review").andExpect(jsonPath("$.status").value("REVIEWED"));
    as("secretariat", put("/api/v1/movements/" + id), movement("T-LIFE", ""))
        .andExpect(status().isConflict());
    step(id, "close").andExpect(jsonPath("$.status").value("CLOSED"));
    step(id, "review").andExpect(status().isConflict());
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_entry where entity_type = 'movement' and entity_id = ?")
                .param(Long.toString(id))
                .query(Long.class)
                .single())
        .as("created, updated, launched, started, reviewed, closed")
        .isEqualTo(6);
    assertThat(events.stream(MovementStatusChanged.class).filter(e -> e.movementId() == id))
        .extracting(MovementStatusChanged::to)
        .containsExactly(
            MovementStatus.LAUNCHED,
            MovementStatus.IN_PROGRESS,
            MovementStatus.REVIEWED,
            MovementStatus.CLOSED);
  }

  @Test
  void refusesAStaleStep() throws Exception {
    long id =
        create(
            "T-STALE", ",\"decisionNumber\":\"1/QĐ\",\"decisionDate\":\"%d-01-02\"".formatted(Y));
    as("secretariat", post("/api/v1/movements/" + id + "/launch"), "{\"version\":7}")
        .andExpect(status().isConflict());
    assertThat(
            jdbc.sql("select status from movement where id = ?")
                .param(id)
                .query(String.class)
                .single())
        .isEqualTo("DRAFT");
  }

  @Test
  void refusesBadMovementsClearlyWithNothingWritten() throws Exception {
    long before = movements();
    as(
            "secretariat",
            post("/api/v1/movements"),
            movement("T-BAD", ",\"endsOn\":\"%d-01-01\",\"startsOn\":\"%d-06-01\"".formatted(Y, Y)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("endsOn"));
    as("secretariat", post("/api/v1/movements"), movement("T-BAD", ",\"unitCodes\":[\"NOWHERE\"]"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("unitCodes"));
    as("secretariat", post("/api/v1/movements"), movement("T-BAD", ",\"blocCodes\":[\"NO-BLOC\"]"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("blocCodes"));
    as(
            "secretariat",
            post("/api/v1/movements"),
            movement(
                "T-BAD",
                ",\"milestones\":[{\"kind\":\"LAUNCH\",\"title\":\"Phát động\",\"dueOn\":\"%d-12-01\"}]"
                    .formatted(Y - 1)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("milestones[0].dueOn"));
    as(
            "secretariat",
            post("/api/v1/movements"),
            movement("T-BAD", ",\"goals\":[{\"indicatorCode\":\"NO_SUCH\"}]"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("goals[0].indicatorCode"));
    as(
            "secretariat",
            post("/api/v1/movements"),
            movement("T-BAD", ",\"registrationDeadline\":\"%d-01-01\"".formatted(Y + 1)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("registrationDeadline"));
    as("reporter", post("/api/v1/movements"), movement("T-BAD", ""))
        .andExpect(status().isForbidden());
    assertThat(movements()).isEqualTo(before);
    create("T-DUP", "");
    long afterOne = movements();
    as("secretariat", post("/api/v1/movements"), movement("T-DUP", ""))
        .andExpect(status().isConflict());
    assertThat(movements()).isEqualTo(afterOne);
  }

  @Test
  void aDraftCannotBePublished() throws Exception {
    long id = create("T-PUBDRAFT", "");
    step(id, "publish").andExpect(status().isConflict());
    assertThat(
            jdbc.sql("select published from movement where id = ?")
                .param(id)
                .query(Boolean.class)
                .single())
        .isFalse();
  }

  String registration(String unit, String extra) {
    return """
        {"unitCode":"%s","titles":["TAP_THE_LDXS"],
         "targets":[{"indicatorCode":"BUDGET_REVENUE","target":900}],"version":0%s}"""
        .formatted(unit, extra);
  }

  long running(String code, String extra) throws Exception {
    long id =
        create(
            code,
            ",\"decisionNumber\":\"2/QĐ\",\"decisionDate\":\"%d-01-02\"".formatted(Y) + extra);
    step(id, "launch").andExpect(status().isOk());
    step(id, "start").andExpect(status().isOk());
    return id;
  }

  @Test
  void aUnitOutsideTheScopeCannotRegister() throws Exception {
    long id = running("T-SCOPE", ",\"unitCodes\":[\"HP\"]");
    long before = registrations();
    as("reporter", post("/api/v1/movements/" + id + "/registrations"), registration("TK", ""))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("unitCode"));
    as(
            "secretariat",
            post("/api/v1/movements/" + id + "/registrations"),
            registration("NOWHERE", ""))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("unitCode"));
    assertThat(registrations()).isEqualTo(before);
    // a commune of Hải Phòng (since the 2025 reform) is below a scope unit
    as(
            "secretariat",
            post("/api/v1/movements/" + id + "/registrations"),
            registration("HP.NS.NAMSACH", ""))
        .andExpect(status().isCreated());
  }

  @Test
  void refusesADuplicateRegistrationAndBadTargetsWithNothingWritten() throws Exception {
    long id = running("T-DUPREG", "");
    as("secretariat", post("/api/v1/movements/" + id + "/registrations"), registration("NS", ""))
        .andExpect(status().isCreated());
    long before = registrations();
    as("secretariat", post("/api/v1/movements/" + id + "/registrations"), registration("NS", ""))
        .andExpect(status().isConflict());
    as(
            "secretariat",
            put("/api/v1/movements/" + id + "/registrations/NS"),
            registration("NS", "").replace("BUDGET_REVENUE", "NO_SUCH"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("targets[0].indicatorCode"));
    assertThat(registrations()).isEqualTo(before);
    mvc.perform(get("/api/v1/movements/" + id + "/participation").with(httpBasic("viewer", "demo")))
        .andExpect(jsonPath("$[?(@.unitCode == 'NS')].registered").value(true));
  }

  @Test
  void enforcesTheRegistrationDeadlineUntilTheSecretariatReopens() throws Exception {
    LocalDate yesterday = LocalDate.now().minusDays(1);
    long id =
        running(
            "T-DEADLINE",
            ",\"unitCodes\":[\"TK\"],\"registrationDeadline\":\"%s\"".formatted(yesterday));
    long before = registrations();
    as("reporter", post("/api/v1/movements/" + id + "/registrations"), registration("TK", ""))
        .andExpect(status().isConflict());
    assertThat(registrations()).isEqualTo(before);
    String reopen =
        "{\"openUntil\":\"%s\",\"reason\":\"Đơn vị gửi chậm\"}".formatted(LocalDate.now());
    as("reporter", post("/api/v1/movements/" + id + "/registrations/TK/reopen"), reopen)
        .andExpect(status().isForbidden());
    as("secretariat", post("/api/v1/movements/" + id + "/registrations/TK/reopen"), reopen)
        .andExpect(status().isNoContent());
    as("reporter", post("/api/v1/movements/" + id + "/registrations"), registration("TK", ""))
        .andExpect(status().isCreated());
  }

  @Test
  void aDraftTakesNoRegistrations() throws Exception {
    long id = create("T-NOREG", "");
    long before = registrations();
    as("secretariat", post("/api/v1/movements/" + id + "/registrations"), registration("NS", ""))
        .andExpect(status().isConflict());
    assertThat(registrations()).isEqualTo(before);
  }
}
