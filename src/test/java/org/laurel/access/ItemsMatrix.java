package org.laurel.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.BiPredicate;
import org.laurel.access.UiWriteAccessMatrixTest.Row;
import org.laurel.access.WriteAccessMatrixTest.Call;
import org.laurel.access.WriteAccessMatrixTest.Endpoint;
import org.laurel.access.WriteAccessMatrixTest.Scope;
import org.laurel.scoring.Pacts;
import org.laurel.scoring.ScoringCommands.NewItem;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rows of both write matrices for a pact's bonus and penalty items and the publication of its
 * results from the ranking page: on the MXB-SCORE pact of {@link ScoringFixtures}, committed once,
 * an active item of MX.A (own) and one of MX.B (foreign) to withdraw; each cell's withdrawal is
 * rolled back with it. All of it is the secretariat's, in any unit.
 */
final class ItemsMatrix {
  private ItemsMatrix() {}

  static final BiPredicate<Role, Scope> SECRETARIAT = (r, s) -> r.isSecretariat();

  static volatile long ownItem;
  static volatile long foreignItem;

  static long item(Scope s) {
    return s == Scope.OWN ? ownItem : foreignItem;
  }

  /** After {@link ScoringFixtures#ensure}: the two items to withdraw. */
  static synchronized void ensure(ApplicationContext context, PlatformTransactionManager tx) {
    if (ownItem != 0) {
      return;
    }
    Pacts pacts = context.getBean(Pacts.class);
    TransactionTemplate t = new TransactionTemplate(tx);
    t.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
    Access.runAsSystem(
        "matrix-setup",
        () ->
            t.executeWithoutResult(
                st -> {
                  ownItem = add(pacts, "MX.A");
                  foreignItem = add(pacts, "MX.B");
                }));
  }

  private static long add(Pacts pacts, String unit) {
    return ((Number)
            pacts
                .addItem(
                    ScoringFixtures.scorePact,
                    new NewItem(unit, "B", new BigDecimal("1"), "Ma trận: khoản để rút"))
                .get("id"))
        .longValue();
  }

  /** The API rows. */
  static final List<Endpoint> API =
      List.of(
          new Endpoint(
              "POST /api/v1/pacts/{id}/items/{itemId}/withdraw",
              (w, s, c) ->
                  new Call(
                      HttpMethod.POST,
                      "/api/v1/pacts/"
                          + ScoringFixtures.scorePact
                          + "/items/"
                          + item(s)
                          + "/withdraw",
                      "{\"reason\":\"Ghi trùng\"}"),
              SECRETARIAT));

  /** The UI rows. */
  static final List<Row> UI =
      List.of(
          new Row(
              "POST /pacts/{id}/results",
              "POST /api/v1/pacts/{id}/results",
              (w, s, c) ->
                  // the fixture's rounds are incomplete on purpose: the reason publishes anyway
                  MockMvcRequestBuilders.post("/pacts/" + ScoringFixtures.scorePact + "/results")
                      .param("incompleteReason", "Ma trận quyền"),
              SECRETARIAT,
              (result, c, jdbc) -> {
                MovementMatrix.redirectWithFlash("/blocs/").verify(result, c, jdbc);
                assertThat(
                        jdbc.sql("select count(*) from result_version where pact_id = ?")
                            .param(ScoringFixtures.scorePact)
                            .query(Long.class)
                            .single())
                    .as("a version was published")
                    .isPositive();
              }),
          new Row(
              "POST /pacts/{id}/items",
              "POST /api/v1/pacts/{id}/items",
              (w, s, c) ->
                  MockMvcRequestBuilders.post("/pacts/" + ScoringFixtures.scorePact + "/items")
                      .param("unit", w.unit(s))
                      .param("criterion", "B")
                      .param("points", "2")
                      .param("reason", "Ma trận giao diện " + c.suffix()),
              SECRETARIAT,
              itemWritten("reason", "Ma trận giao diện ")),
          new Row(
              "POST /pacts/{id}/items/{itemId}/withdraw",
              "POST /api/v1/pacts/{id}/items/{itemId}/withdraw",
              (w, s, c) ->
                  MockMvcRequestBuilders.post(
                          "/pacts/" + ScoringFixtures.scorePact + "/items/" + item(s) + "/withdraw")
                      .param("reason", "Ghi trùng " + c.suffix()),
              SECRETARIAT,
              itemWritten("withdraw_reason", "Ghi trùng ")));

  /** Back to the items page with the flash message, and the cell's text in the item's column. */
  private static UiWriteAccessMatrixTest.Success itemWritten(String column, String text) {
    return (result, c, jdbc) -> {
      MovementMatrix.redirectWithFlash("/pacts/").verify(result, c, jdbc);
      assertThat(
              jdbc.sql("select count(*) from adjustment where " + column + " = ?")
                  .param(text + c.suffix())
                  .query(Long.class)
                  .single())
          .as("the item was written: " + column)
          .isEqualTo(1);
    };
  }
}
