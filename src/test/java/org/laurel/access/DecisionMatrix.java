package org.laurel.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import org.laurel.access.WriteAccessMatrixTest.Call;
import org.laurel.access.WriteAccessMatrixTest.Endpoint;
import org.laurel.access.WriteAccessMatrixTest.Scope;
import org.laurel.access.WriteAccessMatrixTest.World;
import org.laurel.reward.AwardType.Recipient;
import org.laurel.reward.Decisions;
import org.laurel.reward.ProposalKind;
import org.laurel.reward.ProposalView;
import org.laurel.reward.Proposals;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The decision and reward-fund rows of both write matrices (API and UI), and what they act on,
 * committed once: per scope (a nominee of MX.A / MX.B) a nominee the council approved, a draft
 * decision granting another, and an issued decision. Decisions and the fund are the secretariat's,
 * whatever the unit.
 */
final class DecisionMatrix {
  private DecisionMatrix() {}

  static final BiPredicate<Role, Scope> SECRETARIAT = (r, s) -> r.isSecretariat();

  /** Per scope: the approved nominee to draft, the draft to issue or edit, the issued decision. */
  record Fixture(
      long nominee, long draft, long draftNominee, long issued, int issuedVersion, long award) {}

  private static final Map<Scope, Fixture> FIXTURES =
      new java.util.concurrent.ConcurrentHashMap<>();

  static Fixture of(Scope s) {
    return FIXTURES.get(s);
  }

  static synchronized void ensure(
      ApplicationContext context, PlatformTransactionManager tx, World w) {
    if (!FIXTURES.isEmpty()) {
      return;
    }
    Proposals proposals = context.getBean(Proposals.class);
    Decisions decisions = context.getBean(Decisions.class);
    JdbcClient jdbc = context.getBean(JdbcClient.class);
    TransactionTemplate t = new TransactionTemplate(tx);
    t.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
    Access.runAsSystem(
        "matrix-setup",
        () ->
            t.executeWithoutResult(
                st -> {
                  for (Scope s : Scope.values()) {
                    long nominee = approved(proposals, jdbc, w, s, 2023);
                    long draftNominee = approved(proposals, jdbc, w, s, 2022);
                    long issuedNominee = approved(proposals, jdbc, w, s, 2021);
                    LocalDate day = LocalDate.of(2024, 2, 1);
                    long draft =
                        decisions
                            .draft(
                                Decisions.Draft.granting(
                                    "UBND-HD", day, null, List.of(draftNominee)))
                            .id();
                    long issued =
                        decisions
                            .draft(
                                Decisions.Draft.granting(
                                    "UBND-HD", day, null, List.of(issuedNominee)))
                            .id();
                    var done = decisions.issue(issued, new Decisions.Step(0));
                    FIXTURES.put(
                        s,
                        new Fixture(
                            nominee,
                            draft,
                            draftNominee,
                            issued,
                            done.version(),
                            done.items().get(0).awardId()));
                  }
                }));
  }

  /** A nominee of the scope's unit for the Bằng khen of the year, approved by the council. */
  private static long approved(Proposals proposals, JdbcClient jdbc, World w, Scope s, int year) {
    ProposalView p =
        proposals.create(
            new Proposals.NewProposal(
                ProposalKind.REGULAR,
                year,
                "Ma trận quyết định " + w.unit(s) + " " + year,
                w.unit(s),
                "BK_UBND_CN",
                null));
    long nominee =
        proposals
            .addNominee(
                p.id(), new Proposals.NomineeForm(Recipient.INDIVIDUAL, w.person(s), null, null))
            .id();
    // straight to the council's outcome: the ballot is tested on its own
    jdbc.sql("update proposal set status = 'COUNCIL_VOTED' where id = ?").param(p.id()).update();
    jdbc.sql("update proposal_nominee set council_outcome = 'APPROVED' where id = ?")
        .param(nominee)
        .update();
    return nominee;
  }

  /** The API rows. */
  static final List<Endpoint> API =
      List.of(
          new Endpoint(
              "POST /api/v1/decisions",
              (w, s, c) ->
                  post(
                      "/api/v1/decisions",
                      """
                      {"kind":"GRANTING","bodyCode":"UBND-HD","decidedOn":"2024-03-01","nomineeIds":[%d]}"""
                          .formatted(of(s).nominee())),
              SECRETARIAT),
          new Endpoint(
              "PUT /api/v1/decisions/{id}",
              (w, s, c) ->
                  new Call(
                      HttpMethod.PUT,
                      "/api/v1/decisions/" + of(s).draft(),
                      """
                      {"version":0,"draft":{"kind":"GRANTING","bodyCode":"UBND-HD","decidedOn":"2024-02-02",
                       "signerName":"Trần Thị Hoa","nomineeIds":[%d]}}"""
                          .formatted(of(s).draftNominee())),
              SECRETARIAT),
          new Endpoint(
              "POST /api/v1/decisions/{id}/issue",
              (w, s, c) -> post("/api/v1/decisions/" + of(s).draft() + "/issue", "{\"version\":0}"),
              SECRETARIAT),
          new Endpoint(
              "POST /api/v1/decisions/{id}/publish",
              (w, s, c) ->
                  post(
                      "/api/v1/decisions/" + of(s).issued() + "/publish",
                      "{\"version\":%d}".formatted(of(s).issuedVersion())),
              SECRETARIAT),
          new Endpoint(
              "POST /api/v1/fund/income",
              (w, s, c) ->
                  post(
                      "/api/v1/fund/income",
                      """
                      {"entryDate":"2024-01-15","amountVnd":5000000,"source":"Ngân sách ma trận"}"""),
              SECRETARIAT));

  /** The UI rows. */
  static final List<UiWriteAccessMatrixTest.Row> UI =
      List.of(
          new UiWriteAccessMatrixTest.Row(
              "POST /decisions/new",
              "POST /api/v1/decisions",
              (w, s, c) ->
                  MockMvcRequestBuilders.post("/decisions/new")
                      .param("bodyCode", "UBND-HD")
                      .param("decidedOn", "2024-03-01")
                      .param("nomineeIds", Long.toString(of(s).nominee())),
              SECRETARIAT,
              MovementMatrix.redirectWithFlash("/decisions/")),
          new UiWriteAccessMatrixTest.Row(
              "POST /decisions/{id}/issue",
              "POST /api/v1/decisions/{id}/issue",
              (w, s, c) ->
                  MockMvcRequestBuilders.post("/decisions/" + of(s).draft() + "/issue")
                      .param("version", "0"),
              SECRETARIAT,
              (result, c, jdbc) -> {
                MovementMatrix.redirectWithFlash("/decisions/").verify(result, c, jdbc);
                assertThat(
                        jdbc.sql(
                                "select count(*) from decision where id in (?, ?) and status = 'ISSUED'")
                            .params(of(Scope.OWN).draft(), of(Scope.FOREIGN).draft())
                            .query(Long.class)
                            .single())
                    .as("the draft is issued")
                    .isEqualTo(1);
              }),
          new UiWriteAccessMatrixTest.Row(
              "POST /decisions/{id}/publish",
              "POST /api/v1/decisions/{id}/publish",
              (w, s, c) ->
                  MockMvcRequestBuilders.post("/decisions/" + of(s).issued() + "/publish")
                      .param("version", Integer.toString(of(s).issuedVersion())),
              SECRETARIAT,
              (result, c, jdbc) -> {
                MovementMatrix.redirectWithFlash("/decisions/").verify(result, c, jdbc);
                assertThat(
                        jdbc.sql(
                                "select count(*) from decision where id in (?, ?) and published_at is not null")
                            .params(of(Scope.OWN).issued(), of(Scope.FOREIGN).issued())
                            .query(Long.class)
                            .single())
                    .as("the decision is published")
                    .isEqualTo(1);
              }),
          new UiWriteAccessMatrixTest.Row(
              "POST /decisions/{id}/revoke",
              "POST /api/v1/decisions",
              (w, s, c) ->
                  MockMvcRequestBuilders.post("/decisions/" + of(s).issued() + "/revoke")
                      .param("bodyCode", "UBND-HD")
                      .param("decidedOn", "2024-05-01")
                      .param("reason", "Ma trận hủy bỏ")
                      .param("awardIds", Long.toString(of(s).award())),
              SECRETARIAT,
              MovementMatrix.redirectWithFlash("/decisions/")),
          new UiWriteAccessMatrixTest.Row(
              "POST /decisions/{id}/correct",
              "POST /api/v1/decisions",
              (w, s, c) ->
                  MockMvcRequestBuilders.post("/decisions/" + of(s).issued() + "/correct")
                      .param("bodyCode", "UBND-HD")
                      .param("decidedOn", "2024-05-01")
                      .param("reason", "Ma trận đính chính")
                      .param("awardId", Long.toString(of(s).award()))
                      .param("achievement", "Thành tích đã đính chính"),
              SECRETARIAT,
              MovementMatrix.redirectWithFlash("/decisions/")),
          new UiWriteAccessMatrixTest.Row(
              "POST /fund/income",
              "POST /api/v1/fund/income",
              (w, s, c) ->
                  MockMvcRequestBuilders.post("/fund/income")
                      .param("entryDate", "2024-01-15")
                      .param("amountVnd", "5000000")
                      .param("source", "Ngân sách ma trận giao diện"),
              SECRETARIAT,
              MovementMatrix.redirectWithFlash("/fund")));

  private static Call post(String path, String body) {
    return new Call(HttpMethod.POST, path, body);
  }
}
