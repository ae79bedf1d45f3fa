package org.laurel.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import org.laurel.access.UiWriteAccessMatrixTest.Row;
import org.laurel.access.UiWriteAccessMatrixTest.Success;
import org.laurel.access.WriteAccessMatrixTest.Call;
import org.laurel.access.WriteAccessMatrixTest.Endpoint;
import org.laurel.access.WriteAccessMatrixTest.Scope;
import org.laurel.bloc.CouncilView;
import org.laurel.bloc.Councils;
import org.laurel.organisation.People;
import org.laurel.organisation.PersonView;
import org.laurel.reward.AwardType.Recipient;
import org.laurel.reward.Ballots;
import org.laurel.reward.CouncilSessionView;
import org.laurel.reward.CouncilSessions;
import org.laurel.reward.ProposalKind;
import org.laurel.reward.ProposalView;
import org.laurel.reward.Proposals;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Council sessions and secret ballots: their rows of both write matrices (API and UI) and the
 * sessions they act on. The own scope is a session of a council the matrix' council member ({@code
 * mx-council}, linked here to a member person) sits on; the foreign scope one of a council they do
 * not. Secretariat writes are allowed on both; a member votes, and declares their own conflict of
 * interest, only in their own council's session.
 */
final class BallotMatrix {
  private BallotMatrix() {}

  static final BiPredicate<Role, Scope> SECRETARIAT = (r, s) -> r.isSecretariat();

  /** The member themselves, in a session they are invited to; the secretariat too. */
  static final BiPredicate<Role, Scope> SECRETARIAT_OR_MEMBER_SELF =
      (r, s) -> r.isSecretariat() || (r == Role.COUNCIL_MEMBER && s == Scope.OWN);

  static final BiPredicate<Role, Scope> INVITED_MEMBER =
      (r, s) -> r == Role.COUNCIL_MEMBER && s == Scope.OWN;

  /** What the rows act on, per scope. */
  record Fixture(
      long council,
      long person,
      long prep,
      long prepItem,
      long spare,
      long open,
      long openItem,
      long openNominee,
      long closing) {}

  private static final Map<Scope, Fixture> FIXTURES = new ConcurrentHashMap<>();
  private static volatile JdbcClient jdbc;

  static Fixture f(Scope s) {
    return FIXTURES.get(s);
  }

  static int version(long session) {
    return jdbc.sql("select version from council_session where id = ?")
        .param(session)
        .query(Integer.class)
        .single();
  }

  static final List<Endpoint> API =
      List.of(
          new Endpoint(
              "POST /api/v1/council-sessions",
              (w, s, c) ->
                  post(
                      "/api/v1/council-sessions",
                      """
                      {"councilId":%d,"heldOn":"2025-01-21","title":"Phiên ma trận","proposalIds":[]}"""
                          .formatted(f(s).council())),
              SECRETARIAT),
          new Endpoint(
              "POST /api/v1/council-sessions/{id}/items",
              (w, s, c) ->
                  post(
                      "/api/v1/council-sessions/" + f(s).prep() + "/items",
                      "{\"proposalId\":%d,\"version\":%d}"
                          .formatted(f(s).spare(), version(f(s).prep()))),
              SECRETARIAT),
          new Endpoint(
              "POST /api/v1/council-sessions/{id}/items/{itemId}/remove",
              (w, s, c) ->
                  post(
                      "/api/v1/council-sessions/%d/items/%d/remove"
                          .formatted(f(s).prep(), f(s).prepItem()),
                      "{\"version\":%d}".formatted(version(f(s).prep()))),
              SECRETARIAT),
          new Endpoint(
              "POST /api/v1/council-sessions/{id}/attendance",
              (w, s, c) ->
                  post(
                      "/api/v1/council-sessions/" + f(s).prep() + "/attendance",
                      "{\"entries\":[{\"personId\":%d,\"attendance\":\"ABSENT\"}],\"version\":%d}"
                          .formatted(f(s).person(), version(f(s).prep()))),
              SECRETARIAT),
          new Endpoint(
              "POST /api/v1/council-sessions/{id}/items/{itemId}/recusals",
              (w, s, c) ->
                  post(
                      "/api/v1/council-sessions/%d/items/%d/recusals"
                          .formatted(f(s).open(), f(s).openItem()),
                      "{\"personId\":%d,\"reason\":\"Xung đột ma trận\"}".formatted(f(s).person())),
              SECRETARIAT_OR_MEMBER_SELF),
          new Endpoint(
              "POST /api/v1/council-sessions/{id}/open",
              (w, s, c) ->
                  post(
                      "/api/v1/council-sessions/" + f(s).prep() + "/open",
                      "{\"version\":%d}".formatted(version(f(s).prep()))),
              SECRETARIAT),
          new Endpoint(
              "POST /api/v1/council-sessions/{id}/ballot",
              (w, s, c) ->
                  post(
                      "/api/v1/council-sessions/" + f(s).open() + "/ballot",
                      "{\"choices\":[{\"nomineeId\":%d,\"choice\":\"APPROVE\"}]}"
                          .formatted(f(s).openNominee())),
              INVITED_MEMBER),
          new Endpoint(
              "POST /api/v1/council-sessions/{id}/items/{itemId}/paper-tally",
              (w, s, c) ->
                  post(
                      "/api/v1/council-sessions/%d/items/%d/paper-tally"
                          .formatted(f(s).open(), f(s).openItem()),
                      "{\"nominees\":[{\"nomineeId\":%d,\"approve\":1,\"reject\":0,\"abstain\":0}]}"
                          .formatted(f(s).openNominee())),
              SECRETARIAT),
          new Endpoint(
              "POST /api/v1/council-sessions/{id}/close",
              (w, s, c) ->
                  post(
                      "/api/v1/council-sessions/" + f(s).closing() + "/close",
                      "{\"version\":%d}".formatted(version(f(s).closing()))),
              SECRETARIAT));

  static final List<Row> UI =
      List.of(
          new Row(
              "POST /council/sessions",
              "POST /api/v1/council-sessions",
              (w, s, c) ->
                  MockMvcRequestBuilders.post("/council/sessions")
                      .param("councilId", Long.toString(f(s).council()))
                      .param("heldOn", "2025-01-22")
                      .param("title", "Phiên ma trận " + c.suffix()),
              SECRETARIAT,
              wrote(
                  "/council/sessions/",
                  c ->
                      "select count(*) from council_session where title = 'Phiên ma trận "
                          + c
                          + "'")),
          new Row(
              "POST /council/sessions/{id}/items",
              "POST /api/v1/council-sessions/{id}/items",
              (w, s, c) ->
                  MockMvcRequestBuilders.post("/council/sessions/" + f(s).prep() + "/items")
                      .param("proposalId", Long.toString(f(s).spare()))
                      .param("version", Integer.toString(version(f(s).prep()))),
              SECRETARIAT,
              wrote(
                  "/council/sessions/",
                  c ->
                      "select count(*) from session_item where active and proposal_id in ("
                          + f(Scope.OWN).spare()
                          + ","
                          + f(Scope.FOREIGN).spare()
                          + ")")),
          new Row(
              "POST /council/sessions/{id}/items/{itemId}/remove",
              "POST /api/v1/council-sessions/{id}/items/{itemId}/remove",
              (w, s, c) ->
                  MockMvcRequestBuilders.post(
                          "/council/sessions/%d/items/%d/remove"
                              .formatted(f(s).prep(), f(s).prepItem()))
                      .param("version", Integer.toString(version(f(s).prep()))),
              SECRETARIAT,
              wrote(
                  "/council/sessions/",
                  c ->
                      "select count(*) from session_item where id in ("
                          + f(Scope.OWN).prepItem()
                          + ","
                          + f(Scope.FOREIGN).prepItem()
                          + ")")),
          new Row(
              "POST /council/sessions/{id}/attendance",
              "POST /api/v1/council-sessions/{id}/attendance",
              (w, s, c) ->
                  MockMvcRequestBuilders.post("/council/sessions/" + f(s).prep() + "/attendance")
                      .param("a_" + f(s).person(), "ABSENT")
                      .param("version", Integer.toString(version(f(s).prep()))),
              SECRETARIAT,
              wrote(
                  "/council/sessions/",
                  c ->
                      "select count(*) from session_member where attendance = 'ABSENT' and"
                          + " session_id in ("
                          + f(Scope.OWN).prep()
                          + ","
                          + f(Scope.FOREIGN).prep()
                          + ")")),
          new Row(
              "POST /council/sessions/{id}/items/{itemId}/recusals",
              "POST /api/v1/council-sessions/{id}/items/{itemId}/recusals",
              (w, s, c) ->
                  MockMvcRequestBuilders.post(
                          "/council/sessions/%d/items/%d/recusals"
                              .formatted(f(s).open(), f(s).openItem()))
                      .param("personId", Long.toString(f(s).person()))
                      .param("reason", "Xung đột ma trận"),
              SECRETARIAT_OR_MEMBER_SELF,
              wrote(
                  "/council/sessions/",
                  c ->
                      "select count(*) from session_recusal where item_id in ("
                          + f(Scope.OWN).openItem()
                          + ","
                          + f(Scope.FOREIGN).openItem()
                          + ")")),
          new Row(
              "POST /council/sessions/{id}/open",
              "POST /api/v1/council-sessions/{id}/open",
              (w, s, c) ->
                  MockMvcRequestBuilders.post("/council/sessions/" + f(s).prep() + "/open")
                      .param("version", Integer.toString(version(f(s).prep()))),
              SECRETARIAT,
              wrote(
                  "/council/sessions/",
                  c ->
                      "select count(*) from council_session where status = 'OPEN' and id in ("
                          + f(Scope.OWN).prep()
                          + ","
                          + f(Scope.FOREIGN).prep()
                          + ")")),
          new Row(
              "POST /council/sessions/{id}/ballot",
              "POST /api/v1/council-sessions/{id}/ballot",
              (w, s, c) ->
                  MockMvcRequestBuilders.post("/council/sessions/" + f(s).open() + "/ballot")
                      .param("c_" + f(s).openNominee(), "APPROVE"),
              INVITED_MEMBER,
              wrote(
                  "/council/sessions/",
                  c ->
                      "select count(*) from ballot_participation where item_id = "
                          + f(Scope.OWN).openItem())),
          new Row(
              "POST /council/sessions/{id}/items/{itemId}/paper-tally",
              "POST /api/v1/council-sessions/{id}/items/{itemId}/paper-tally",
              (w, s, c) ->
                  MockMvcRequestBuilders.post(
                          "/council/sessions/%d/items/%d/paper-tally"
                              .formatted(f(s).open(), f(s).openItem()))
                      .param("approve_" + f(s).openNominee(), "1")
                      .param("reject_" + f(s).openNominee(), "0")
                      .param("abstain_" + f(s).openNominee(), "0"),
              SECRETARIAT,
              wrote(
                  "/council/sessions/",
                  c ->
                      "select count(*) from paper_tally where item_id in ("
                          + f(Scope.OWN).openItem()
                          + ","
                          + f(Scope.FOREIGN).openItem()
                          + ")")),
          new Row(
              "POST /council/sessions/{id}/close",
              "POST /api/v1/council-sessions/{id}/close",
              (w, s, c) ->
                  MockMvcRequestBuilders.post("/council/sessions/" + f(s).closing() + "/close")
                      .param("version", Integer.toString(version(f(s).closing()))),
              SECRETARIAT,
              wrote(
                  "/council/sessions/",
                  c ->
                      "select count(*) from council_session where status = 'CLOSED' and id in ("
                          + f(Scope.OWN).closing()
                          + ","
                          + f(Scope.FOREIGN).closing()
                          + ")")));

  /** A redirect with the flash message, and exactly one row where the post should have written. */
  private static Success wrote(String target, java.util.function.Function<String, String> sql) {
    return (result, c, db) -> {
      MovementMatrix.redirectWithFlash(target).verify(result, c, db);
      assertThat(db.sql(sql.apply(c.suffix())).query(Long.class).single())
          .as("the post wrote")
          .isEqualTo(1);
    };
  }

  private static Call post(String path, String body) {
    return new Call(HttpMethod.POST, path, body);
  }

  // ---- fixtures, committed once

  static synchronized void ensure(ApplicationContext context, PlatformTransactionManager tx) {
    if (!FIXTURES.isEmpty()) {
      return;
    }
    jdbc = context.getBean(JdbcClient.class);
    TransactionTemplate t = new TransactionTemplate(tx);
    t.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    Access.runAsSystem(
        "matrix-setup",
        () ->
            t.executeWithoutResult(
                st -> {
                  People people = context.getBean(People.class);
                  Councils councils = context.getBean(Councils.class);
                  CouncilSessions sessions = context.getBean(CouncilSessions.class);
                  Ballots ballots = context.getBean(Ballots.class);
                  Proposals proposals = context.getBean(Proposals.class);
                  LocalDate start = LocalDate.of(2020, 1, 1);
                  for (Scope s : Scope.values()) {
                    CouncilView c =
                        councils.create(
                            new Councils.NewCouncil(
                                "MXC-BALLOT-" + s, "Hội đồng ma trận " + s, "MX", start, null));
                    List<Long> persons = new ArrayList<>();
                    for (int i = 0; i < 2; i++) {
                      PersonView p =
                          people.create(
                              People.PersonForm.of(
                                  "MX.C",
                                  "Ủy viên " + s + " " + i,
                                  "Ủy viên",
                                  PersonView.Gender.FEMALE));
                      councils.addMember(
                          c.id(),
                          new Councils.NewMember(
                              p.id(), CouncilView.CouncilRole.MEMBER, start, null));
                      persons.add(p.id());
                    }
                    if (s == Scope.OWN) {
                      jdbc.sql("update app_user set person_id = ? where username = 'mx-council'")
                          .param(persons.get(0))
                          .update();
                    }
                    long prep = session(sessions, c.id(), persons, ready(people, proposals), false);
                    long spare = ready(people, proposals).id();
                    ProposalView forOpen = ready(people, proposals);
                    long open = session(sessions, c.id(), persons, forOpen, true);
                    ProposalView forClose = ready(people, proposals);
                    long closing = session(sessions, c.id(), persons, forClose, true);
                    CouncilSessionView cs = sessions.get(closing);
                    ballots.recordPaperTally(
                        closing,
                        cs.items().get(0).id(),
                        new Ballots.PaperTally(
                            List.of(
                                new Ballots.PaperCount(forClose.nominees().get(0).id(), 2, 0, 0))));
                    FIXTURES.put(
                        s,
                        new Fixture(
                            c.id(),
                            persons.get(0),
                            prep,
                            sessions.get(prep).items().get(0).id(),
                            spare,
                            open,
                            sessions.get(open).items().get(0).id(),
                            forOpen.nominees().get(0).id(),
                            closing));
                  }
                }));
  }

  private static long session(
      CouncilSessions sessions, long council, List<Long> persons, ProposalView p, boolean open) {
    CouncilSessionView s =
        sessions.prepare(
            new CouncilSessions.NewSession(
                council, LocalDate.of(2025, 1, 20), "Phiên ma trận cố định", List.of(p.id())));
    s =
        sessions.recordAttendance(
            s.id(),
            new CouncilSessions.AttendanceSheet(
                persons.stream()
                    .map(
                        x -> new CouncilSessions.Presence(x, CouncilSessionView.Attendance.PRESENT))
                    .toList(),
                s.version()));
    if (open) {
      s = sessions.open(s.id(), new CouncilSessions.Step(s.version()));
    }
    return s.id();
  }

  private static ProposalView ready(People people, Proposals proposals) {
    PersonView who =
        people.create(
            People.PersonForm.of(
                "MX.A", "Người được đề nghị ma trận", "Công chức", PersonView.Gender.MALE));
    long id =
        proposals
            .create(
                new Proposals.NewProposal(
                    ProposalKind.REGULAR,
                    2024,
                    "Đề nghị ma trận hội đồng",
                    "MX.A",
                    "CSTD_TQ",
                    null))
            .id();
    proposals.addNominee(id, new Proposals.NomineeForm(Recipient.INDIVIDUAL, who.id(), null, null));
    proposals.submit(id, new Proposals.Step(proposals.get(id).version()));
    proposals.receive(id, new Proposals.Step(proposals.get(id).version()));
    proposals.review(id, new Proposals.Step(proposals.get(id).version()));
    proposals.publishNotice(
        id,
        new Proposals.Notice(
            "Đủ điều kiện", 10, LocalDate.of(2021, 1, 5), proposals.get(id).version()));
    return proposals.ready(id, new Proposals.Step(proposals.get(id).version()));
  }
}
