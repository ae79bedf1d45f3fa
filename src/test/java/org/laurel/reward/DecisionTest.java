package org.laurel.reward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.laurel.access.Access;
import org.laurel.certificate.CertificateView;
import org.laurel.certificate.Certificates;
import org.laurel.organisation.People;
import org.laurel.support.LaurelTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decisions end to end through the API, committed (certificates follow a grant's commit): each test
 * makes its own voted proposals with new people.
 */
@LaurelTest
class DecisionTest {

  static final String BODY = "UBND-HD";

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;
  @Autowired Proposals proposals;
  @Autowired People people;
  @Autowired Decisions decisions;
  @Autowired Certificates certificates;

  DecisionWorld world;

  @BeforeEach
  void world() {
    world = new DecisionWorld(proposals, people, jdbc);
  }

  // ---- granting

  @Test
  void issuingGrantsTheApprovedNomineesWithCertificatesAndFundPaymentsAndDecidesTheProposal()
      throws Exception {
    DecisionWorld.Voted v = world.voted("CL", "BK_UBND_CN", 2024, 3, 2);
    JsonNode draft = draft(granting("2025-01-20", v.approved()), 201);
    assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
    assertThat(draft.get("number").isNull()).isTrue();
    assertThat(draft.get("title").asString())
        .isEqualTo("Về việc tặng Bằng khen của Chủ tịch UBND tỉnh (cá nhân)");
    assertThat(draft.get("signerName").asString()).isEqualTo("Nguyễn Văn Hùng");
    long id = draft.get("id").asLong();

    JsonNode issued = issue(id, 200);
    assertThat(issued.get("status").asString()).isEqualTo("ISSUED");
    String number = issued.get("number").asString();
    assertThat(number).matches("\\d+/QĐ-UBND");
    assertThat(issued.get("items")).hasSize(2);
    List<Long> awards = new ArrayList<>();
    for (JsonNode item : issued.get("items")) {
      assertThat(item.get("amountVnd").asLong()).isEqualTo(2_340_000L);
      assertThat(item.get("standing").asString()).isEqualTo("IN_FORCE");
      awards.add(item.get("awardId").asLong());
    }
    assertThat(issued.get("totalVnd").asLong()).isEqualTo(4_680_000L);
    // the history has the awards with the decision's number and date
    for (long award : awards) {
      Map<String, Object> row =
          jdbc.sql(
                  "select decision_number, decision_date, decision_id, source from award where id = ?")
              .param(award)
              .query()
              .singleRow();
      assertThat(row.get("decision_number")).isEqualTo(number);
      assertThat(row.get("decision_date").toString()).isEqualTo("2025-01-20");
      assertThat(((Number) row.get("decision_id")).longValue()).isEqualTo(id);
      assertThat(row.get("source")).isEqualTo("LAUREL");
      // the certificate module heard of the grant
      CertificateView c = certificateOf(award);
      assertThat(c.decisionNumber()).isEqualTo(number);
      assertThat(c.status()).isEqualTo(CertificateView.Status.VALID);
    }
    // one payment per award, at the cash of the decision date
    assertThat(
            jdbc.sql(
                    "select count(*), sum(amount_vnd) from fund_entry where decision_id = ? and kind = 'PAYMENT'")
                .param(id)
                .query((rs, n) -> rs.getLong(1) + "/" + rs.getLong(2))
                .single())
        .isEqualTo("2/-4680000");
    // every approved nominee is granted: the proposal is decided, with the step recorded
    ProposalView p = proposals.get(v.proposalId());
    assertThat(p.status()).isEqualTo(ProposalStatus.DECIDED);
    assertThat(p.steps().get(p.steps().size() - 1).reason()).isEqualTo(number);
    assertThat(audits("decision", id)).contains("decision.drafted", "decision.issued");
  }

  @Test
  void aProposalIsDecidedOnlyWhenEveryApprovedNomineeIsGrantedPossiblyByTwoDecisions()
      throws Exception {
    DecisionWorld.Voted v = world.voted("CL", "CSTD_TINH", 2024, 2, 2);
    long first =
        draft(granting("2025-01-21", List.of(v.approved().get(0))), 201).get("id").asLong();
    issue(first, 200);
    assertThat(proposals.get(v.proposalId()).status()).isEqualTo(ProposalStatus.COUNCIL_VOTED);
    long second =
        draft(granting("2025-01-22", List.of(v.approved().get(1))), 201).get("id").asLong();
    JsonNode issued = issue(second, 200);
    assertThat(issued.get("items").get(0).get("amountVnd").asLong()).isEqualTo(7_020_000L);
    assertThat(proposals.get(v.proposalId()).status()).isEqualTo(ProposalStatus.DECIDED);
  }

  // ---- refusals: a clear 4xx and nothing written

  @Test
  void refusesANomineeTheCouncilRejected() throws Exception {
    DecisionWorld.Voted v = world.voted("CL", "BK_UBND_CN", 2024, 2, 1);
    long before = count("decision");
    JsonNode problem =
        draft(granting("2025-01-20", List.of(v.approved().get(0), v.rejected().get(0))), 400);
    assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("nomineeIds[1]");
    assertThat(problem.toString()).contains("Hội đồng").doesNotContain("Exception");
    assertThat(count("decision")).isEqualTo(before);
  }

  @Test
  void refusesANomineeGrantedTwiceAndGivesNoNumberToTheRefusedIssue() throws Exception {
    DecisionWorld.Voted v = world.voted("CL", "BK_UBND_CN", 2024, 1, 1);
    long a = draft(granting("2025-01-23", v.approved()), 201).get("id").asLong();
    long b = draft(granting("2025-01-23", v.approved()), 201).get("id").asLong();
    issue(a, 200);
    long awards = count("award");
    long entries = count("fund_entry");
    int counter = counter(BODY, 2025);
    JsonNode problem = issue(b, 409);
    assertThat(problem.get("detail").asString()).contains("đã được khen thưởng");
    assertThat(decisions.get(b).status()).isEqualTo(DecisionView.Status.DRAFT);
    assertThat(count("award")).isEqualTo(awards);
    assertThat(count("fund_entry")).isEqualTo(entries);
    assertThat(counter(BODY, 2025)).isEqualTo(counter);
    // and a new draft naming the granted nominee is refused at once
    long before = count("decision");
    draft(granting("2025-01-24", v.approved()), 409);
    assertThat(count("decision")).isEqualTo(before);
  }

  @Test
  void refusesAnUnknownBody() throws Exception {
    refusesTheBody("UBND-XX");
  }

  @Test
  void refusesAnAwardTheBodyDoesNotDecide() throws Exception {
    // the Prime Minister does not decide the province chairman's Bằng khen
    refusesTheBody("TTG");
  }

  private void refusesTheBody(String body) throws Exception {
    DecisionWorld.Voted v = world.voted("CL", "BK_UBND_CN", 2024, 1, 1);
    long before = count("decision");
    JsonNode problem =
        draft(
            """
            {"kind":"GRANTING","bodyCode":"%s","decidedOn":"2025-01-20","nomineeIds":[%d]}"""
                .formatted(body, v.approved().get(0)),
            400);
    assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("bodyCode");
    assertThat(count("decision")).isEqualTo(before);
  }

  @Test
  void anIssuedDecisionIsNeverEdited() throws Exception {
    DecisionWorld.Voted v = world.voted("CL", "BK_UBND_CN", 2024, 1, 1);
    long id = draft(granting("2025-01-25", v.approved()), 201).get("id").asLong();
    // a draft may be rewritten
    JsonNode edited =
        send(
            put("/api/v1/decisions/" + id),
            """
            {"version":0,"draft":{"kind":"GRANTING","bodyCode":"UBND-HD","decidedOn":"2025-01-26",
             "signerName":"Trần Thị Hoa","signerTitle":"KT. CHỦ TỊCH\\nPHÓ CHỦ TỊCH","nomineeIds":[%d]}}"""
                .formatted(v.approved().get(0)),
            200);
    assertThat(edited.get("signerName").asString()).isEqualTo("Trần Thị Hoa");
    JsonNode issued = issue(id, 200);
    String snapshot =
        jdbc.sql("select row_to_json(d)::text from decision d where id = ?")
            .param(id)
            .query(String.class)
            .single();
    send(
        put("/api/v1/decisions/" + id),
        """
        {"version":%d,"draft":{"kind":"GRANTING","bodyCode":"UBND-HD","decidedOn":"2025-01-27",
         "signerName":"Người Khác","nomineeIds":[%d]}}"""
            .formatted(issued.get("version").asInt(), v.approved().get(0)),
        409);
    JsonNode again = issue(id, 409);
    assertThat(again.get("detail").asString()).contains("không được sửa");
    assertThat(
            jdbc.sql("select row_to_json(d)::text from decision d where id = ?")
                .param(id)
                .query(String.class)
                .single())
        .isEqualTo(snapshot);
  }

  // ---- revoking and correcting

  @Test
  void aRevokingDecisionMarksTheAwardsAndRevokesTheirCertificates() throws Exception {
    DecisionWorld.Voted v = world.voted("CL", "BK_UBND_CN", 2024, 2, 2);
    JsonNode granted =
        issue(draft(granting("2025-02-03", v.approved()), 201).get("id").asLong(), 200);
    long grantId = granted.get("id").asLong();
    long kept = granted.get("items").get(0).get("awardId").asLong();
    long revoked = granted.get("items").get(1).get("awardId").asLong();
    CertificateView before = certificateOf(revoked);
    certificateOf(kept);

    // an award of another decision cannot be revoked by naming this one
    DecisionWorld.Voted other = world.voted("CL", "BK_UBND_CN", 2024, 1, 1);
    long otherAward =
        issue(draft(granting("2025-02-03", other.approved()), 201).get("id").asLong(), 200)
            .get("items")
            .get(0)
            .get("awardId")
            .asLong();
    long count = count("decision");
    JsonNode problem = draft(revoking(grantId, "2025-03-10", otherAward), 400);
    assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("awardIds[0]");
    assertThat(count("decision")).isEqualTo(count);

    JsonNode revoking = draft(revoking(grantId, "2025-03-10", revoked), 201);
    assertThat(revoking.get("title").asString())
        .isEqualTo(
            "Về việc hủy bỏ khen thưởng tại Quyết định số " + granted.get("number").asString());
    JsonNode done = issue(revoking.get("id").asLong(), 200);
    String number = done.get("number").asString();

    Map<String, Object> row =
        jdbc.sql("select revoked_by_decision, superseded_by_decision from award where id = ?")
            .param(revoked)
            .query()
            .singleRow();
    assertThat(((Number) row.get("revoked_by_decision")).longValue())
        .isEqualTo(done.get("id").asLong());
    assertThat(row.get("superseded_by_decision")).isNull();
    // the earlier decision shows the award revoked, by the later one
    JsonNode earlier = getJson("/api/v1/decisions/" + grantId);
    assertThat(earlier.get("items").get(1).get("standing").asString()).isEqualTo("REVOKED");
    assertThat(earlier.get("items").get(1).get("changedByNumber").asString()).isEqualTo(number);
    assertThat(earlier.get("items").get(0).get("standing").asString()).isEqualTo("IN_FORCE");
    // the certificate is revoked with the decision's number, on the verification page too
    CertificateView after = revokedCertificateOf(revoked);
    assertThat(after.revocationDecision()).isEqualTo(number);
    // and in the issuing body's published status list
    String list = certificates.statusList(after.issuerCode());
    assertThat(org.laurel.certificate.StatusLists.revoked(list, after.statusIndex())).isTrue();
    CertificateView keptCertificate = certificates.ofAward(kept).orElseThrow();
    assertThat(org.laurel.certificate.StatusLists.revoked(list, keptCertificate.statusIndex()))
        .isFalse();
    assertThat(certificates.ofAward(kept).orElseThrow().status())
        .isEqualTo(CertificateView.Status.VALID);
    String page =
        mvc.perform(get("/verify/" + before.publicId()).header("Accept-Language", "vi"))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(page).contains(number);
    // the payment is reversed
    assertThat(
            jdbc.sql("select amount_vnd from fund_entry where award_id = ? and kind = 'REVERSAL'")
                .param(revoked)
                .query(Long.class)
                .single())
        .isEqualTo(2_340_000L);
    // revoking it again is refused, nothing written
    count = count("decision");
    draft(revoking(grantId, "2025-03-11", revoked), 409);
    assertThat(count("decision")).isEqualTo(count);
  }

  @Test
  void aCorrectingDecisionReplacesAnAwardAndKeepsTheOriginalSuperseded() throws Exception {
    DecisionWorld.Voted v = world.voted("CL", "BK_UBND_CN", 2024, 1, 1);
    JsonNode granted =
        issue(draft(granting("2025-02-05", v.approved()), 201).get("id").asLong(), 200);
    long original = granted.get("items").get(0).get("awardId").asLong();
    certificateOf(original);
    // the name was wrong: the award goes to another person of the unit
    long right =
        people.list("CL", null).stream()
            .filter(p -> !v.people().contains(p.id()))
            .filter(p -> p.fullName().startsWith("Nguyễn Thị Quyết"))
            .findFirst()
            .map(p -> p.id())
            .orElseGet(() -> newPerson("CL", "Nguyễn Thị Đúng Tên"));
    JsonNode correcting =
        draft(
            """
            {"kind":"CORRECTING","bodyCode":"UBND-HD","decidedOn":"2025-02-20","referencesId":%d,
             "reason":"Quyết định ghi nhầm họ tên người được khen thưởng",
             "corrections":[{"awardId":%d,"personId":%d}]}"""
                .formatted(granted.get("id").asLong(), original, right),
            201);
    JsonNode done = issue(correcting.get("id").asLong(), 200);
    long replacement = done.get("items").get(0).get("awardId").asLong();
    assertThat(replacement).isNotEqualTo(original);
    assertThat(
            jdbc.sql("select superseded_by_decision from award where id = ?")
                .param(original)
                .query(Long.class)
                .single())
        .isEqualTo(done.get("id").asLong());
    assertThat(
            jdbc.sql("select person_id from award where id = ?")
                .param(replacement)
                .query(Long.class)
                .single())
        .isEqualTo(right);
    assertThat(revokedCertificateOf(original).revocationDecision())
        .isEqualTo(done.get("number").asString());
    assertThat(certificateOf(replacement).status()).isEqualTo(CertificateView.Status.VALID);
    assertThat(
            getJson("/api/v1/decisions/" + granted.get("id").asLong())
                .get("items")
                .get(0)
                .get("standing")
                .asString())
        .isEqualTo("SUPERSEDED");
  }

  // ---- numbers

  /**
   * Six drafts of one body and year issued at once by six threads: six different numbers, 1 to 6
   * (the year 2019 is this test's alone). Numbers have no gaps: a refused issue gives its number
   * back (see {@link #refusesANomineeGrantedTwiceAndGivesNoNumberToTheRefusedIssue}).
   */
  @Test
  void numbersStayUniqueAndGaplessUnderConcurrentIssuing() throws Exception {
    int n = 6;
    List<Long> drafts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      DecisionWorld.Voted v = world.voted("CL", "BK_UBND_CN", 2018, 1, 1);
      drafts.add(draft(granting("2019-03-15", v.approved()), 201).get("id").asLong());
    }
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      List<Future<String>> numbers = new ArrayList<>();
      for (long id : drafts) {
        Callable<String> issueIt =
            () -> {
              start.await();
              String[] out = new String[1];
              Access.runAsSystem(
                  "decision-test",
                  () -> out[0] = decisions.issue(id, new Decisions.Step(0)).number());
              return out[0];
            };
        numbers.add(pool.submit(issueIt));
      }
      start.countDown();
      List<String> got = new ArrayList<>();
      for (Future<String> f : numbers) {
        got.add(f.get());
      }
      assertThat(got.stream().sorted().collect(Collectors.toList()))
          .containsExactlyInAnyOrder(
              "1/QĐ-UBND", "2/QĐ-UBND", "3/QĐ-UBND", "4/QĐ-UBND", "5/QĐ-UBND", "6/QĐ-UBND");
    } finally {
      pool.shutdownNow();
    }
    assertThat(counter(BODY, 2019)).isEqualTo(n);
  }

  // ---- the fund

  @Test
  void fundAmountsAreExactOnEachSideOfTheBaseSalaryChange() throws Exception {
    DecisionWorld.Voted a = world.voted("CL", "CSTD_TINH", 2023, 1, 1);
    DecisionWorld.Voted b = world.voted("CL", "CSTD_TINH", 2023, 1, 1);
    // 3.00 × 1,800,000 on the last day of the old base salary; 3.00 × 2,340,000 on the first of the
    // new
    JsonNode before =
        issue(draft(granting("2024-06-30", a.approved()), 201).get("id").asLong(), 200);
    JsonNode after =
        issue(draft(granting("2024-07-01", b.approved()), 201).get("id").asLong(), 200);
    assertThat(before.get("items").get(0).get("amountVnd").asLong()).isEqualTo(5_400_000L);
    assertThat(after.get("items").get(0).get("amountVnd").asLong()).isEqualTo(7_020_000L);
    JsonNode ledger = getJson("/api/v1/fund/2024");
    JsonNode payment = null;
    for (JsonNode e : ledger.get("entries")) {
      if (e.get("decisionId").asLong() == before.get("id").asLong()) {
        payment = e;
      }
    }
    assertThat(payment).isNotNull();
    assertThat(payment.get("amountVnd").asLong()).isEqualTo(-5_400_000L);
    assertThat(payment.get("baseSalaryVnd").asLong()).isEqualTo(1_800_000L);
    assertThat(payment.get("baseSalaryFrom").asString()).isEqualTo("2023-07-01");
    assertThat(payment.get("coefficient").decimalValue()).isEqualByComparingTo("3.00");
  }

  @Test
  void incomeIsEnteredWithItsSourceAndTheBalanceAddsUp() throws Exception {
    JsonNode before = getJson("/api/v1/fund/2021");
    JsonNode e =
        send(
            post("/api/v1/fund/income"),
            """
            {"entryDate":"2021-02-01","amountVnd":150000000,"source":"Ngân sách tỉnh 2021","reference":"QĐ 9/QĐ-UBND"}""",
            201);
    assertThat(e.get("kind").asString()).isEqualTo("INCOME");
    assertThat(e.get("source").asString()).isEqualTo("Ngân sách tỉnh 2021");
    assertThat(e.get("reference").asString()).isEqualTo("QĐ 9/QĐ-UBND");
    JsonNode after = getJson("/api/v1/fund/2021");
    assertThat(after.get("incomeVnd").asLong() - before.get("incomeVnd").asLong())
        .isEqualTo(150_000_000L);
    assertThat(after.get("balanceVnd").asLong())
        .isEqualTo(after.get("incomeVnd").asLong() - after.get("paidVnd").asLong());
    long count = count("fund_entry");
    JsonNode problem =
        send(
            post("/api/v1/fund/income"),
            "{\"entryDate\":\"2021-02-01\",\"amountVnd\":-5,\"source\":\"x\"}",
            400);
    assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("amountVnd");
    assertThat(count("fund_entry")).isEqualTo(count);
  }

  // ---- helpers

  static String granting(String date, List<Long> nominees) {
    return """
        {"kind":"GRANTING","bodyCode":"UBND-HD","decidedOn":"%s","nomineeIds":%s}"""
        .formatted(date, nominees);
  }

  static String revoking(long reference, String date, long award) {
    return """
        {"kind":"REVOKING","bodyCode":"UBND-HD","decidedOn":"%s","referencesId":%d,
         "reason":"Hồ sơ kê khai không đúng thành tích","awardIds":[%d]}"""
        .formatted(date, reference, award);
  }

  JsonNode draft(String body, int status) throws Exception {
    return send(post("/api/v1/decisions"), body, status);
  }

  JsonNode issue(long id, int status) throws Exception {
    int version =
        jdbc.sql("select version from decision where id = ?")
            .param(id)
            .query(Integer.class)
            .single();
    return send(
        post("/api/v1/decisions/" + id + "/issue"), "{\"version\":%d}".formatted(version), status);
  }

  JsonNode send(
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder req,
      String body,
      int status)
      throws Exception {
    MvcResult r =
        mvc.perform(
                req.with(httpBasic("secretariat", "demo"))
                    .header("Accept-Language", "vi")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body))
            .andReturn();
    String text = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(r.getResponse().getStatus()).as(text).isEqualTo(status);
    return json.readTree(text);
  }

  JsonNode getJson(String url) throws Exception {
    MvcResult r = mvc.perform(get(url).with(httpBasic("secretariat", "demo"))).andReturn();
    String text = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(r.getResponse().getStatus()).as(text).isEqualTo(200);
    return json.readTree(text);
  }

  long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  int counter(String body, int year) {
    return jdbc.sql(
            "select coalesce(max(last_number), 0) from decision_counter where body_code = ? and year = ?")
        .params(body, year)
        .query(Integer.class)
        .single();
  }

  List<String> audits(String type, long id) {
    return jdbc.sql(
            "select action from audit_entry where entity_type = ? and entity_id = ? order by seq")
        .params(type, Long.toString(id))
        .query(String.class)
        .list();
  }

  long newPerson(String unit, String name) {
    long[] out = new long[1];
    Access.runAsSystem(
        "decision-test",
        () ->
            out[0] =
                people
                    .create(
                        People.PersonForm.of(
                            unit, name, null, org.laurel.organisation.PersonView.Gender.MALE))
                    .id());
    return out[0];
  }

  CertificateView certificateOf(long awardId) throws InterruptedException {
    for (int i = 0; i < 150; i++) {
      Optional<CertificateView> c = certificates.ofAward(awardId);
      if (c.isPresent()) {
        return c.get();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no certificate for award " + awardId);
  }

  CertificateView revokedCertificateOf(long awardId) throws InterruptedException {
    for (int i = 0; i < 150; i++) {
      Optional<CertificateView> c = certificates.ofAward(awardId);
      if (c.isPresent() && c.get().revokedAt() != null) {
        return c.get();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no revoked certificate for award " + awardId);
  }
}
