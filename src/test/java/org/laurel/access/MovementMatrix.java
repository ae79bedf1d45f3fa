package org.laurel.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BiPredicate;
import org.laurel.access.UiWriteAccessMatrixTest.Row;
import org.laurel.access.UiWriteAccessMatrixTest.Success;
import org.laurel.access.WriteAccessMatrixTest.Call;
import org.laurel.access.WriteAccessMatrixTest.Endpoint;
import org.laurel.access.WriteAccessMatrixTest.Scope;
import org.laurel.movement.Initiatives;
import org.laurel.movement.RecognisedInitiative.Level;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The movement module's rows of both write matrices (API and UI), and the records they act on,
 * committed once: an initiative of MX.A and one of MX.B. Kept apart from the other modules' rows;
 * the predicates are this class's own so that the matrices' classes may load in any order.
 */
final class MovementMatrix {
  private MovementMatrix() {}

  /** The secretariat anywhere; a reporter or bloc head for their own unit. */
  static final BiPredicate<Role, Scope> OWN_UNIT_DATA =
      (r, s) -> r.isSecretariat() || (r.reportsForOwnUnit() && s == Scope.OWN);

  static volatile long ownInitiative;
  static volatile long foreignInitiative;

  static long initiative(Scope s) {
    return s == Scope.OWN ? ownInitiative : foreignInitiative;
  }

  static synchronized void ensure(ApplicationContext context, PlatformTransactionManager tx) {
    if (ownInitiative != 0) {
      return;
    }
    Initiatives initiatives = context.getBean(Initiatives.class);
    TransactionTemplate t = new TransactionTemplate(tx);
    t.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
    org.laurel.organisation.People people = context.getBean(org.laurel.organisation.People.class);
    Access.runAsSystem(
        "matrix-setup",
        () ->
            t.executeWithoutResult(
                st -> {
                  ownInitiative = initiative(initiatives, people, "MX.A");
                  foreignInitiative = initiative(initiatives, people, "MX.B");
                }));
  }

  private static long initiative(
      Initiatives initiatives, org.laurel.organisation.People people, String unit) {
    long author = people.list(unit, null).get(0).id();
    return initiatives
        .create(
            new Initiatives.InitiativeForm(
                "Sáng kiến ma trận " + unit,
                unit,
                List.of(author),
                "Hành chính",
                null,
                "MX-" + unit + "/QĐ",
                LocalDate.of(2024, 3, 1),
                Level.GRASSROOTS,
                null,
                0))
        .id();
  }

  static long author(Scope s, WriteAccessMatrixTest.World w) {
    return w.person(s);
  }

  static String initiativeJson(WriteAccessMatrixTest.World w, Scope s, String suffix, int v) {
    return """
        {"title":"Sáng kiến thử %s","unitCode":"%s","authorPersonIds":[%d],"field":"Nông nghiệp",
         "decisionNumber":"%s/QĐ-UBND","decisionDate":"2024-04-02","level":"PROVINCIAL","version":%d}"""
        .formatted(suffix, w.unit(s), w.person(s), suffix, v);
  }

  static String initiativeCsv(WriteAccessMatrixTest.World w, Scope s, String suffix) {
    return "unit,title,authors,field,decision_number,decision_date,level,scope,description\n"
        + "%s,Sáng kiến nhập %s,%d,Giáo dục,%s/QĐ,2024-05-06,GRASSROOTS,,\n"
            .formatted(w.unit(s), suffix, w.person(s), suffix);
  }

  /** The API rows. */
  static final List<Endpoint> API =
      List.of(
          new Endpoint(
              "POST /api/v1/initiatives",
              (w, s, c) ->
                  new Call(
                      HttpMethod.POST, "/api/v1/initiatives", initiativeJson(w, s, c.suffix(), 0)),
              OWN_UNIT_DATA),
          new Endpoint(
              "PUT /api/v1/initiatives/{id}",
              (w, s, c) ->
                  new Call(
                      HttpMethod.PUT,
                      "/api/v1/initiatives/" + initiative(s),
                      initiativeJson(w, s, c.suffix(), 0)),
              OWN_UNIT_DATA),
          new Endpoint(
              "POST /api/v1/imports/initiatives",
              (w, s, c) ->
                  new Call(
                      HttpMethod.POST,
                      "/api/v1/imports/initiatives",
                      initiativeCsv(w, s, c.suffix())),
              OWN_UNIT_DATA));

  /** Success of a post-redirect-get: a redirect to the expected page and the flash message. */
  static Success redirectWithFlash(String targetPrefix) {
    return (result, c, jdbc) -> {
      assertThat(result.getResponse().getStatus()).isBetween(300, 399);
      String target = result.getResponse().getRedirectedUrl();
      assertThat(target).isNotNull().doesNotContain("/login").startsWith(targetPrefix);
      assertThat(result.getFlashMap().get("flash")).as("flash message").isNotNull();
    };
  }

  private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder
      initiativeForm(String path, WriteAccessMatrixTest.World w, Scope s, String suffix) {
    return MockMvcRequestBuilders.post(path)
        .param("title", "Sáng kiến giao diện " + suffix)
        .param("unitCode", w.unit(s))
        .param("authorPersonIds", Long.toString(w.person(s)))
        .param("field", "Y tế")
        .param("decisionNumber", suffix + "/QĐ-UI")
        .param("decisionDate", "2024-06-07")
        .param("level", "GRASSROOTS")
        .param("version", "0");
  }

  /** The UI rows. */
  static final List<Row> UI =
      List.of(
          new Row(
              "POST /initiatives/new",
              "POST /api/v1/initiatives",
              (w, s, c) -> initiativeForm("/initiatives/new", w, s, c.suffix()),
              OWN_UNIT_DATA,
              redirectWithFlash("/initiatives")),
          new Row(
              "POST /initiatives/{id}/edit",
              "PUT /api/v1/initiatives/{id}",
              (w, s, c) ->
                  initiativeForm("/initiatives/" + initiative(s) + "/edit", w, s, c.suffix()),
              OWN_UNIT_DATA,
              redirectWithFlash("/initiatives")),
          new Row(
              "POST /initiatives/import",
              "POST /api/v1/imports/initiatives",
              (w, s, c) ->
                  MockMvcRequestBuilders.multipart("/initiatives/import")
                      .file(
                          new MockMultipartFile(
                              "file",
                              "initiatives.csv",
                              "text/csv",
                              initiativeCsv(w, s, c.suffix()).getBytes(StandardCharsets.UTF_8))),
              OWN_UNIT_DATA,
              redirectWithFlash("/initiatives")));
}
