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

  static final List<Endpoint> API =
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

  /** The version lookups of the reward rows: key prefix → SQL with one parameter. */
  static String versionSql(String kind) {
    return switch (kind) {
      case "ruleset" -> "select max(version) from rule_set where award_code = ?";
      default -> throw new IllegalArgumentException(kind);
    };
  }

  private static Call post(String path, String body) {
    return new Call(HttpMethod.POST, path, body);
  }
}
