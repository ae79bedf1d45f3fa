package org.laurel.access;

import java.util.ArrayList;
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
              SECRETARIAT));

  static <T> List<T> plus(List<T> core, List<T> reward) {
    List<T> all = new ArrayList<>(core);
    all.addAll(reward);
    return List.copyOf(all);
  }

  private static Call post(String path, String body) {
    return new Call(HttpMethod.POST, path, body);
  }
}
