package org.laurel.access;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import org.laurel.access.UiWriteAccessMatrixTest.Row;
import org.laurel.access.WriteAccessMatrixTest.Call;
import org.laurel.access.WriteAccessMatrixTest.Ctx;
import org.laurel.access.WriteAccessMatrixTest.Endpoint;
import org.laurel.access.WriteAccessMatrixTest.Scope;
import org.laurel.access.WriteAccessMatrixTest.World;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The reward pages' rows of the write matrices (the proposal workflow, the ranking's proposals, the
 * award import, rule-set versions) and the API row of taking a nominee off a draft. They act on
 * {@link RewardMatrix}'s committed proposals of MX.A (own) and MX.B (foreign) at each step. Kept
 * apart from the other reward rows so that each block merges on its own.
 */
final class RewardUiMatrix {
  private RewardUiMatrix() {}

  static final BiPredicate<Role, Scope> SECRETARIAT = (r, s) -> r.isSecretariat();
  static final BiPredicate<Role, Scope> ADMIN = (r, s) -> r == Role.ADMIN;
  static final BiPredicate<Role, Scope> OWN_UNIT_DATA =
      (r, s) -> r.isSecretariat() || (r.reportsForOwnUnit() && s == Scope.OWN);

  /** The nominee of each scope's draft, to take off. */
  private static final Map<Scope, Long> NOMINEES = new ConcurrentHashMap<>();

  static synchronized void ensure(
      ApplicationContext context, PlatformTransactionManager tx, World w) {
    RewardMatrix.ensure(context, tx, w);
    if (!NOMINEES.isEmpty()) {
      return;
    }
    JdbcClient jdbc = context.getBean(JdbcClient.class);
    for (Scope s : Scope.values()) {
      NOMINEES.put(
          s,
          jdbc.sql("select min(id) from proposal_nominee where proposal_id = ?")
              .param(RewardMatrix.proposal("draft", s))
              .query(Long.class)
              .single());
    }
  }

  /** The API endpoints the pages added. */
  static final List<Endpoint> API =
      List.of(
          new Endpoint(
              "DELETE /api/v1/proposals/{id}/nominees/{nomineeId}",
              (w, s, c) ->
                  new Call(
                      HttpMethod.DELETE,
                      "/api/v1/proposals/"
                          + RewardMatrix.proposal("draft", s)
                          + "/nominees/"
                          + NOMINEES.get(s),
                      null),
              OWN_UNIT_DATA));

  static final List<Row> UI =
      List.of(
          new Row(
              "POST /rewards/proposals/new",
              "POST /api/v1/proposals",
              (w, s, c) ->
                  post("/rewards/proposals/new")
                      .param("kind", "REGULAR")
                      .param("year", "2024")
                      .param("title", "Đề nghị ma trận giao diện")
                      .param("proposingUnitCode", w.unit(s))
                      .param("awardCode", "LDTT"),
              OWN_UNIT_DATA,
              MovementMatrix.redirectWithFlash("/rewards/proposals/")),
          new Row(
              "POST /rewards/proposals/{id}/nominees",
              "POST /api/v1/proposals/{id}/nominees",
              (w, s, c) ->
                  post("/rewards/proposals/" + RewardMatrix.proposal("empty", s) + "/nominees")
                      .param("kind", "INDIVIDUAL")
                      .param("personId", Long.toString(w.person(s))),
              OWN_UNIT_DATA,
              MovementMatrix.redirectWithFlash("/rewards/proposals/")),
          new Row(
              "POST /rewards/proposals/{id}/nominees/{nomineeId}/remove",
              "DELETE /api/v1/proposals/{id}/nominees/{nomineeId}",
              (w, s, c) ->
                  post(
                      "/rewards/proposals/"
                          + RewardMatrix.proposal("draft", s)
                          + "/nominees/"
                          + NOMINEES.get(s)
                          + "/remove"),
              OWN_UNIT_DATA,
              MovementMatrix.redirectWithFlash("/rewards/proposals/")),
          new Row(
              "POST /rewards/proposals/{id}/attachments",
              "POST /api/v1/proposals/{id}/attachments",
              (w, s, c) ->
                  MockMvcRequestBuilders.multipart(
                          "/rewards/proposals/"
                              + RewardMatrix.proposal("empty", s)
                              + "/attachments")
                      .file(
                          new MockMultipartFile(
                              "file",
                              "bien-ban.pdf",
                              "application/pdf",
                              "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)))
                      .param("role", "MEETING_MINUTES"),
              OWN_UNIT_DATA,
              MovementMatrix.redirectWithFlash("/rewards/proposals/")),
          step("submit", "draft", OWN_UNIT_DATA),
          step("receive", "submitted", SECRETARIAT),
          step("review", "received", SECRETARIAT),
          step("ready", "noticeOver", SECRETARIAT),
          new Row(
              "POST /rewards/proposals/{id}/notice",
              "POST /api/v1/proposals/{id}/notice",
              (w, s, c) ->
                  post("/rewards/proposals/" + RewardMatrix.proposal("review", s) + "/notice")
                      .param("opinion", "Đủ điều kiện")
                      .param("days", "10")
                      .param("version", version(c, RewardMatrix.proposal("review", s))),
              SECRETARIAT,
              MovementMatrix.redirectWithFlash("/rewards/proposals/")),
          new Row(
              "POST /rewards/proposals/{id}/return",
              "POST /api/v1/proposals/{id}/return",
              (w, s, c) ->
                  post("/rewards/proposals/" + RewardMatrix.proposal("submitted", s) + "/return")
                      .param("reason", "Thiếu hồ sơ")
                      .param("version", version(c, RewardMatrix.proposal("submitted", s))),
              SECRETARIAT,
              MovementMatrix.redirectWithFlash("/rewards/proposals/")),
          new Row(
              "POST /rewards/notice-comments/{commentId}/answer",
              "POST /api/v1/notice-comments/{id}/answer",
              (w, s, c) ->
                  post("/rewards/notice-comments/" + RewardMatrix.comment(s) + "/answer")
                      .param("answer", "Đã trả lời")
                      .param("version", "0"),
              SECRETARIAT,
              MovementMatrix.redirectWithFlash("/rewards/proposals/")),
          new Row(
              "POST /rewards/proposals/from-ranking",
              "POST /api/v1/blocs/{id}/proposals",
              (w, s, c) ->
                  post("/rewards/proposals/from-ranking")
                      .param("blocId", Long.toString(RewardMatrix.rankedBloc))
                      .param("meritCount", "2"),
              SECRETARIAT,
              MovementMatrix.redirectWithFlash("/rewards/proposals")),
          new Row(
              "POST /rewards/rule-sets/{award}",
              "POST /api/v1/rule-sets/{award}",
              (w, s, c) ->
                  post("/rewards/rule-sets/LDTT")
                      .param("effectiveFrom", "2026-01-01")
                      .param("legalBasis", "Ma trận giao diện")
                      .param("baseVersion", Integer.toString(c.version().apply("ruleset:LDTT")))
                      .param("conditions[0].type", "NO_DISCIPLINE")
                      .param("conditions[0].window", "1")
                      .param("conditions[0].source", "Nghị định 98/2023, Điều 5"),
              ADMIN,
              MovementMatrix.redirectWithFlash("/rewards/rule-sets/LDTT")),
          new Row(
              "POST /rewards/awards/import",
              "POST /api/v1/imports/awards",
              (w, s, c) ->
                  MockMvcRequestBuilders.multipart("/rewards/awards/import")
                      .file(
                          new MockMultipartFile(
                              "file",
                              "khen-thuong.csv",
                              "text/csv",
                              ("recipient,unit,person,household,award,year,decision_number,"
                                      + "decision_date\nCOLLECTIVE,"
                                      + w.unit(s)
                                      + ",,,TTLDTT,2016,,\n")
                                  .getBytes(StandardCharsets.UTF_8))),
              SECRETARIAT,
              MovementMatrix.redirectWithFlash("/rewards/awards")));

  private static Row step(String step, String fixture, BiPredicate<Role, Scope> allowed) {
    return new Row(
        "POST /rewards/proposals/{id}/" + step,
        "POST /api/v1/proposals/{id}/" + step,
        (w, s, c) ->
            post("/rewards/proposals/" + RewardMatrix.proposal(fixture, s) + "/" + step)
                .param("version", version(c, RewardMatrix.proposal(fixture, s))),
        allowed,
        MovementMatrix.redirectWithFlash("/rewards/proposals/"));
  }

  private static String version(Ctx c, long proposal) {
    return Integer.toString(c.version().apply("proposal:" + proposal));
  }

  private static MockHttpServletRequestBuilder post(String path) {
    return MockMvcRequestBuilders.post(path);
  }
}
