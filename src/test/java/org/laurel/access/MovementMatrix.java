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

  /** Movements in each state, their versions, all for the province MX this year. */
  static volatile long draft;

  static volatile long launched;
  static volatile long running;
  static volatile long reviewed;
  static volatile long registered;

  /**
   * Examples: nominated (to verify), verified (to publish), published (to unpublish, replicate).
   */
  static volatile long nominated;

  static volatile long verified;
  static volatile long published;

  static final java.util.Map<Long, Integer> VERSIONS =
      new java.util.concurrent.ConcurrentHashMap<>();

  static final java.util.Map<Long, Integer> EXAMPLE_VERSIONS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static Endpoint exampleStep(String action, java.util.function.LongSupplier example) {
    return new Endpoint(
        "POST /api/v1/examples/{id}/" + action,
        (w, s, c) ->
            new Call(
                HttpMethod.POST,
                "/api/v1/examples/" + example.getAsLong() + "/" + action,
                "{\"version\":%d}".formatted(EXAMPLE_VERSIONS.get(example.getAsLong()))),
        SECRETARIAT);
  }

  static int version(long movement) {
    return VERSIONS.get(movement);
  }

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
                  movements(context);
                }));
  }

  static String movementJson(String code, int version) {
    int y = LocalDate.now().getYear();
    return """
        {"code":"%s","title":"Phong trào thử","motto":"Thi đua","kind":"THEMATIC","year":%d,
         "launchingUnitCode":"MX","decisionNumber":"1/QĐ","decisionDate":"%d-01-02",
         "startsOn":"%d-01-01","endsOn":"%d-12-31","individualsAllowed":true,"unitCodes":["MX"],
         "milestones":[{"kind":"MID_YEAR_REVIEW","title":"Sơ kết","dueOn":"%d-06-30"}],
         "goals":[{"indicatorCode":"BUDGET_REVENUE","target":100}],"awardTypes":["BANG_KHEN"],
         "version":%d}"""
        .formatted(code, y, y, y, y, y, version);
  }

  private static void movements(ApplicationContext context) {
    org.laurel.movement.Movements m = context.getBean(org.laurel.movement.Movements.class);
    org.laurel.movement.Registrations r = context.getBean(org.laurel.movement.Registrations.class);
    tools.jackson.databind.json.JsonMapper json =
        context.getBean(tools.jackson.databind.json.JsonMapper.class);
    java.util.function.Function<String, org.laurel.movement.MovementView> create =
        code ->
            m.create(
                json.readValue(
                    movementJson(code, 0), org.laurel.movement.Movements.MovementForm.class));
    draft = keep(create.apply("MX-DRAFT"));
    var l = create.apply("MX-LAUNCHED");
    launched = keep(m.launch(l.id(), new org.laurel.movement.Movements.Step(l.version())));
    var p = create.apply("MX-RUNNING");
    p = m.launch(p.id(), new org.laurel.movement.Movements.Step(p.version()));
    running = keep(m.start(p.id(), new org.laurel.movement.Movements.Step(p.version())));
    var v = create.apply("MX-REVIEWED");
    v = m.launch(v.id(), new org.laurel.movement.Movements.Step(v.version()));
    v = m.start(v.id(), new org.laurel.movement.Movements.Step(v.version()));
    reviewed = keep(m.review(v.id(), new org.laurel.movement.Movements.Step(v.version())));
    var g = create.apply("MX-REGISTERED");
    registered = keep(m.launch(g.id(), new org.laurel.movement.Movements.Step(g.version())));
    org.laurel.movement.Examples ex = context.getBean(org.laurel.movement.Examples.class);
    java.util.function.Supplier<org.laurel.movement.ExampleView> nominate =
        () ->
            ex.nominate(
                new org.laurel.movement.Examples.Nomination(
                    "MX.C",
                    null,
                    org.laurel.movement.ExampleView.Kind.MODEL,
                    "Mô hình ma trận",
                    null,
                    "Câu chuyện",
                    null));
    var n = nominate.get();
    nominated = n.id();
    EXAMPLE_VERSIONS.put(n.id(), n.version());
    var v1 = nominate.get();
    v1 = ex.verify(v1.id(), new org.laurel.movement.Movements.Step(v1.version()));
    verified = v1.id();
    EXAMPLE_VERSIONS.put(v1.id(), v1.version());
    var p1 = nominate.get();
    p1 = ex.verify(p1.id(), new org.laurel.movement.Movements.Step(p1.version()));
    p1 = ex.publish(p1.id(), new org.laurel.movement.Movements.Step(p1.version()));
    published = p1.id();
    EXAMPLE_VERSIONS.put(p1.id(), p1.version());
    for (String unit : List.of("MX.A", "MX.B")) {
      r.register(
          registered,
          new org.laurel.movement.Registrations.RegistrationForm(
              unit, List.of("TAP_THE_LDXS"), List.of(), List.of(), null, 0));
    }
  }

  private static long keep(org.laurel.movement.MovementView v) {
    VERSIONS.put(v.id(), v.version());
    return v.id();
  }

  static String registrationJson(WriteAccessMatrixTest.World w, Scope s, int version) {
    return """
        {"unitCode":"%s","titles":["CO_THI_DUA_UBND"],
         "targets":[{"indicatorCode":"BUDGET_REVENUE","target":120}],
         "people":[{"personId":%d,"title":"CSTD_CO_SO"}],"version":%d}"""
        .formatted(w.unit(s), w.person(s), version);
  }

  static final BiPredicate<Role, Scope> SECRETARIAT = (r, s) -> r.isSecretariat();

  private static Endpoint step(String action, java.util.function.LongSupplier movement) {
    return new Endpoint(
        "POST /api/v1/movements/{id}/" + action,
        (w, s, c) ->
            new Call(
                HttpMethod.POST,
                "/api/v1/movements/" + movement.getAsLong() + "/" + action,
                "{\"version\":%d}".formatted(version(movement.getAsLong()))),
        SECRETARIAT);
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
              OWN_UNIT_DATA),
          new Endpoint(
              "POST /api/v1/movements",
              (w, s, c) ->
                  new Call(
                      HttpMethod.POST, "/api/v1/movements", movementJson("MX-N" + c.suffix(), 0)),
              SECRETARIAT),
          new Endpoint(
              "PUT /api/v1/movements/{id}",
              (w, s, c) ->
                  new Call(
                      HttpMethod.PUT,
                      "/api/v1/movements/" + draft,
                      movementJson("MX-DRAFT", version(draft))),
              SECRETARIAT),
          step("launch", () -> draft),
          step("start", () -> launched),
          step("review", () -> running),
          step("close", () -> reviewed),
          step("publish", () -> launched),
          step("unpublish", () -> launched),
          new Endpoint(
              "POST /api/v1/movements/{id}/registrations",
              (w, s, c) ->
                  new Call(
                      HttpMethod.POST,
                      "/api/v1/movements/" + running + "/registrations",
                      registrationJson(w, s, 0)),
              OWN_UNIT_DATA),
          new Endpoint(
              "PUT /api/v1/movements/{id}/registrations/{unit}",
              (w, s, c) ->
                  new Call(
                      HttpMethod.PUT,
                      "/api/v1/movements/" + registered + "/registrations/" + w.unit(s),
                      registrationJson(w, s, 0)),
              OWN_UNIT_DATA),
          new Endpoint(
              "POST /api/v1/movements/{id}/registrations/{unit}/reopen",
              (w, s, c) ->
                  new Call(
                      HttpMethod.POST,
                      "/api/v1/movements/" + running + "/registrations/" + w.unit(s) + "/reopen",
                      "{\"openUntil\":\"%d-12-30\",\"reason\":\"Bổ sung\"}"
                          .formatted(LocalDate.now().getYear())),
              SECRETARIAT),
          new Endpoint(
              "POST /api/v1/examples",
              (w, s, c) ->
                  new Call(
                      HttpMethod.POST,
                      "/api/v1/examples",
                      """
                      {"unitCode":"%s","kind":"PERSON","personId":%d,"name":"Điển hình %s",
                       "story":"Tấm gương"}"""
                          .formatted(w.unit(s), w.person(s), c.suffix())),
              OWN_UNIT_DATA),
          exampleStep("verify", () -> nominated),
          exampleStep("publish", () -> verified),
          exampleStep("unpublish", () -> published),
          new Endpoint(
              "POST /api/v1/examples/{id}/replications",
              (w, s, c) ->
                  new Call(
                      HttpMethod.POST,
                      "/api/v1/examples/" + published + "/replications",
                      """
                      {"unitCode":"%s","startedOn":"2024-05-01","results":"Tốt"}"""
                          .formatted(w.unit(s))),
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
              redirectWithFlash("/initiatives")),
          new Row(
              "POST /movements/new",
              "POST /api/v1/movements",
              (w, s, c) -> movementForm("/movements/new", "MX-U" + c.suffix(), 0),
              SECRETARIAT,
              redirectWithFlash("/movements/")),
          new Row(
              "POST /movements/{id}/edit",
              "PUT /api/v1/movements/{id}",
              (w, s, c) ->
                  movementForm("/movements/" + draft + "/edit", "MX-DRAFT", version(draft)),
              SECRETARIAT,
              redirectWithFlash("/movements/")),
          new Row(
              "POST /movements/{id}/status",
              "POST /api/v1/movements/{id}/launch",
              (w, s, c) ->
                  MockMvcRequestBuilders.post("/movements/" + draft + "/status")
                      .param("action", "launch")
                      .param("version", Integer.toString(version(draft))),
              SECRETARIAT,
              wrote(
                  "/movements/",
                  "select count(*) from movement where code = 'MX-DRAFT' and status = 'LAUNCHED'")),
          new Row(
              "POST /movements/{id}/publish",
              "POST /api/v1/movements/{id}/publish",
              (w, s, c) ->
                  MockMvcRequestBuilders.post("/movements/" + launched + "/publish")
                      .param("published", "true")
                      .param("version", Integer.toString(version(launched))),
              SECRETARIAT,
              wrote(
                  "/movements/",
                  "select count(*) from movement where code = 'MX-LAUNCHED' and published")),
          new Row(
              "POST /movements/{id}/registrations/{unit}/reopen",
              "POST /api/v1/movements/{id}/registrations/{unit}/reopen",
              (w, s, c) ->
                  MockMvcRequestBuilders.post(
                          "/movements/" + running + "/registrations/" + w.unit(s) + "/reopen")
                      .param("openUntil", LocalDate.now().getYear() + "-12-30")
                      .param("reason", "Bổ sung hồ sơ"),
              SECRETARIAT,
              wrote(
                  "/movements/",
                  "select count(*) from registration_reopening r join movement m on m.id = r.movement_id where m.code = 'MX-RUNNING'")),
          new Row(
              "POST /movements/{id}/register",
              "POST /api/v1/movements/{id}/registrations",
              (w, s, c) ->
                  MockMvcRequestBuilders.post("/movements/" + running + "/register")
                      .param("unitCode", w.unit(s))
                      .param("titles", "TAP_THE_LDXS")
                      .param("targets[0].indicatorCode", "BUDGET_REVENUE")
                      .param("targets[0].target", "150")
                      .param("people[0].personId", Long.toString(w.person(s)))
                      .param("people[0].title", "CSTD_CO_SO")
                      .param("version", "0"),
              OWN_UNIT_DATA,
              redirectWithFlash("/movements/")),
          new Row(
              "POST /examples/new",
              "POST /api/v1/examples",
              (w, s, c) ->
                  MockMvcRequestBuilders.post("/examples/new")
                      .param("unitCode", w.unit(s))
                      .param("kind", "COLLECTIVE")
                      .param("name", "Tập thể " + c.suffix())
                      .param("story", "Thành tích"),
              OWN_UNIT_DATA,
              redirectWithFlash("/examples/")),
          new Row(
              "POST /examples/{id}/status",
              "POST /api/v1/examples/{id}/verify",
              (w, s, c) ->
                  MockMvcRequestBuilders.post("/examples/" + nominated + "/status")
                      .param("action", "verify")
                      .param("version", Integer.toString(EXAMPLE_VERSIONS.get(nominated))),
              SECRETARIAT,
              wrote(
                  "/examples/",
                  "select count(*) from example where status = 'VERIFIED' and id = "
                      + "(select min(id) from example where name = 'Mô hình ma trận')")),
          new Row(
              "POST /examples/{id}/replications",
              "POST /api/v1/examples/{id}/replications",
              (w, s, c) ->
                  MockMvcRequestBuilders.post("/examples/" + published + "/replications")
                      .param("unitCode", w.unit(s))
                      .param("startedOn", "2024-06-01")
                      .param("results", "Tốt"),
              OWN_UNIT_DATA,
              wrote(
                  "/examples/",
                  "select count(*) from replication r join example e on e.id = r.example_id"
                      + " where e.name = 'Mô hình ma trận'")));

  /** A redirect with a flash message, and the row the post was to write is there. */
  static Success wrote(String targetPrefix, String countSql) {
    return (result, c, jdbc) -> {
      redirectWithFlash(targetPrefix).verify(result, c, jdbc);
      assertThat(jdbc.sql(countSql).query(Long.class).single()).as(countSql).isPositive();
    };
  }

  private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder
      movementForm(String path, String code, int version) {
    int y = LocalDate.now().getYear();
    return MockMvcRequestBuilders.post(path)
        .param("code", code)
        .param("title", "Phong trào giao diện")
        .param("motto", "Đoàn kết")
        .param("kind", "REGULAR")
        .param("year", Integer.toString(y))
        .param("launchingUnitCode", "MX")
        .param("startsOn", y + "-01-01")
        .param("endsOn", y + "-12-31")
        .param("unitCodes", "MX")
        .param("milestones[0].kind", "YEAR_END_REVIEW")
        .param("milestones[0].title", "Tổng kết")
        .param("milestones[0].dueOn", y + "-12-20")
        .param("goals[0].indicatorCode", "INDUSTRIAL_OUTPUT")
        .param("goals[0].target", "10")
        .param("awardTypes", "BANG_KHEN, CO_THI_DUA")
        .param("version", Integer.toString(version));
  }
}
