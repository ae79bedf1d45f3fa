package org.laurel.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import jakarta.servlet.http.Cookie;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.laurel.access.WriteAccessMatrixTest.Ctx;
import org.laurel.access.WriteAccessMatrixTest.Scope;
import org.laurel.access.WriteAccessMatrixTest.TriFunction;
import org.laurel.access.WriteAccessMatrixTest.World;
import org.laurel.support.LaurelTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The web UI's twin of {@link WriteAccessMatrixTest}: every form post of the UI × every role × a
 * target in the user's own unit (bloc, token) and one in a foreign unit, each cell in its own
 * rolled-back transaction, signed in with a form login and the {@code SESSION} cookie. An allowed
 * cell must really write (a redirect away from the login page, with the flash message); a refused
 * one must answer 403. Each row names the API endpoint that calls the same service, and its rule
 * must be that endpoint's rule ({@link #rulesAreTheApisRules()}). A UI write route missing from
 * {@link #ROWS} fails {@link #everyUiWriteEndpointIsInTheMatrix()}.
 */
@LaurelTest
@Transactional
class UiWriteAccessMatrixTest {

  /** How an allowed post shows that it wrote. */
  interface Success {
    void verify(MvcResult result, Ctx ctx, JdbcClient jdbc) throws Exception;
  }

  /** A UI write route, its API twin, how to fill its form for a scope, who may, what success is. */
  record Row(
      String route,
      String apiTwin,
      TriFunction<World, Scope, Ctx, AbstractMockHttpServletRequestBuilder<?>> form,
      BiPredicate<Role, Scope> allowed,
      Success success) {}

  static final BiPredicate<Role, Scope> SECRETARIAT = WriteAccessMatrixTest.SECRETARIAT;
  static final BiPredicate<Role, Scope> ADMIN = WriteAccessMatrixTest.ADMIN;
  static final BiPredicate<Role, Scope> OWN_UNIT_DATA = WriteAccessMatrixTest.OWN_UNIT_DATA;

  /**
   * Accepting and returning a report: the secretariat, or the bloc head whose unit heads a bloc of
   * the report's year that the unit belongs to.
   */
  static final BiPredicate<Role, Scope> REVIEWER =
      (r, s) -> r.isSecretariat() || (r == Role.BLOC_HEAD && s == Scope.OWN);

  static final List<Row> CORE_ROWS =
      List.of(
          new Row(
              "POST /units/new",
              "POST /api/v1/units",
              (w, s, c) ->
                  post("/units/new")
                      .param("code", "MX.N" + c.suffix())
                      .param("name", "Xã Mới")
                      .param("kind", "COMMUNE")
                      .param("parentCode", w.unit(s))
                      .param("validFrom", "2024-01-01"),
              SECRETARIAT,
              redirectWithFlash("/units/MX.N")),
          new Row(
              "POST /units/{code}/edit",
              "PUT /api/v1/units/{code}",
              (w, s, c) ->
                  post("/units/" + w.commune(s) + "/edit")
                      .param("name", "Xã Đã Sửa")
                      .param("kind", "COMMUNE")
                      .param("version", version(c, "unit:" + w.commune(s))),
              SECRETARIAT,
              redirectWithFlash("/units/MX.")),
          new Row(
              "POST /units/{code}/rename",
              "POST /api/v1/units/{code}/rename",
              (w, s, c) ->
                  post("/units/" + w.commune(s) + "/rename")
                      .param("newName", "Phường Mới")
                      .param("newKind", "WARD")
                      .param("effectiveDate", "2024-06-01")
                      .param("reference", "QĐ 1/2024"),
              SECRETARIAT,
              redirectWithFlash("/units/MX.")),
          new Row(
              "POST /units/{code}/transfer",
              "POST /api/v1/units/{code}/transfer",
              (w, s, c) ->
                  post("/units/" + w.commune(s) + "/transfer")
                      .param("newParentCode", "MX.C")
                      .param("effectiveDate", "2024-06-01"),
              SECRETARIAT,
              redirectWithFlash("/units/MX.")),
          new Row(
              "POST /units/{code}/dissolve",
              "POST /api/v1/units/{code}/dissolve",
              (w, s, c) ->
                  post("/units/" + w.commune(s) + "/dissolve").param("effectiveDate", "2024-06-01"),
              SECRETARIAT,
              redirectWithFlash("/units/MX.")),
          new Row(
              "POST /reorganisations/new",
              "POST /api/v1/reorganisations",
              (w, s, c) ->
                  post("/reorganisations/new")
                      .param("kind", "MERGE")
                      .param("effectiveDate", "2024-06-01")
                      .param("synthetic", "true")
                      .param("newUnit.code", "MX.M" + c.suffix())
                      .param("newUnit.name", "Xã Hợp Nhất")
                      .param("newUnit.kind", "COMMUNE")
                      .param("newUnit.parentCode", w.unit(s))
                      .param("links[0].predecessor", w.commune(s))
                      .param("links[0].successor", "MX.M" + c.suffix())
                      .param("links[0].sharePercent", "100")
                      .param("links[1].predecessor", w.commune2(s))
                      .param("links[1].successor", "MX.M" + c.suffix())
                      .param("links[1].sharePercent", "100"),
              SECRETARIAT,
              redirectWithFlash("/reorganisations")),
          new Row(
              "POST /people/new",
              "POST /api/v1/people",
              (w, s, c) ->
                  post("/people/new")
                      .param("unitCode", w.unit(s))
                      .param("fullName", "Nguyễn Thị Thử")
                      .param("gender", "FEMALE")
                      .param("active", "true"),
              OWN_UNIT_DATA,
              redirectWithFlash("/people?unit=MX.")),
          new Row(
              "POST /people/{id}/edit",
              "PUT /api/v1/people/{id}",
              (w, s, c) ->
                  post("/people/" + w.person(s) + "/edit")
                      .param("unitCode", w.unit(s))
                      .param("fullName", "Trần Văn Sửa")
                      .param("active", "true")
                      .param("version", version(c, "person:" + w.person(s))),
              OWN_UNIT_DATA,
              redirectWithFlash("/people?unit=MX.")),
          new Row(
              "POST /blocs/new",
              "POST /api/v1/blocs",
              (w, s, c) ->
                  post("/blocs/new")
                      .param("code", "MXB" + c.suffix())
                      .param("name", "Khối thử")
                      .param("year", "2025")
                      .param("memberCodes", w.unit(s), "MX.C")
                      .param("headCode", w.unit(s))
                      .param("deputyCode", "MX.C"),
              SECRETARIAT,
              redirectWithFlash("/blocs/")),
          new Row(
              "POST /blocs/{id}/edit",
              "PUT /api/v1/blocs/{id}",
              (w, s, c) ->
                  post("/blocs/" + w.bloc(s) + "/edit")
                      .param("name", "Khối đổi tên")
                      .param("memberCodes", "MX.A", "MX.B")
                      .param("headCode", "MX.B")
                      .param("deputyCode", "MX.A")
                      .param("version", version(c, "bloc:" + w.bloc(s))),
              SECRETARIAT,
              redirectWithFlash("/blocs/")),
          new Row(
              "POST /blocs/{id}/description",
              "PUT /api/v1/blocs/{id}/description",
              (w, s, c) ->
                  post("/blocs/" + w.bloc(s) + "/description")
                      .param("description", "Chương trình năm")
                      .param("version", version(c, "bloc:" + w.bloc(s))),
              (r, s) -> r.isSecretariat() || (r == Role.BLOC_HEAD && s == Scope.OWN),
              redirectWithFlash("/blocs/")),
          new Row(
              "POST /councils/{id}/members/new",
              "POST /api/v1/councils/{id}/members",
              (w, s, c) ->
                  post("/councils/" + w.council() + "/members/new")
                      .param("personId", Long.toString(w.person(s)))
                      .param("role", "MEMBER")
                      .param("termFrom", "2024-01-01"),
              SECRETARIAT,
              redirectWithFlash("/councils/")),
          new Row(
              "POST /councils/{id}/members/{memberId}/edit",
              "PUT /api/v1/councils/{id}/members/{memberId}",
              (w, s, c) ->
                  post("/councils/" + w.council() + "/members/" + w.councilMember() + "/edit")
                      .param("role", "VICE_CHAIR")
                      .param("termFrom", "2024-01-01")
                      .param("version", version(c, "member:" + w.councilMember())),
              SECRETARIAT,
              redirectWithFlash("/councils/")),
          new Row(
              "POST /admin/users/new",
              "POST /api/v1/users",
              (w, s, c) ->
                  post("/admin/users/new")
                      .param("username", "mx-new" + c.suffix())
                      .param("displayName", "Người mới")
                      .param("password", "mat-khau-dai")
                      .param("role", "VIEWER")
                      .param("unitCode", w.unit(s)),
              ADMIN,
              redirectWithFlash("/admin/users")),
          new Row(
              "POST /admin/users/{username}/edit",
              "PUT /api/v1/users/{username}",
              (w, s, c) ->
                  post("/admin/users/" + w.userTarget(s) + "/edit")
                      .param("username", w.userTarget(s))
                      .param("displayName", "Đổi tên")
                      .param("role", "VIEWER")
                      .param("unitCode", w.unit(s))
                      .param("enabled", "true")
                      .param("version", version(c, "user:" + w.userTarget(s))),
              ADMIN,
              redirectWithFlash("/admin/users")),
          new Row(
              "POST /reports/{unit}/{period}",
              "PUT /api/v1/reports/{unit}/{period}",
              (w, s, c) ->
                  post("/reports/" + w.unit(s) + "/2024-Q1")
                      .param("version", "0")
                      .param("values[BUDGET_REVENUE]", "12.5")
                      .param("comments[BUDGET_REVENUE]", "Ước tính"),
              OWN_UNIT_DATA,
              redirectWithFlash("/reports/MX.")),
          new Row(
              "POST /reports/{unit}/{period}/submit",
              "POST /api/v1/reports/{unit}/{period}/submit",
              (w, s, c) -> completeReport(post("/reports/" + w.unit(s) + "/2024-Q1/submit")),
              OWN_UNIT_DATA,
              redirectWithFlash("/reports/MX.")),
          new Row(
              "POST /reports/{unit}/{period}/accept",
              "POST /api/v1/reports/{unit}/{period}/accept",
              (w, s, c) ->
                  post("/reports/" + reviewed(w, s) + "/2024-Q2/accept")
                      .param(
                          "version", version(c, "report:SUBMITTED:" + reviewed(w, s) + ":2024-Q2")),
              REVIEWER,
              redirectWithFlash("/reports/MX.")),
          new Row(
              "POST /reports/{unit}/{period}/return",
              "POST /api/v1/reports/{unit}/{period}/return",
              (w, s, c) ->
                  post("/reports/" + reviewed(w, s) + "/2024-Q2/return")
                      .param("reason", "Thiếu số liệu")
                      .param(
                          "version", version(c, "report:SUBMITTED:" + reviewed(w, s) + ":2024-Q2")),
              REVIEWER,
              redirectWithFlash("/reports/MX.")),
          new Row(
              "POST /reports/{unit}/{period}/reopen",
              "POST /api/v1/reports/{unit}/{period}/reopen",
              (w, s, c) ->
                  post("/reports/" + w.unit(s) + "/2024-Q2/reopen")
                      .param("reason", "Sửa số liệu")
                      .param("version", version(c, "report:ACCEPTED:" + w.unit(s) + ":2024-Q2")),
              SECRETARIAT,
              redirectWithFlash("/reports/MX.")),
          new Row(
              "POST /imports",
              "POST /api/v1/imports/indicator-values",
              (w, s, c) ->
                  MockMvcRequestBuilders.multipart("/imports")
                      .file(
                          new org.springframework.mock.web.MockMultipartFile(
                              "file",
                              "values.csv",
                              "text/csv",
                              ("unit,indicator,period,value\n"
                                      + w.unit(s)
                                      + ",BUDGET_REVENUE,2024-Q1,1.5\n")
                                  .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                      .param("kind", "value"),
              OWN_UNIT_DATA,
              redirectWithFlash("/imports")),
          // ---- scoring, round 4: pact copies and edits, sheets
          new Row(
              "POST /blocs/{id}/pact/copy",
              "POST /api/v1/blocs/{id}/pact/copy",
              (w, s, c) -> post("/blocs/" + w.bloc(s) + "/pact/copy").param("source", "TEMPLATE"),
              SECRETARIAT,
              redirectWithFlash("/blocs/")),
          new Row(
              "POST /blocs/{id}/pact/edit",
              "PUT /api/v1/blocs/{id}/pact",
              (w, s, c) ->
                  post("/blocs/" + ScoringFixtures.draftBloc + "/pact/edit")
                      .param("version", version(c, "pact:" + ScoringFixtures.draftBloc))
                      .param("reason", "")
                      .param("groups[0].code", "G")
                      .param("groups[0].name", "Nhóm")
                      .param("groups[0].maxPoints", "100")
                      .param("groups[0].criteria[0].code", "M")
                      .param("groups[0].criteria[0].name", "Tiêu chí")
                      .param("groups[0].criteria[0].maxPoints", "90")
                      .param("groups[0].criteria[0].method", "MANUAL")
                      .param("weights.self", "0.2")
                      .param("weights.cross", "0.3")
                      .param("weights.council", "0.5")
                      .param("classification[0].min", "90")
                      .param("classification[0].label", "EXCELLENT")
                      .param("otherwise", "NOT_COMPLETE"),
              SECRETARIAT,
              redirectWithFlash("/blocs/")),
          new Row(
              "POST /pacts/{id}/sheets/{round}/{assessor}/{assessed}",
              "PUT /api/v1/pacts/{id}/sheets/{round}/{assessor}/{assessed}",
              (w, s, c) ->
                  post("/pacts/%d/sheets/SELF/%s/%s"
                          .formatted(ScoringFixtures.scorePact, w.unit(s), w.unit(s)))
                      .param("points[M]", "70")
                      .param("evidence[M]", "https://example.org/bien-ban.pdf"),
              OWN_UNIT_DATA,
              redirectWithFlash("/pacts/")),
          new Row(
              "POST /pacts/{id}/sheets/{round}/{assessor}/{assessed}/submit",
              "POST /api/v1/pacts/{id}/sheets/{round}/{assessor}/{assessed}/submit",
              (w, s, c) ->
                  post("/pacts/%d/sheets/CROSS/%s/%s/submit"
                          .formatted(
                              ScoringFixtures.scorePact,
                              w.unit(s),
                              w.unit(s == Scope.OWN ? Scope.FOREIGN : Scope.OWN)))
                      .param("version", version(c, "sheet:" + w.unit(s))),
              OWN_UNIT_DATA,
              redirectWithFlash("/pacts/")),
          new Row(
              "POST /pacts/{id}/sheets/{round}/{assessor}/{assessed}/reopen",
              "POST /api/v1/pacts/{id}/sheets/{round}/{assessor}/{assessed}/reopen",
              (w, s, c) ->
                  post("/pacts/%d/sheets/CROSS/%s/%s/reopen"
                          .formatted(
                              ScoringFixtures.scorePact,
                              w.unit(s),
                              w.unit(s == Scope.OWN ? Scope.FOREIGN : Scope.OWN)))
                      .param("version", version(c, "submitted:" + w.unit(s)))
                      .param("reason", "Chấm nhầm"),
              SECRETARIAT,
              redirectWithFlash("/pacts/")),
          // ---- end of scoring, round 4
          new Row(
              "POST /account/tokens",
              "POST /api/v1/tokens",
              (w, s, c) ->
                  post("/account/tokens")
                      .param("name", "ui-token-" + c.suffix())
                      .param("validDays", "30"),
              (r, s) -> true,
              // shown once on the page, not after a redirect: the secret must not rest in the
              // stored session (see AccountPage#create)
              (result, c, jdbc) -> {
                assertThat(result.getResponse().getStatus()).isEqualTo(200);
                assertThat(result.getModelAndView()).isNotNull();
                assertThat(result.getModelAndView().getViewName())
                    .isEqualTo("account/token-created");
                assertThat(
                        jdbc.sql(
                                """
                                select count(*) from api_token t join app_user u on u.id = t.user_id
                                where u.username = ? and t.name = ?""")
                            .params(c.username(), "ui-token-" + c.suffix())
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
              }),
          new Row(
              "POST /account/tokens/{id}/revoke",
              "DELETE /api/v1/tokens/{id}",
              (w, s, c) ->
                  post(
                      "/account/tokens/"
                          + c.token().apply(s == Scope.OWN ? c.username() : "mx-other")
                          + "/revoke"),
              (r, s) -> s == Scope.OWN || r == Role.ADMIN,
              (result, c, jdbc) -> {
                redirectWithFlash("/account").verify(result, c, jdbc);
                assertThat(
                        jdbc.sql(
                                "select count(*) from api_token where name = ? and revoked_at is null")
                            .param(tokenName(c))
                            .query(Long.class)
                            .single())
                    .as("the token is revoked")
                    .isZero();
              }));

  /** The core rows and each module's own block. */
  static final List<Row> ROWS =
      Stream.of(
              CORE_ROWS,
              MovementMatrix.UI,
              CertificateMatrix.UI,
              // ---- decisions and the reward fund (DecisionMatrix)
              DecisionMatrix.UI,
              // ---- council sessions and ballots (BallotMatrix)
              BallotMatrix.UI,
              // ---- reward staff pages (RewardUiMatrix)
              RewardUiMatrix.UI,
              // ---- scoring: bonus and penalty items, publication (ItemsMatrix)
              ItemsMatrix.UI,
              // ---- evidence files of manual scores (EvidenceMatrix)
              EvidenceMatrix.UI)
          .flatMap(List::stream)
          .toList();

  private static final AtomicInteger SEQ = new AtomicInteger();

  /** One signed-in session per role for the whole class: sessions are committed rows. */
  private static final Map<Role, Cookie> SESSIONS = new EnumMap<>(Role.class);

  @Autowired MockMvc mvc;
  @Autowired org.springframework.context.ApplicationContext context;
  @Autowired JdbcClient jdbc;
  @Autowired org.laurel.organisation.Units units;
  @Autowired org.laurel.organisation.People people;
  @Autowired org.laurel.bloc.Blocs blocs;
  @Autowired org.laurel.bloc.Councils councils;
  @Autowired Users users;
  @Autowired PlatformTransactionManager txManager;
  @Autowired org.laurel.scoring.Pacts pacts;
  @Autowired org.laurel.scoring.Assessments assessments;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  World world;

  @BeforeEach
  void world() {
    world =
        new MatrixWorld(units, people, blocs, councils, users, new TransactionTemplate(txManager))
            .get();
    MovementMatrix.ensure(context, txManager);
    ScoringFixtures.ensure(blocs, pacts, assessments, txManager);
    CertificateMatrix.ensure(context, txManager);
    BallotMatrix.ensure(context, txManager);
    // ---- decisions and the reward fund
    DecisionMatrix.ensure(context, txManager, world);
    RewardUiMatrix.ensure(context, txManager, world);
    // ---- scoring: bonus and penalty items (after ScoringFixtures)
    ItemsMatrix.ensure(context, txManager);
    // ---- evidence files of manual scores
    EvidenceMatrix.ensure(jdbc, txManager);
  }

  static Stream<Arguments> cells() {
    List<Arguments> cells = new ArrayList<>();
    for (Row row : ROWS) {
      for (Role r : Role.values()) {
        for (Scope s : Scope.values()) {
          cells.add(Arguments.of(row.route(), r, s));
        }
      }
    }
    return cells.stream();
  }

  static Stream<String> routes() {
    return ROWS.stream().map(Row::route);
  }

  @ParameterizedTest(name = "{0} as {1} on {2} unit")
  @MethodSource("cells")
  void answersAsTheRulesSay(String route, Role role, Scope scope) throws Exception {
    Row row = row(route);
    String username = WriteAccessMatrixTest.USERS.get(role);
    Ctx ctx = ctx(username);
    AbstractMockHttpServletRequestBuilder<?> form = row.form().apply(world, scope, ctx);
    MvcResult result = mvc.perform(form.cookie(session(role)).with(csrf())).andReturn();
    int status = result.getResponse().getStatus();
    String what = "%s as %s on %s".formatted(route, role, scope);
    if (row.allowed().test(role, scope)) {
      // a 200 with the form again means the post was invalid and did not write: a test bug
      try {
        row.success().verify(result, ctx, jdbc);
      } catch (AssertionError e) {
        throw new AssertionError(
            what + " did not write (status " + status + "): " + formErrors(result), e);
      }
    } else {
      assertThat(status).as("%s: %s", what, formErrors(result)).isEqualTo(403);
    }
  }

  @ParameterizedTest(name = "{0} anonymously")
  @MethodSource("routes")
  void sendsAnonymousPostsToTheLoginPage(String route) throws Exception {
    AbstractMockHttpServletRequestBuilder<?> form =
        row(route).form().apply(world, Scope.OWN, ctx("mx-admin"));
    MvcResult result = mvc.perform(form.with(csrf())).andReturn();
    assertThat(result.getResponse().getStatus()).as(route).isBetween(300, 399);
    assertThat(result.getResponse().getRedirectedUrl())
        .as(route)
        .matches("(http://localhost)?/login");
  }

  @ParameterizedTest(name = "{0} without the CSRF token")
  @MethodSource("routes")
  void refusesAPostWithoutTheCsrfToken(String route) throws Exception {
    AbstractMockHttpServletRequestBuilder<?> form =
        row(route).form().apply(world, Scope.OWN, ctx("mx-admin"));
    MvcResult result = mvc.perform(form.cookie(session(Role.ADMIN))).andReturn();
    assertThat(result.getResponse().getStatus()).as(route).isEqualTo(403);
  }

  @Test
  void everyUiWriteEndpointIsInTheMatrix() {
    Set<String> mapped = new TreeSet<>();
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      for (RequestMethod m : info.getMethodsCondition().getMethods()) {
        if (m == RequestMethod.GET || m == RequestMethod.HEAD || m == RequestMethod.OPTIONS) {
          continue;
        }
        for (String pattern : info.getPatternValues()) {
          if (!pattern.startsWith("/api/")) {
            mapped.add(m.name() + " " + pattern);
          }
        }
      }
    }
    Set<String> inMatrix = new TreeSet<>(routes().toList());
    assertThat(inMatrix)
        .as("write routes of the web UI that the matrix must cover")
        .isEqualTo(mapped);
  }

  /** A form and the API endpoint behind the same service call follow the same rule. */
  @Test
  void rulesAreTheApisRules() {
    for (Row row : ROWS) {
      WriteAccessMatrixTest.Endpoint api =
          WriteAccessMatrixTest.ENDPOINTS.stream()
              .filter(e -> e.route().equals(row.apiTwin()))
              .findFirst()
              .orElseThrow(() -> new AssertionError(row.route() + ": no API row " + row.apiTwin()));
      for (Role r : Role.values()) {
        for (Scope s : Scope.values()) {
          assertThat(row.allowed().test(r, s))
              .as("%s as %s on %s, as %s", row.route(), r, s, api.route())
              .isEqualTo(api.allowed().test(r, s));
        }
      }
    }
  }

  // ---- helpers

  private static Row row(String route) {
    return ROWS.stream().filter(x -> x.route().equals(route)).findFirst().orElseThrow();
  }

  private static MockHttpServletRequestBuilder post(String path) {
    return MockMvcRequestBuilders.post(path);
  }

  /**
   * The unit whose report a reviewer decides on: the own unit is in the bloc the users' unit heads
   * (MXB-OWN); the foreign one is MX.C, in no bloc at all (MX.B is in MXB-OWN too).
   */
  private static String reviewed(World w, Scope s) {
    return s == Scope.OWN ? w.ownUnit() : "MX.C";
  }

  /** A report with every required value, so that submitting it passes the rules. */
  private static MockHttpServletRequestBuilder completeReport(MockHttpServletRequestBuilder form) {
    form.param("version", "0");
    for (String code :
        List.of(
            "BUDGET_REVENUE",
            "INDUSTRIAL_OUTPUT",
            "AGRICULTURAL_OUTPUT",
            "DOSSIERS_ON_TIME",
            "COMPLAINTS_RESOLVED",
            "POVERTY_RATE",
            "SOCIAL_INSURANCE")) {
      form.param("values[" + code + "]", "50");
    }
    return form;
  }

  private static String version(Ctx c, String key) {
    return Integer.toString(c.version().apply(key));
  }

  /** Success of a post-redirect-get: a redirect to the expected page and the flash message. */
  private static Success redirectWithFlash(String targetPrefix) {
    return (result, c, jdbc) -> {
      assertThat(result.getResponse().getStatus()).isBetween(300, 399);
      String target = result.getResponse().getRedirectedUrl();
      assertThat(target).isNotNull().doesNotContain("/login").startsWith(targetPrefix);
      assertThat(result.getFlashMap().get("flash")).as("flash message").isNotNull();
    };
  }

  private static String tokenName(Ctx c) {
    return "to revoke " + c.suffix();
  }

  private Ctx ctx(String username) {
    String suffix = Integer.toString(SEQ.incrementAndGet());
    return new Ctx(username, suffix, this::version, owner -> tokenOf(owner, suffix));
  }

  /** The session cookie of the role's user, signed in once with the login form. */
  private Cookie session(Role role) throws Exception {
    Cookie cookie = SESSIONS.get(role);
    if (cookie == null) {
      MvcResult login =
          mvc.perform(
                  SecurityMockMvcRequestBuilders.formLogin("/login")
                      .user(WriteAccessMatrixTest.USERS.get(role))
                      .password(WriteAccessMatrixTest.PASSWORD))
              .andReturn();
      assertThat(login.getResponse().getRedirectedUrl()).as("sign-in of " + role).isEqualTo("/");
      cookie = login.getResponse().getCookie("SESSION");
      assertThat(cookie).as("session cookie of " + role).isNotNull();
      SESSIONS.put(role, cookie);
    }
    return cookie;
  }

  private int version(String key) {
    String[] kv = key.split(":", 2);
    String sql =
        switch (kv[0]) {
          case "unit" -> "select version from unit where code = ?";
          case "person" -> "select version from person where id = cast(? as bigint)";
          case "bloc" -> "select version from bloc where id = cast(? as bigint)";
          case "member" -> "select version from council_member where id = cast(? as bigint)";
          case "user" -> "select version from app_user where username = ?";
          case "report" -> null;
          case "pact" -> "select version from pact where bloc_id = cast(? as bigint)";
          case "sheet" -> WriteAccessMatrixTest.SHEET_VERSION;
          case "submitted" -> WriteAccessMatrixTest.SUBMIT_SHEET;
          default -> RewardMatrix.versionSql(kv[0]);
        };
    if (sql == null) {
      return reportIn(kv[1]);
    }
    return jdbc.sql(sql).param(kv[1]).query(Integer.class).single();
  }

  /**
   * A fresh report ({@code STATUS:UNIT:PERIOD}) made inside the cell's transaction; its version.
   */
  private int reportIn(String spec) {
    String[] p = spec.split(":");
    return jdbc.sql(
            """
            insert into report(unit_id, period, year, end_month, status)
            select id, ?, cast(left(?, 4) as int), ?, ? from unit where code = ? returning version""")
        .params(p[2], p[2], org.laurel.indicator.Period.of(p[2]).endMonth(), p[0], p[1])
        .query(Integer.class)
        .single();
  }

  /** A fresh token of the given user, made inside the cell's transaction. */
  private long tokenOf(String owner, String suffix) {
    return jdbc.sql(
            """
            insert into api_token(user_id, name, token_hash)
            select id, ?, ? from app_user where username = ? returning id""")
        .params("to revoke " + suffix, UUID.randomUUID().toString(), owner)
        .query(Long.class)
        .single();
  }

  /** What the form complained about, when a post that should write showed the form again. */
  private static String formErrors(MvcResult result) {
    var mav = result.getModelAndView();
    if (mav == null) {
      return "";
    }
    StringBuilder errors = new StringBuilder();
    mav.getModel()
        .forEach(
            (k, v) -> {
              if (v instanceof org.springframework.validation.BindingResult b && b.hasErrors()) {
                errors.append(b.getAllErrors());
              }
            });
    Object detail = mav.getModel().get("detail");
    return errors + (detail == null ? "" : " detail: " + detail);
  }
}
