package org.laurel.reward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.laurel.support.LaurelTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@LaurelTest
@Transactional
class ProposalWorkflowTest {

  static final byte[] PDF =
      "%PDF-1.7\n1 0 obj<<>>endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;

  long tkPerson;
  long clPerson;

  @BeforeEach
  void people() {
    tkPerson = person("TK", "Nguyễn Thị Đề Cử");
    clPerson = person("CL", "Trần Văn Ngoài");
  }

  @Test
  void aProposalGoesFromDraftToTheCouncilWithEveryStepRecorded() throws Exception {
    long id = draft("reporter");
    nominee(id, "reporter", tkPerson).andExpect(status().isCreated());
    attach(id, "reporter", "bao-cao-thanh-tich.pdf", PDF)
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.mediaType").value("application/pdf"));
    step(id, "submit", "reporter").andExpect(jsonPath("$.status").value("SUBMITTED"));
    step(id, "receive", "secretariat").andExpect(jsonPath("$.status").value("RECEIVED"));
    step(id, "review", "secretariat")
        .andExpect(jsonPath("$.status").value("IN_REVIEW"))
        .andExpect(jsonPath("$.nominees[0].ruleSetVersion").value(2))
        .andExpect(jsonPath("$.nominees[0].evaluation.conditions[0].type").value("NO_DISCIPLINE"));
    stepWith(
            id,
            "notice",
            "secretariat",
            """
            {"opinion":"Đủ điều kiện theo báo cáo thành tích","days":15,"startsOn":"2025-01-10","version":%d}"""
                .formatted(version(id)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.noticeUntil").value("2025-01-24"));
    // the notice is over (2025), but it is closed for comments: recorded one by SQL
    long comment =
        jdbc.sql(
                """
                insert into notice_comment(proposal_id, receipt, kind, body, client_ip)
                values (?, 'CK-TEST-0001', 'COMPLAINT', 'Chưa đúng thành tích', '198.51.100.1')
                returning id""")
            .param(id)
            .query(Long.class)
            .single();
    step(id, "ready", "secretariat").andExpect(status().isConflict());
    mvc.perform(
            post("/api/v1/notice-comments/" + comment + "/answer")
                .with(httpBasic("secretariat", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"answer\":\"Đã xác minh, thành tích đúng\",\"version\":0}"))
        .andExpect(status().isOk());
    step(id, "ready", "secretariat").andExpect(jsonPath("$.status").value("READY_FOR_COUNCIL"));
    JsonNode p = read(id);
    assertThat(p.get("steps")).hasSize(6);
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_entry where entity_type = 'proposal' and entity_id = ?")
                .param(Long.toString(id))
                .query(Long.class)
                .single())
        .isGreaterThanOrEqualTo(9);
    mvc.perform(get("/api/v1/portal/notices/receipts/ck-test-0001"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.answer").value("Đã xác minh, thành tích đúng"))
        .andExpect(jsonPath("$.authorContact").doesNotExist());
  }

  @Test
  void aReturnAlwaysCarriesItsReason() throws Exception {
    long id = draft("reporter");
    nominee(id, "reporter", tkPerson);
    step(id, "submit", "reporter");
    stepWith(
            id, "return", "secretariat", "{\"reason\":\" \",\"version\":%d}".formatted(version(id)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("reason"));
    assertThat(read(id).get("status").asString()).isEqualTo("SUBMITTED");
    stepWith(
            id,
            "return",
            "secretariat",
            "{\"reason\":\"Thiếu biên bản họp\",\"version\":%d}".formatted(version(id)))
        .andExpect(jsonPath("$.status").value("DRAFT"))
        .andExpect(jsonPath("$.returnReason").value("Thiếu biên bản họp"))
        .andExpect(jsonPath("$.steps[2].reason").value("Thiếu biên bản họp"));
  }

  @Test
  void refusesAStepOutOfOrderAndWritesNothing() throws Exception {
    long id = draft("reporter");
    nominee(id, "reporter", tkPerson);
    int v = version(id);
    long steps = steps(id);
    step(id, "receive", "secretariat")
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail").value("A proposal that is DRAFT cannot go to RECEIVED."));
    step(id, "ready", "secretariat").andExpect(status().isConflict());
    assertThat(version(id)).isEqualTo(v);
    assertThat(steps(id)).isEqualTo(steps);
    assertThat(read(id).get("status").asString()).isEqualTo("DRAFT");
  }

  @Test
  void refusesAStaleVersion() throws Exception {
    long id = draft("reporter");
    nominee(id, "reporter", tkPerson);
    stepWith(id, "submit", "reporter", "{\"version\":7}").andExpect(status().isConflict());
    assertThat(read(id).get("status").asString()).isEqualTo("DRAFT");
  }

  @Test
  void refusesANomineeOutsideTheProposingUnitsScope() throws Exception {
    long id = draft("reporter");
    nominee(id, "reporter", clPerson)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("personId"));
    assertThat(nominees(id)).isZero();
  }

  @Test
  void refusesADuplicateNomination() throws Exception {
    long id = draft("reporter");
    nominee(id, "reporter", tkPerson).andExpect(status().isCreated());
    nominee(id, "reporter", tkPerson).andExpect(status().isConflict());
    long other = draft("reporter");
    nominee(other, "reporter", tkPerson)
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("" + id)));
    assertThat(nominees(id)).isEqualTo(1);
    assertThat(nominees(other)).isZero();
  }

  @Test
  void refusesFilesThatLieAboutTheirTypeOrAreTooLarge() throws Exception {
    long id = draft("reporter");
    // a Word document named as a PDF
    attach(id, "reporter", "bao-cao.pdf", docx())
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("file"))
        .andExpect(
            jsonPath("$.errors[0].message")
                .value("The file bao-cao.pdf is a DOCX file but is named .pdf."));
    // a program named as a PDF
    attach(
            id,
            "reporter",
            "bien-ban.pdf",
            "MZ\u0090\u0000program".getBytes(StandardCharsets.ISO_8859_1))
        .andExpect(status().isBadRequest());
    // a zip that is no office document, named .docx
    attach(id, "reporter", "x.docx", zip("hello.txt")).andExpect(status().isBadRequest());
    byte[] big = new byte[10 * 1024 * 1024 + 1];
    System.arraycopy(PDF, 0, big, 0, PDF.length);
    attach(id, "reporter", "lon.pdf", big)
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath("$.errors[0].message")
                .value(org.hamcrest.Matchers.startsWith("The file has 10,485,761 bytes")));
    assertThat(
            jdbc.sql("select count(*) from proposal_attachment where proposal_id = ?")
                .param(id)
                .query(Long.class)
                .single())
        .isZero();
    attach(id, "reporter", "bao-cao.docx", docx()).andExpect(status().isCreated());
  }

  @Test
  void anotherUnitsOfficerCannotTouchTheDraft() throws Exception {
    long id = draft("reporter");
    nominee(id, "blochead", tkPerson).andExpect(status().isForbidden());
    assertThat(nominees(id)).isZero();
  }

  @Test
  void limitsPublicCommentsPerAddressAndGivesReceipts() throws Exception {
    long id = draft("reporter");
    nominee(id, "reporter", tkPerson);
    step(id, "submit", "reporter");
    step(id, "receive", "secretariat");
    step(id, "review", "secretariat");
    stepWith(
        id,
        "notice",
        "secretariat",
        "{\"opinion\":\"Đủ điều kiện\",\"days\":30,\"version\":%d}".formatted(version(id)));
    mvc.perform(get("/api/v1/portal/notices"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[?(@.id==%d)].open".formatted(id)).value(true));
    for (int i = 0; i < 5; i++) {
      comment(id, "203.0.113.9")
          .andExpect(status().isCreated())
          .andExpect(
              jsonPath("$.receipt")
                  .value(org.hamcrest.Matchers.matchesPattern("CK-[A-Z0-9]{4}-[A-Z0-9]{4}")));
    }
    comment(id, "203.0.113.9").andExpect(status().isTooManyRequests());
    comment(id, "203.0.113.10").andExpect(status().isCreated());
    mvc.perform(get("/api/v1/portal/notices/" + id))
        .andExpect(jsonPath("$.comments.length()").value(6))
        .andExpect(jsonPath("$.comments[0].authorContact").doesNotExist());
    step(id, "ready", "secretariat").andExpect(status().isConflict());
  }

  // ---- helpers

  private ResultActions comment(long id, String ip) throws Exception {
    return mvc.perform(
        post("/api/v1/portal/notices/" + id + "/comments")
            .with(
                r -> {
                  r.setRemoteAddr(ip);
                  return r;
                })
            .contentType(MediaType.APPLICATION_JSON)
            .content(
                """
                {"kind":"COMMENT","authorContact":"0912 345 678","body":"Đồng ý với đề nghị"}"""));
  }

  private long draft(String user) throws Exception {
    String body =
        mvc.perform(
                post("/api/v1/proposals")
                    .with(httpBasic(user, "demo"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        """
                        {"kind":"REGULAR","year":2024,"title":"Đề nghị tặng Lao động tiên tiến năm 2024",
                         "proposingUnitCode":"TK","awardCode":"LDTT","achievement":"Hoàn thành tốt nhiệm vụ"}"""))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return json.readTree(body).get("id").asLong();
  }

  private ResultActions nominee(long id, String user, long person) throws Exception {
    return mvc.perform(
        post("/api/v1/proposals/" + id + "/nominees")
            .with(httpBasic(user, "demo"))
            .header("Accept-Language", "en")
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"kind\":\"INDIVIDUAL\",\"personId\":%d}".formatted(person)));
  }

  private ResultActions attach(long id, String user, String name, byte[] content) throws Exception {
    return mvc.perform(
        multipart("/api/v1/proposals/" + id + "/attachments")
            .file(new MockMultipartFile("file", name, "application/pdf", content))
            .param("role", "ACHIEVEMENT_REPORT")
            .with(httpBasic(user, "demo"))
            .header("Accept-Language", "en"));
  }

  private ResultActions step(long id, String step, String user) throws Exception {
    return stepWith(id, step, user, "{\"version\":%d}".formatted(version(id)));
  }

  private ResultActions stepWith(long id, String step, String user, String body) throws Exception {
    return mvc.perform(
        post("/api/v1/proposals/" + id + "/" + step)
            .with(httpBasic(user, "demo"))
            .header("Accept-Language", "en")
            .contentType(MediaType.APPLICATION_JSON)
            .content(body));
  }

  private JsonNode read(long id) throws Exception {
    return json.readTree(
        mvc.perform(get("/api/v1/proposals/" + id).with(httpBasic("viewer", "demo")))
            .andReturn()
            .getResponse()
            .getContentAsString());
  }

  private int version(long id) {
    return jdbc.sql("select version from proposal where id = ?")
        .param(id)
        .query(Integer.class)
        .single();
  }

  private long steps(long id) {
    return jdbc.sql("select count(*) from proposal_step where proposal_id = ?")
        .param(id)
        .query(Long.class)
        .single();
  }

  private long nominees(long id) {
    return jdbc.sql("select count(*) from proposal_nominee where proposal_id = ?")
        .param(id)
        .query(Long.class)
        .single();
  }

  private long person(String unit, String name) {
    return jdbc.sql(
            "insert into person(unit_id, full_name, active) select id, ?, true from unit where code = ? returning id")
        .params(name, unit)
        .query(Long.class)
        .single();
  }

  static byte[] docx() throws Exception {
    return zip("[Content_Types].xml", "word/document.xml");
  }

  static byte[] zip(String... names) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      for (String n : names) {
        z.putNextEntry(new ZipEntry(n));
        z.write("<x/>".getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
      }
    }
    return out.toByteArray();
  }
}
