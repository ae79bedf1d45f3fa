package org.laurel.reward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.laurel.access.Access;
import org.laurel.reward.BallotWorld.Council;
import org.laurel.support.LaurelTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The council's secret ballot through the API, each test in its own rolled-back transaction: the
 * refusals (each a clear 4xx, nothing written), the scripted tally against the hand count, exact
 * boundaries, and a votes table that identifies nobody.
 */
@LaurelTest
@Transactional
class BallotTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;
  @Autowired ApplicationContext context;
  @Autowired CouncilSessions sessions;

  /** A council of {@code members}, one CSTD_TQ proposal (90 % of all members) with 2 nominees. */
  private record Setup(Council council, ProposalView proposal, CouncilSessionView session) {
    long nominee(int i) {
      return proposal.nominees().get(i).id();
    }
  }

  private Setup setup(int members, String award, List<Integer> absent, boolean open) {
    Setup[] out = new Setup[1];
    Access.runAsSystem(
        "ballot-test",
        () -> {
          BallotWorld w = new BallotWorld(context);
          Council c = w.council(members);
          ProposalView p = w.ready(award, 2);
          List<Long> away = absent.stream().map(i -> c.persons().get(i)).toList();
          out[0] = new Setup(c, p, w.session(c, List.of(p.id()), away, open));
        });
    return out[0];
  }

  @Test
  void tallyOfAScriptedBallotEqualsTheHandCount() throws Exception {
    Setup s = setup(17, "CSTD_TQ", List.of(), true);
    // hand count: nominee 0 → 16 approve, 1 reject; nominee 1 → 15 approve, 1 reject, 1 abstain
    for (int m = 0; m < 17; m++) {
      String first = m < 16 ? "APPROVE" : "REJECT";
      String second = m < 15 ? "APPROVE" : m == 15 ? "REJECT" : "ABSTAIN";
      vote(s, m, Map.of(s.nominee(0), first, s.nominee(1), second))
          .andExpect(status().isCreated())
          .andExpect(jsonPath("$.nominees.length()").value(2))
          .andExpect(jsonPath("$.channel").value("IN_ROOM"))
          .andExpect(jsonPath("$.choices").doesNotExist());
    }
    assertThat(count("ballot_vote", s)).isEqualTo(34);
    assertThat(count("ballot_participation", s)).isEqualTo(34);
    JsonNode closed = close(s).andExpect(status().isOk()).andReturn().json();
    JsonNode lines = closed.get("items").get(0).get("nominees");
    JsonNode a = lines.get(0).get("tally");
    JsonNode b = lines.get(1).get("tally");
    assertThat(a.get("approve").asInt()).isEqualTo(16);
    assertThat(a.get("reject").asInt()).isEqualTo(1);
    assertThat(a.get("abstain").asInt()).isZero();
    assertThat(a.get("denominator").asInt()).isEqualTo(17);
    assertThat(a.get("required").asInt()).isEqualTo(16);
    assertThat(a.get("outcome").asString()).isEqualTo("APPROVED");
    assertThat(b.get("approve").asInt()).isEqualTo(15);
    assertThat(b.get("reject").asInt()).isEqualTo(1);
    assertThat(b.get("abstain").asInt()).isEqualTo(1);
    assertThat(b.get("outcome").asString()).isEqualTo("REJECTED");
    assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
    // the proposal took the outcomes in the same transaction
    JsonNode p = read("/api/v1/proposals/" + s.proposal().id(), "secretariat", "demo");
    assertThat(p.get("status").asString()).isEqualTo("COUNCIL_VOTED");
    assertThat(p.get("nominees").get(0).get("councilOutcome").asString()).isEqualTo("APPROVED");
    assertThat(p.get("nominees").get(1).get("councilOutcome").asString()).isEqualTo("REJECTED");
    // rewritten at the close: same count
    assertThat(count("ballot_vote", s)).isEqualTo(34);
    assertThat(
            jdbc.sql("select count(*) from audit_entry where action = 'ballot.closed'")
                .query(Long.class)
                .single())
        .isPositive();
    // the minutes: Vietnamese text comes back out of the PDF
    byte[] pdf =
        mvc.perform(
                get("/api/v1/council-sessions/" + s.session().id() + "/minutes.pdf")
                    .with(httpBasic("secretariat", "demo")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (var doc = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(doc);
      assertThat(text).contains("BIÊN BẢN KIỂM PHIẾU BẦU KÍN");
      assertThat(text).contains("đồng ý 16, không đồng ý 1");
      assertThat(text).contains("KHÔNG ĐẠT");
    }
  }

  @Test
  void refusesASecondVoteFromTheSameMember() throws Exception {
    Setup s = setup(5, "CSTD_TQ", List.of(), true);
    vote(s, 0, Map.of(s.nominee(0), "APPROVE")).andExpect(status().isCreated());
    long votes = count("ballot_vote", s);
    // again on the same nominee, and with it a nominee not voted yet: all or nothing
    vote(s, 0, Map.of(s.nominee(1), "APPROVE", s.nominee(0), "REJECT"))
        .andExpect(status().isConflict())
        .andExpect(
            jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("You have already")));
    assertThat(count("ballot_vote", s)).isEqualTo(votes);
    assertThat(count("ballot_participation", s)).isEqualTo(1);
  }

  @Test
  void refusesAVoteFromAUserOutsideTheSessionsCouncil() throws Exception {
    Setup s = setup(5, "CSTD_TQ", List.of(), true);
    // a council member of another council (the demo's), and a unit officer
    for (String user : List.of("council", "reporter", "secretariat")) {
      mvc.perform(ballot(s, Map.of(s.nominee(0), "APPROVE")).with(httpBasic(user, "demo")))
          .andExpect(status().isForbidden());
    }
    assertThat(count("ballot_vote", s)).isZero();
    assertThat(count("ballot_participation", s)).isZero();
  }

  @Test
  void refusesAVoteAfterTheClose() throws Exception {
    Setup s = setup(3, "CSTD_TQ", List.of(), true);
    for (int m = 0; m < 3; m++) {
      vote(s, m, Map.of(s.nominee(0), "APPROVE", s.nominee(1), "APPROVE"));
    }
    vote(s, 2, Map.of(s.nominee(0), "APPROVE")).andExpect(status().isConflict());
    close(s).andExpect(status().isOk());
    long votes = count("ballot_vote", s);
    Setup other = setup(3, "CSTD_TQ", List.of(), false);
    // closed: refused; and a session not yet open: refused too
    vote(s, 0, Map.of(s.nominee(0), "REJECT")).andExpect(status().isConflict());
    vote(other, 0, Map.of(other.nominee(0), "REJECT"))
        .andExpect(status().isConflict())
        .andExpect(
            jsonPath("$.detail").value("The ballot is not open (session status: Being prepared)."));
    assertThat(count("ballot_vote", s)).isEqualTo(votes);
    close(s).andExpect(status().isConflict());
  }

  @Test
  void refusesAVoteFromARecusedMember() throws Exception {
    Setup s = setup(5, "CSTD_TQ", List.of(), true);
    long item = s.session().items().get(0).id();
    // the member declares the conflict themselves
    mvc.perform(
            post("/api/v1/council-sessions/" + s.session().id() + "/items/" + item + "/recusals")
                .with(httpBasic(s.council().users().get(1), BallotWorld.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"personId\":%d,\"reason\":\"Người được đề nghị là người thân\"}"
                        .formatted(s.council().persons().get(1))))
        .andExpect(status().isOk());
    // and may not declare one for someone else
    mvc.perform(
            post("/api/v1/council-sessions/" + s.session().id() + "/items/" + item + "/recusals")
                .with(httpBasic(s.council().users().get(1), BallotWorld.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"personId\":%d,\"reason\":\"x\"}".formatted(s.council().persons().get(2))))
        .andExpect(status().isForbidden());
    vote(s, 1, Map.of(s.nominee(0), "APPROVE"))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("recused")));
    assertThat(count("ballot_vote", s)).isZero();
    // recused: out of the denominator (5 − 1 = 4); 4 approvals of 4 pass 90 %
    for (int m : List.of(0, 2, 3, 4)) {
      vote(s, m, Map.of(s.nominee(0), "APPROVE", s.nominee(1), "REJECT"))
          .andExpect(status().isCreated());
    }
    JsonNode t =
        close(s).andReturn().json().get("items").get(0).get("nominees").get(0).get("tally");
    assertThat(t.get("denominator").asInt()).isEqualTo(4);
    assertThat(t.get("recused").asInt()).isEqualTo(1);
    assertThat(t.get("outcome").asString()).isEqualTo("APPROVED");
  }

  @Test
  void refusesAWrittenVoteWhereTheRuleForbidsIt() throws Exception {
    // Bằng khen (rules of 2024: 50 % of those present, no written vote); member 4 absent
    Setup s = setup(5, "BK_UBND_CN", List.of(4), true);
    vote(s, 4, Map.of(s.nominee(0), "APPROVE"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("absent")));
    assertThat(count("ballot_vote", s)).isZero();
    assertThat(count("ballot_participation", s)).isZero();
    // where the rule allows it (CSTD_TQ), the absent member's written vote counts
    Setup w = setup(5, "CSTD_TQ", List.of(4), true);
    vote(w, 4, Map.of(w.nominee(0), "APPROVE"))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.channel").value("WRITTEN"));
  }

  @Test
  void refusesAnElectronicVoteOnAPaperItemAndViceVersa() throws Exception {
    Setup s = setup(5, "CSTD_TQ", List.of(), true);
    long item = s.session().items().get(0).id();
    paper(s, item, 5, 0, 0).andExpect(status().isOk());
    vote(s, 0, Map.of(s.nominee(0), "APPROVE"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("paper")));
    assertThat(count("ballot_vote", s)).isZero();
    // more papers than members: refused with the field
    paper(s, item, 5, 1, 0)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("nominees[0].approve"));
    JsonNode closed = close(s).andExpect(status().isOk()).andReturn().json();
    JsonNode t = closed.get("items").get(0).get("nominees").get(0).get("tally");
    assertThat(t.get("source").asString()).isEqualTo("PAPER");
    assertThat(t.get("outcome").asString()).isEqualTo("APPROVED");
    // the other way round: an item with an electronic vote takes no paper count
    Setup e = setup(5, "CSTD_TQ", List.of(), true);
    vote(e, 0, Map.of(e.nominee(0), "APPROVE")).andExpect(status().isCreated());
    paper(e, e.session().items().get(0).id(), 4, 0, 0).andExpect(status().isConflict());
    assertThat(
            jdbc.sql("select count(*) from paper_tally where item_id = ?")
                .param(e.session().items().get(0).id())
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void tenMembersNineApprovalsPassExactlyAtNinetyPercent() throws Exception {
    Setup s = setup(10, "CSTD_TQ", List.of(), true);
    for (int m = 0; m < 10; m++) {
      vote(
          s,
          m,
          Map.of(
              s.nominee(0),
              m < 9 ? "APPROVE" : "REJECT",
              s.nominee(1),
              m < 8 ? "APPROVE" : "ABSTAIN"));
    }
    JsonNode lines = close(s).andReturn().json().get("items").get(0).get("nominees");
    assertThat(lines.get(0).get("tally").get("outcome").asString()).isEqualTo("APPROVED");
    assertThat(lines.get(1).get("tally").get("outcome").asString()).isEqualTo("REJECTED");
  }

  @Test
  void withoutQuorumTheProposalStaysReadyForAnotherSession() throws Exception {
    // 17 members, 6 absent: 11 present < 2/3 × 17 (11.33)
    Setup s = setup(17, "CSTD_TQ", List.of(11, 12, 13, 14, 15, 16), true);
    for (int m = 0; m < 11; m++) {
      vote(s, m, Map.of(s.nominee(0), "APPROVE", s.nominee(1), "APPROVE"));
    }
    JsonNode t =
        close(s).andReturn().json().get("items").get(0).get("nominees").get(0).get("tally");
    assertThat(t.get("quorumMet").asBoolean()).isFalse();
    assertThat(t.get("outcome").asString()).isEqualTo("NO_QUORUM");
    JsonNode p = read("/api/v1/proposals/" + s.proposal().id(), "secretariat", "demo");
    assertThat(p.get("status").asString()).isEqualTo("READY_FOR_COUNCIL");
    // it can go on the agenda of a new session
    Access.runAsSystem(
        "ballot-test",
        () ->
            new BallotWorld(context)
                .session(s.council(), List.of(s.proposal().id()), List.of(), false));
  }

  @Test
  void theLifecycleRefusesStepsOutOfOrder() throws Exception {
    Setup s = setup(3, "CSTD_TQ", List.of(), false);
    long id = s.session().id();
    close(s).andExpect(status().isConflict());
    // attendance missing for a new session: cannot open
    CouncilSessionView[] fresh = new CouncilSessionView[1];
    Access.runAsSystem(
        "ballot-test",
        () -> {
          ProposalView p = new BallotWorld(context).ready("CSTD_TQ", 1);
          fresh[0] =
              sessions.prepare(
                  new CouncilSessions.NewSession(
                      s.council().id(), BallotWorld.DAY, "Phiên thiếu điểm danh", List.of(p.id())));
        });
    step(fresh[0].id(), "open", fresh[0].version())
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Attendance")));
    // the proposal is on one agenda only
    mvc.perform(
            post("/api/v1/council-sessions/" + id + "/items")
                .with(httpBasic("secretariat", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"proposalId\":%d,\"version\":%d}"
                        .formatted(fresh[0].items().get(0).proposalId(), version(id))))
        .andExpect(status().isConflict());
    step(id, "open", version(id)).andExpect(status().isOk());
    step(id, "open", version(id)).andExpect(status().isConflict());
    // a stale version
    step(id, "close", version(id) - 1).andExpect(status().isConflict());
    assertThat(
            read("/api/v1/council-sessions/" + id, "secretariat", "demo").get("status").asString())
        .isEqualTo("OPEN");
    // a unit officer can neither read nor step
    mvc.perform(get("/api/v1/council-sessions/" + id).with(httpBasic("reporter", "demo")))
        .andExpect(status().isForbidden());
    // an invited member reads the session, another council's member does not
    mvc.perform(
            get("/api/v1/council-sessions/" + id)
                .with(httpBasic(s.council().users().get(0), BallotWorld.PASSWORD)))
        .andExpect(status().isOk());
    mvc.perform(get("/api/v1/council-sessions/" + id).with(httpBasic("council", "demo")))
        .andExpect(status().isForbidden());
  }

  @Test
  void aProposalTakenOffAPreparedAgendaIsFreeForAnotherSession() throws Exception {
    Setup s = setup(3, "CSTD_TQ", List.of(), false);
    long id = s.session().id();
    long item = s.session().items().get(0).id();
    mvc.perform(
            post("/api/v1/council-sessions/" + id + "/items/" + item + "/remove")
                .with(httpBasic("secretariat", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":" + version(id) + "}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items.length()").value(0));
    // on a new session's agenda now
    java.util.concurrent.atomic.AtomicReference<CouncilSessionView> again =
        new java.util.concurrent.atomic.AtomicReference<>();
    Access.runAsSystem(
        "ballot-test",
        () ->
            again.set(
                new BallotWorld(context)
                    .session(s.council(), List.of(s.proposal().id()), List.of(), false)));
    assertThat(again.get().items())
        .extracting(CouncilSessionView.Item::proposalId)
        .containsExactly(s.proposal().id());
    // once the ballot is open, the agenda is fixed
    Setup open = setup(3, "CSTD_TQ", List.of(), true);
    mvc.perform(
            post("/api/v1/council-sessions/"
                    + open.session().id()
                    + "/items/"
                    + open.session().items().get(0).id()
                    + "/remove")
                .with(httpBasic("secretariat", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":" + version(open.session().id()) + "}"))
        .andExpect(status().isConflict());
  }

  @Test
  void theVotesTableHoldsNothingThatIdentifiesAVoter() {
    List<String> columns =
        jdbc.sql(
                """
                select column_name from information_schema.columns
                where table_name = 'ballot_vote' order by column_name""")
            .query(String.class)
            .list();
    assertThat(columns).containsExactly("choice", "id", "item_id", "nominee_id");
    assertThat(
            jdbc.sql(
                    """
                    select data_type from information_schema.columns
                    where table_name = 'ballot_vote' and column_name = 'id'""")
                .query(String.class)
                .single())
        .isEqualTo("uuid");
    List<String> referenced =
        jdbc.sql(
                """
                select distinct confrelid::regclass::text from pg_constraint
                where conrelid = 'ballot_vote'::regclass and contype = 'f' order by 1""")
            .query(String.class)
            .list();
    assertThat(referenced).containsExactly("proposal_nominee", "session_item");
    // no default, sequence or trigger adds anything either
    assertThat(
            jdbc.sql(
                    """
                    select count(*) from information_schema.columns
                    where table_name = 'ballot_vote' and column_default is not null""")
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql(
                    "select count(*) from pg_trigger where tgrelid = 'ballot_vote'::regclass and not tgisinternal")
                .query(Long.class)
                .single())
        .isZero();
  }

  // ---- helpers

  private ResultActions vote(Setup s, int member, Map<Long, String> choices) throws Exception {
    return mvc.perform(
        ballot(s, choices)
            .with(httpBasic(s.council().users().get(member), BallotWorld.PASSWORD))
            .header("Accept-Language", "en"));
  }

  private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder ballot(
      Setup s, Map<Long, String> choices) {
    StringJoiner marks = new StringJoiner(",");
    // a stable order: the map's order is not
    List<Long> keys = new ArrayList<>(choices.keySet());
    keys.sort(null);
    for (long n : keys) {
      marks.add("{\"nomineeId\":%d,\"choice\":\"%s\"}".formatted(n, choices.get(n)));
    }
    return post("/api/v1/council-sessions/" + s.session().id() + "/ballot")
        .header("Accept-Language", "en")
        .contentType(MediaType.APPLICATION_JSON)
        .content("{\"choices\":[" + marks + "]}");
  }

  private ResultActions paper(Setup s, long item, int approve, int reject, int abstain)
      throws Exception {
    String body =
        "{\"nominees\":[{\"nomineeId\":%d,\"approve\":%d,\"reject\":%d,\"abstain\":%d},"
                .formatted(s.nominee(0), approve, reject, abstain)
            + "{\"nomineeId\":%d,\"approve\":0,\"reject\":5,\"abstain\":0}]}"
                .formatted(s.nominee(1));
    return mvc.perform(
        post("/api/v1/council-sessions/" + s.session().id() + "/items/" + item + "/paper-tally")
            .with(httpBasic("secretariat", "demo"))
            .header("Accept-Language", "en")
            .contentType(MediaType.APPLICATION_JSON)
            .content(body));
  }

  private Json close(Setup s) throws Exception {
    return new Json(step(s.session().id(), "close", version(s.session().id())));
  }

  private ResultActions step(long id, String step, int version) throws Exception {
    return mvc.perform(
        post("/api/v1/council-sessions/" + id + "/" + step)
            .with(httpBasic("secretariat", "demo"))
            .header("Accept-Language", "en")
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"version\":" + version + "}"));
  }

  /** The actions and their JSON body. */
  private final class Json {
    private final ResultActions actions;

    Json(ResultActions actions) {
      this.actions = actions;
    }

    Json andExpect(org.springframework.test.web.servlet.ResultMatcher m) throws Exception {
      actions.andExpect(m);
      return this;
    }

    Json andReturn() {
      return this;
    }

    JsonNode json() throws Exception {
      return BallotTest.this.json.readTree(actions.andReturn().getResponse().getContentAsString());
    }
  }

  private int version(long session) {
    return jdbc.sql("select version from council_session where id = ?")
        .param(session)
        .query(Integer.class)
        .single();
  }

  private JsonNode read(String path, String user, String pw) throws Exception {
    return json.readTree(
        mvc.perform(get(path).with(httpBasic(user, pw)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString());
  }

  private long count(String table, Setup s) {
    return jdbc.sql(
            "select count(*) from "
                + table
                + " t join session_item i on i.id = t.item_id where i.session_id = ?")
        .param(s.session().id())
        .query(Long.class)
        .single();
  }
}
