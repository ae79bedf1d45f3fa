package org.laurel.access;

import java.util.List;
import java.util.function.BiPredicate;
import org.laurel.access.WriteAccessMatrixTest.Call;
import org.laurel.access.WriteAccessMatrixTest.Endpoint;
import org.laurel.access.WriteAccessMatrixTest.Scope;
import org.springframework.http.HttpMethod;

/**
 * The reward module's rows of the write-access matrices (API and UI), kept in one place so that the
 * shared matrix tests only append them.
 */
final class RewardMatrix {
  private RewardMatrix() {}

  /** Not {@link WriteAccessMatrixTest#SECRETARIAT}: this class must not need that one loaded. */
  static final BiPredicate<Role, Scope> SECRETARIAT = (r, s) -> r.isSecretariat();

  static final BiPredicate<Role, Scope> ADMIN = (r, s) -> r == Role.ADMIN;

  static final BiPredicate<Role, Scope> OWN_UNIT_DATA =
      (r, s) -> r.isSecretariat() || (r.reportsForOwnUnit() && s == Scope.OWN);

  static final List<Endpoint> API;

  private static final List<Endpoint> CATALOGUE =
      List.of(
          new Endpoint(
              "POST /api/v1/awards",
              (w, s, c) ->
                  post(
                      "/api/v1/awards",
                      """
                      {"recipient":"COLLECTIVE","unitCode":"%s","awardCode":"TTLDTT","year":2019}"""
                          .formatted(w.unit(s))),
              SECRETARIAT),
          new Endpoint(
              "POST /api/v1/imports/awards",
              (w, s, c) ->
                  post(
                      "/api/v1/imports/awards",
                      "recipient,unit,person,household,award,year,decision_number,decision_date\n"
                          + "COLLECTIVE,"
                          + w.unit(s)
                          + ",,,TTLDTT,2018,,\n"),
              SECRETARIAT),
          new Endpoint(
              "POST /api/v1/rule-sets/{award}",
              (w, s, c) ->
                  post(
                      "/api/v1/rule-sets/LDTT",
                      """
                      {"effectiveFrom":"2026-01-01","legalBasis":"Ma trận","baseVersion":%d,
                       "definition":{"conditions":[{"type":"NO_DISCIPLINE","window":1,"source":"x"}]}}"""
                          .formatted(c.version().apply("ruleset:LDTT"))),
              ADMIN),
          new Endpoint(
              "POST /api/v1/eligibility/batch",
              (w, s, c) ->
                  post(
                      "/api/v1/eligibility/batch",
                      """
                      {"awardCode":"LDTT","year":2024,"nominees":[{"kind":"INDIVIDUAL","personId":%d}]}"""
                          .formatted(w.person(s))),
              (r, s) -> true),
          new Endpoint(
              "POST /api/v1/disciplines",
              (w, s, c) ->
                  post(
                      "/api/v1/disciplines",
                      """
                      {"personId":%d,"form":"Khiển trách","decidedOn":"2024-03-01"}"""
                          .formatted(w.person(s))),
              OWN_UNIT_DATA));

  static {
    List<Endpoint> more = new java.util.ArrayList<>(CATALOGUE);
    more.addAll(proposalRows());
    API = List.copyOf(more);
  }

  /** Routes anyone may post to, signed in or not (the public notice). */
  static final java.util.Set<String> PUBLIC =
      java.util.Set.of("POST /api/v1/portal/notices/{id}/comments");

  private static List<Endpoint> proposalRows() {
    return List.of(
        new Endpoint(
            "POST /api/v1/proposals",
            (w, s, c) ->
                post(
                    "/api/v1/proposals",
                    """
                    {"kind":"REGULAR","year":2024,"title":"Đề nghị ma trận","proposingUnitCode":"%s",
                     "awardCode":"LDTT"}"""
                        .formatted(w.unit(s))),
            OWN_UNIT_DATA),
        new Endpoint(
            "POST /api/v1/proposals/{id}/nominees",
            (w, s, c) ->
                post(
                    "/api/v1/proposals/" + proposal("empty", s) + "/nominees",
                    "{\"kind\":\"INDIVIDUAL\",\"personId\":%d}".formatted(w.person(s))),
            OWN_UNIT_DATA),
        new Endpoint(
            "POST /api/v1/proposals/{id}/attachments",
            (w, s, c) ->
                post(
                    "/api/v1/proposals/" + proposal("empty", s) + "/attachments",
                    "%PDF-1.4\n%%EOF\n"),
            OWN_UNIT_DATA),
        new Endpoint(
            "POST /api/v1/proposals/{id}/submit",
            (w, s, c) -> step("draft", "submit", s, c),
            OWN_UNIT_DATA),
        new Endpoint(
            "POST /api/v1/proposals/{id}/receive",
            (w, s, c) -> step("submitted", "receive", s, c),
            SECRETARIAT),
        new Endpoint(
            "POST /api/v1/proposals/{id}/review",
            (w, s, c) -> step("received", "review", s, c),
            SECRETARIAT),
        new Endpoint(
            "POST /api/v1/proposals/{id}/notice",
            (w, s, c) ->
                post(
                    "/api/v1/proposals/" + proposal("review", s) + "/notice",
                    "{\"opinion\":\"Đủ điều kiện\",\"days\":10,\"version\":%d}"
                        .formatted(c.version().apply("proposal:" + proposal("review", s)))),
            SECRETARIAT),
        new Endpoint(
            "POST /api/v1/proposals/{id}/return",
            (w, s, c) ->
                post(
                    "/api/v1/proposals/" + proposal("submitted", s) + "/return",
                    "{\"reason\":\"Thiếu hồ sơ\",\"version\":%d}"
                        .formatted(c.version().apply("proposal:" + proposal("submitted", s)))),
            SECRETARIAT),
        new Endpoint(
            "POST /api/v1/proposals/{id}/ready",
            (w, s, c) -> step("noticeOver", "ready", s, c),
            SECRETARIAT),
        new Endpoint(
            "POST /api/v1/notice-comments/{id}/answer",
            (w, s, c) ->
                post(
                    "/api/v1/notice-comments/" + comment(s) + "/answer",
                    "{\"answer\":\"Đã trả lời\",\"version\":0}"),
            SECRETARIAT),
        new Endpoint(
            "POST /api/v1/blocs/{id}/proposals",
            // the demo's district bloc of 2024 has a published ranking
            (w, s, c) -> post("/api/v1/blocs/" + rankedBloc + "/proposals", "{\"meritCount\":2}"),
            SECRETARIAT),
        new Endpoint(
            "POST /api/v1/portal/notices/{id}/comments",
            (w, s, c) ->
                post(
                    "/api/v1/portal/notices/" + proposal("noticeOpen", s) + "/comments",
                    "{\"kind\":\"COMMENT\",\"body\":\"Ý kiến ma trận\"}"),
            (r, s) -> true));
  }

  private static Call step(String fixture, String step, Scope s, WriteAccessMatrixTest.Ctx c) {
    long id = proposal(fixture, s);
    return post(
        "/api/v1/proposals/" + id + "/" + step,
        "{\"version\":%d}".formatted(c.version().apply("proposal:" + id)));
  }

  // ---- fixtures: proposals of MX.A (own) and MX.B (foreign) at each step, committed once

  private static final java.util.Map<String, Long> PROPOSALS =
      new java.util.concurrent.ConcurrentHashMap<>();
  private static final java.util.Map<Scope, Long> COMMENTS =
      new java.util.concurrent.ConcurrentHashMap<>();

  static volatile long rankedBloc;

  static long proposal(String fixture, Scope s) {
    return PROPOSALS.get(fixture + ":" + s);
  }

  static long comment(Scope s) {
    return COMMENTS.get(s);
  }

  static synchronized void ensure(
      org.springframework.context.ApplicationContext context,
      org.springframework.transaction.PlatformTransactionManager tx,
      WriteAccessMatrixTest.World w) {
    if (!PROPOSALS.isEmpty()) {
      return;
    }
    rankedBloc =
        context.getBean(org.laurel.bloc.Blocs.class).list(2024).stream()
            .filter(b -> b.code().equals("KHOI-HUYEN"))
            .findFirst()
            .orElseThrow()
            .id();
    org.laurel.reward.Proposals proposals = context.getBean(org.laurel.reward.Proposals.class);
    org.laurel.reward.NoticeComments comments =
        context.getBean(org.laurel.reward.NoticeComments.class);
    var t = new org.springframework.transaction.support.TransactionTemplate(tx);
    t.setPropagationBehavior(
        org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    Access.runAsSystem(
        "matrix-setup",
        () ->
            t.executeWithoutResult(
                st -> {
                  for (Scope s : Scope.values()) {
                    String unit = w.unit(s);
                    long person = w.person(s);
                    PROPOSALS.put("empty:" + s, draft(proposals, unit, "GK_CN", 2024, null));
                    PROPOSALS.put("draft:" + s, draft(proposals, unit, "LDTT", 2024, person));
                    PROPOSALS.put(
                        "submitted:" + s,
                        advance(proposals, draft(proposals, unit, "LDTT", 2023, person), 1, null));
                    PROPOSALS.put(
                        "received:" + s,
                        advance(proposals, draft(proposals, unit, "LDTT", 2022, person), 2, null));
                    PROPOSALS.put(
                        "review:" + s,
                        advance(proposals, draft(proposals, unit, "LDTT", 2021, person), 3, null));
                    PROPOSALS.put(
                        "noticeOver:" + s,
                        advance(
                            proposals,
                            draft(proposals, unit, "LDTT", 2020, person),
                            4,
                            java.time.LocalDate.of(2021, 1, 5)));
                    long open =
                        advance(proposals, draft(proposals, unit, "LDTT", 2025, person), 4, null);
                    PROPOSALS.put("noticeOpen:" + s, open);
                    COMMENTS.put(
                        s,
                        comments
                            .submit(
                                open,
                                new org.laurel.reward.NoticeComments.NewComment(
                                    org.laurel.reward.NoticeComments.Kind.COMPLAINT,
                                    null,
                                    null,
                                    "Khiếu nại ma trận"),
                                "192.0.2." + (s.ordinal() + 1))
                            .id());
                  }
                }));
  }

  private static long draft(
      org.laurel.reward.Proposals proposals, String unit, String award, int year, Long person) {
    long id =
        proposals
            .create(
                new org.laurel.reward.Proposals.NewProposal(
                    org.laurel.reward.ProposalKind.REGULAR,
                    year,
                    "Ma trận " + unit + " " + year,
                    unit,
                    award,
                    null))
            .id();
    if (person != null) {
      proposals.addNominee(
          id,
          new org.laurel.reward.Proposals.NomineeForm(
              org.laurel.reward.AwardType.Recipient.INDIVIDUAL, person, null, null));
    }
    return id;
  }

  /** Takes a draft {@code steps} steps on (1 submitted … 4 public notice). */
  private static long advance(
      org.laurel.reward.Proposals proposals, long id, int steps, java.time.LocalDate noticeFrom) {
    org.laurel.reward.Proposals.Step v =
        new org.laurel.reward.Proposals.Step(proposals.get(id).version());
    proposals.submit(id, v);
    if (steps >= 2) {
      proposals.receive(id, new org.laurel.reward.Proposals.Step(proposals.get(id).version()));
    }
    if (steps >= 3) {
      proposals.review(id, new org.laurel.reward.Proposals.Step(proposals.get(id).version()));
    }
    if (steps >= 4) {
      proposals.publishNotice(
          id,
          new org.laurel.reward.Proposals.Notice(
              "Đủ điều kiện",
              noticeFrom == null ? 30 : 10,
              noticeFrom,
              proposals.get(id).version()));
    }
    return id;
  }

  /** The version lookups of the reward rows: key prefix → SQL with one parameter. */
  static String versionSql(String kind) {
    return switch (kind) {
      case "ruleset" -> "select max(version) from rule_set where award_code = ?";
      case "proposal" -> "select version from proposal where id = cast(? as bigint)";
      default -> throw new IllegalArgumentException(kind);
    };
  }

  private static Call post(String path, String body) {
    return new Call(HttpMethod.POST, path, body);
  }
}
