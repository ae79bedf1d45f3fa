package org.laurel.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.laurel.support.LaurelTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every write endpoint of the API × every role × a target in the caller's own unit (or bloc, or
 * token) and one in a foreign unit, each cell in its own rolled-back transaction. The expected
 * answer is 2xx where the rules allow, 403 where they do not. An endpoint missing from {@link
 * #ENDPOINTS} fails {@link #everyWriteEndpointIsInTheMatrix()}.
 */
@LaurelTest
@Transactional
class WriteAccessMatrixTest {

  enum Scope {
    OWN,
    FOREIGN
  }

  /** The matrix' world: every role's user sits in unit MX.A; MX.B is foreign to them. */
  record World(
      String ownUnit,
      String foreignUnit,
      String ownCommune,
      String foreignCommune,
      String ownCommune2,
      String foreignCommune2,
      long ownBloc,
      long foreignBloc,
      long ownPerson,
      long foreignPerson,
      long council,
      long councilMember,
      String ownUserTarget,
      String foreignUserTarget) {

    String unit(Scope s) {
      return s == Scope.OWN ? ownUnit : foreignUnit;
    }

    String commune(Scope s) {
      return s == Scope.OWN ? ownCommune : foreignCommune;
    }

    String commune2(Scope s) {
      return s == Scope.OWN ? ownCommune2 : foreignCommune2;
    }

    long bloc(Scope s) {
      return s == Scope.OWN ? ownBloc : foreignBloc;
    }

    long person(Scope s) {
      return s == Scope.OWN ? ownPerson : foreignPerson;
    }

    String userTarget(Scope s) {
      return s == Scope.OWN ? ownUserTarget : foreignUserTarget;
    }
  }

  /** A cell's request: method, path, JSON body (may be null). */
  record Call(HttpMethod method, String path, String body) {
    boolean multipart() {
      return path.startsWith("/api/v1/imports/")
          || path.endsWith("/attachments")
          || path.endsWith("/evidence");
    }
  }

  /** A write endpoint: its route as mapped, how to call it for a scope, who may. */
  record Endpoint(
      String route, TriFunction<World, Scope, Ctx, Call> call, BiPredicate<Role, Scope> allowed) {}

  interface TriFunction<A, B, C, R> {
    R apply(A a, B b, C c);
  }

  /** Per-cell context: the user, a unique suffix, and a way to read current versions. */
  record Ctx(
      String username,
      String suffix,
      Function<String, Integer> version,
      Function<String, Long> token) {}

  static final BiPredicate<Role, Scope> SECRETARIAT = (r, s) -> r.isSecretariat();
  static final BiPredicate<Role, Scope> ADMIN = (r, s) -> r == Role.ADMIN;

  /** Accepting or returning a report: the secretariat, or the head of a bloc that has the unit. */
  static final BiPredicate<Role, Scope> REVIEWER =
      (r, s) -> r.isSecretariat() || (r == Role.BLOC_HEAD && s == Scope.OWN);

  /** Reports under review: MX.A is in the bloc MX.A heads; MX.C is in no matrix bloc. */
  static String reviewed(Scope s) {
    return s == Scope.OWN ? "MX.A" : "MX.C";
  }

  static final BiPredicate<Role, Scope> OWN_UNIT_DATA =
      (r, s) -> r.isSecretariat() || (r.reportsForOwnUnit() && s == Scope.OWN);

  static final List<Endpoint> CORE_ENDPOINTS =
      List.of(
          new Endpoint(
              "POST /api/v1/units",
              (w, s, c) ->
                  post(
                      "/api/v1/units",
                      """
                      {"code":"MX.N%s","name":"Xã Mới","kind":"COMMUNE","parentCode":"%s","validFrom":"2024-01-01"}"""
                          .formatted(c.suffix(), w.unit(s))),
              SECRETARIAT),
          new Endpoint(
              "PUT /api/v1/units/{code}",
              (w, s, c) ->
                  new Call(
                      HttpMethod.PUT,
                      "/api/v1/units/" + w.commune(s),
                      """
                      {"name":"Xã Đã Sửa","kind":"COMMUNE","version":%d}"""
                          .formatted(c.version().apply("unit:" + w.commune(s)))),
              SECRETARIAT),
          new Endpoint(
              "POST /api/v1/units/{code}/rename",
              (w, s, c) ->
                  post(
                      "/api/v1/units/" + w.commune(s) + "/rename",
                      """
                      {"newName":"Phường Mới","newKind":"WARD","effectiveDate":"2024-06-01"}"""),
              SECRETARIAT),
          new Endpoint(
              "POST /api/v1/units/{code}/transfer",
              (w, s, c) ->
                  post(
                      "/api/v1/units/" + w.commune(s) + "/transfer",
                      """
                      {"newParentCode":"MX.C","effectiveDate":"2024-06-01"}"""),
              SECRETARIAT),
          new Endpoint(
              "POST /api/v1/units/{code}/dissolve",
              (w, s, c) ->
                  post(
                      "/api/v1/units/" + w.commune(s) + "/dissolve",
                      """
                      {"effectiveDate":"2024-06-01"}"""),
              SECRETARIAT),
          new Endpoint(
              "POST /api/v1/reorganisations",
              (w, s, c) ->
                  post(
                      "/api/v1/reorganisations",
                      """
                      {"kind":"MERGE","effectiveDate":"2024-06-01","synthetic":true,
                       "newUnits":[{"code":"MX.M%s","name":"Xã Hợp Nhất","kind":"COMMUNE",
                                    "parentCode":"%s","validFrom":"2024-06-01"}],
                       "links":[{"predecessor":"%s","successor":"MX.M%s","share":1},
                                {"predecessor":"%s","successor":"MX.M%s","share":1}]}"""
                          .formatted(
                              c.suffix(),
                              w.unit(s),
                              w.commune(s),
                              c.suffix(),
                              w.commune2(s),
                              c.suffix())),
              SECRETARIAT),
          new Endpoint(
              "POST /api/v1/people",
              (w, s, c) ->
                  post(
                      "/api/v1/people",
                      """
                      {"unitCode":"%s","fullName":"Nguyễn Thị Thử","gender":"FEMALE","active":true}"""
                          .formatted(w.unit(s))),
              OWN_UNIT_DATA),
          new Endpoint(
              "PUT /api/v1/people/{id}",
              (w, s, c) ->
                  new Call(
                      HttpMethod.PUT,
                      "/api/v1/people/" + w.person(s),
                      """
                      {"unitCode":"%s","fullName":"Trần Văn Sửa","active":true,"version":%d}"""
                          .formatted(w.unit(s), c.version().apply("person:" + w.person(s)))),
              OWN_UNIT_DATA),
          new Endpoint(
              "POST /api/v1/blocs",
              (w, s, c) ->
                  post(
                      "/api/v1/blocs",
                      """
                      {"code":"MXB%s","name":"Khối thử","year":2025,"memberCodes":["%s","MX.C"],
                       "headCode":"%s","deputyCode":"MX.C"}"""
                          .formatted(c.suffix(), w.unit(s), w.unit(s))),
              SECRETARIAT),
          new Endpoint(
              "PUT /api/v1/blocs/{id}",
              (w, s, c) ->
                  new Call(
                      HttpMethod.PUT,
                      "/api/v1/blocs/" + w.bloc(s),
                      """
                      {"name":"Khối đổi tên","memberCodes":["MX.A","MX.B"],"headCode":"MX.B",
                       "deputyCode":"MX.A","version":%d}"""
                          .formatted(c.version().apply("bloc:" + w.bloc(s)))),
              SECRETARIAT),
          new Endpoint(
              "PUT /api/v1/blocs/{id}/description",
              (w, s, c) ->
                  new Call(
                      HttpMethod.PUT,
                      "/api/v1/blocs/" + w.bloc(s) + "/description",
                      """
                      {"description":"Chương trình năm","version":%d}"""
                          .formatted(c.version().apply("bloc:" + w.bloc(s)))),
              (r, s) -> r.isSecretariat() || (r == Role.BLOC_HEAD && s == Scope.OWN)),
          new Endpoint(
              "POST /api/v1/councils",
              (w, s, c) ->
                  post(
                      "/api/v1/councils",
                      """
                      {"code":"MXC%s","name":"Hội đồng thử","levelUnitCode":"%s","termStart":"2024-01-01"}"""
                          .formatted(c.suffix(), w.unit(s))),
              SECRETARIAT),
          new Endpoint(
              "POST /api/v1/councils/{id}/members",
              (w, s, c) ->
                  post(
                      "/api/v1/councils/" + w.council() + "/members",
                      """
                      {"personId":%d,"role":"MEMBER","termFrom":"2024-01-01"}"""
                          .formatted(w.person(s))),
              SECRETARIAT),
          new Endpoint(
              "PUT /api/v1/councils/{id}/members/{memberId}",
              (w, s, c) ->
                  new Call(
                      HttpMethod.PUT,
                      "/api/v1/councils/" + w.council() + "/members/" + w.councilMember(),
                      """
                      {"role":"VICE_CHAIR","termFrom":"2024-01-01","version":%d}"""
                          .formatted(c.version().apply("member:" + w.councilMember()))),
              SECRETARIAT),
          new Endpoint(
              "POST /api/v1/users",
              (w, s, c) ->
                  post(
                      "/api/v1/users",
                      """
                      {"username":"mx-new%s","displayName":"Người mới","password":"mat-khau-dai",
                       "role":"VIEWER","unitCode":"%s"}"""
                          .formatted(c.suffix(), w.unit(s))),
              ADMIN),
          new Endpoint(
              "PUT /api/v1/users/{username}",
              (w, s, c) ->
                  new Call(
                      HttpMethod.PUT,
                      "/api/v1/users/" + w.userTarget(s),
                      """
                      {"displayName":"Đổi tên","role":"VIEWER","unitCode":"%s","enabled":true,"version":%d}"""
                          .formatted(w.unit(s), c.version().apply("user:" + w.userTarget(s)))),
              ADMIN),
          new Endpoint(
              "PUT /api/v1/blocs/{id}/deadlines/{period}",
              (w, s, c) ->
                  new Call(
                      HttpMethod.PUT,
                      "/api/v1/blocs/" + w.bloc(s) + "/deadlines/2024-Q4",
                      "{\"dueDate\":\"2025-01-10\"}"),
              SECRETARIAT),
          new Endpoint(
              "PUT /api/v1/reports/{unit}/{period}",
              (w, s, c) ->
                  new Call(
                      HttpMethod.PUT,
                      "/api/v1/reports/" + w.unit(s) + "/2024-M01",
                      "{\"values\":{\"BUDGET_REVENUE\":12.5},\"comments\":{},\"version\":0}"),
              OWN_UNIT_DATA),
          new Endpoint(
              "POST /api/v1/reports/{unit}/{period}/submit",
              (w, s, c) ->
                  post(
                      "/api/v1/reports/" + w.unit(s) + "/2024-Q2/submit",
                      "{\"version\":%d}"
                          .formatted(c.version().apply("report:" + w.unit(s) + "/2024-Q2"))),
              OWN_UNIT_DATA),
          new Endpoint(
              "POST /api/v1/reports/{unit}/{period}/accept",
              (w, s, c) ->
                  post(
                      "/api/v1/reports/" + reviewed(s) + "/2024-Q3/accept",
                      "{\"version\":%d}"
                          .formatted(c.version().apply("report:" + reviewed(s) + "/2024-Q3"))),
              REVIEWER),
          new Endpoint(
              "POST /api/v1/reports/{unit}/{period}/return",
              (w, s, c) ->
                  post(
                      "/api/v1/reports/" + reviewed(s) + "/2024-Q3/return",
                      "{\"reason\":\"Thiếu số liệu\",\"version\":%d}"
                          .formatted(c.version().apply("report:" + reviewed(s) + "/2024-Q3"))),
              REVIEWER),
          new Endpoint(
              "POST /api/v1/reports/{unit}/{period}/reopen",
              (w, s, c) ->
                  post(
                      "/api/v1/reports/" + reviewed(s) + "/2024-Q3/reopen",
                      "{\"reason\":\"Sai số liệu\",\"version\":%d}"
                          .formatted(c.version().apply("report:" + reviewed(s) + "/2024-Q3"))),
              SECRETARIAT),
          new Endpoint(
              "POST /api/v1/imports/indicator-values",
              (w, s, c) ->
                  post(
                      "/api/v1/imports/indicator-values",
                      "unit,indicator,period,value\n"
                          + w.unit(s)
                          + ",BUDGET_REVENUE,2024-M02,7.5\n"),
              OWN_UNIT_DATA),
          new Endpoint(
              "POST /api/v1/reminders/run",
              (w, s, c) -> new Call(HttpMethod.POST, "/api/v1/reminders/run", null),
              SECRETARIAT),
          new Endpoint(
              "POST /api/v1/blocs/{id}/pact",
              (w, s, c) ->
                  post(
                      "/api/v1/blocs/" + w.bloc(s) + "/pact",
                      """
                      {"groups":[{"code":"G","name":"Nhóm","maxPoints":100,"criteria":[
                        {"code":"M","name":"Tiêu chí","maxPoints":100,"method":"MANUAL"}]}],
                       "weights":{"self":0.2,"cross":0.3,"council":0.5},
                       "classification":[{"min":90,"label":"EXCELLENT"}],
                       "otherwise":"NOT_COMPLETE","tieBreak":[],"trimmedMean":false}"""),
              SECRETARIAT),
          new Endpoint(
              "PUT /api/v1/blocs/{id}/pact",
              (w, s, c) ->
                  new Call(
                      HttpMethod.PUT,
                      "/api/v1/blocs/" + ScoringFixtures.draftBloc + "/pact",
                      """
                      {"version":%d,"definition":{"groups":[{"code":"G","name":"Nhóm","maxPoints":100,
                        "criteria":[{"code":"M","name":"Tiêu chí","maxPoints":90,"method":"MANUAL"}]}],
                       "weights":{"self":0.2,"cross":0.3,"council":0.5},
                       "classification":[{"min":90,"label":"EXCELLENT"}],
                       "otherwise":"NOT_COMPLETE","tieBreak":[],"trimmedMean":false}}"""
                          .formatted(c.version().apply("pact:" + ScoringFixtures.draftBloc))),
              SECRETARIAT),
          new Endpoint(
              "POST /api/v1/pacts/{id}/items",
              (w, s, c) ->
                  post(
                      "/api/v1/pacts/" + ScoringFixtures.scorePact + "/items",
                      """
                      {"unit":"%s","criterion":"B","points":2,"reason":"Cờ thi đua"}"""
                          .formatted(w.unit(s))),
              SECRETARIAT),
          new Endpoint(
              "PUT /api/v1/pacts/{id}/sheets/{round}/{assessor}/{assessed}",
              (w, s, c) ->
                  new Call(
                      HttpMethod.PUT,
                      "/api/v1/pacts/%d/sheets/SELF/%s/%s"
                          .formatted(ScoringFixtures.scorePact, w.unit(s), w.unit(s)),
                      "{\"scores\":[{\"criterion\":\"M\",\"points\":70}]}"),
              OWN_UNIT_DATA),
          new Endpoint(
              "POST /api/v1/pacts/{id}/sheets/{round}/{assessor}/{assessed}/submit",
              (w, s, c) ->
                  post(
                      "/api/v1/pacts/%d/sheets/CROSS/%s/%s/submit"
                          .formatted(
                              ScoringFixtures.scorePact,
                              w.unit(s),
                              w.unit(s == Scope.OWN ? Scope.FOREIGN : Scope.OWN)),
                      "{\"version\":%d}".formatted(c.version().apply("sheet:" + w.unit(s)))),
              OWN_UNIT_DATA),
          new Endpoint(
              "POST /api/v1/pacts/{id}/results",
              (w, s, c) ->
                  // the fixture's rounds are incomplete: publishing needs the reason
                  post(
                      "/api/v1/pacts/" + ScoringFixtures.scorePact + "/results",
                      "{\"incompleteReason\":\"Ma trận quyền\"}"),
              SECRETARIAT),
          // ---- scoring, round 4: pact versions and copies, sheet reopening
          new Endpoint(
              "POST /api/v1/blocs/{id}/pact/copy",
              (w, s, c) ->
                  post("/api/v1/blocs/" + w.bloc(s) + "/pact/copy", "{\"source\":\"TEMPLATE\"}"),
              SECRETARIAT),
          new Endpoint(
              "POST /api/v1/pacts/{id}/sheets/{round}/{assessor}/{assessed}/reopen",
              (w, s, c) ->
                  post(
                      "/api/v1/pacts/%d/sheets/CROSS/%s/%s/reopen"
                          .formatted(
                              ScoringFixtures.scorePact,
                              w.unit(s),
                              w.unit(s == Scope.OWN ? Scope.FOREIGN : Scope.OWN)),
                      "{\"version\":%d,\"reason\":\"Chấm nhầm\"}"
                          .formatted(c.version().apply("submitted:" + w.unit(s)))),
              SECRETARIAT),
          // ---- end of scoring, round 4
          new Endpoint(
              "POST /api/v1/tokens",
              (w, s, c) -> post("/api/v1/tokens", "{\"name\":\"script\",\"validDays\":30}"),
              (r, s) -> true),
          new Endpoint(
              "DELETE /api/v1/tokens/{id}",
              (w, s, c) ->
                  new Call(
                      HttpMethod.DELETE,
                      "/api/v1/tokens/"
                          + c.token().apply(s == Scope.OWN ? c.username() : "mx-other"),
                      null),
              (r, s) -> s == Scope.OWN || r == Role.ADMIN));

  /** The core rows and each module's own block. */
  static final List<Endpoint> ENDPOINTS =
      Stream.of(
              CORE_ENDPOINTS,
              MovementMatrix.API,
              RewardMatrix.API,
              CertificateMatrix.API,
              // ---- decisions and the reward fund (DecisionMatrix)
              DecisionMatrix.API,
              // ---- council sessions and ballots (BallotMatrix)
              BallotMatrix.API,
              // ---- reward staff pages (RewardUiMatrix)
              RewardUiMatrix.API,
              // ---- scoring: bonus and penalty items, publication (ItemsMatrix)
              ItemsMatrix.API,
              // ---- evidence files of manual scores (EvidenceMatrix)
              EvidenceMatrix.API)
          .flatMap(List::stream)
          .toList();

  static final Map<Role, String> USERS =
      Map.of(
          Role.ADMIN, "mx-admin",
          Role.SECRETARIAT, "mx-sec",
          Role.COUNCIL_MEMBER, "mx-council",
          Role.BLOC_HEAD, "mx-head",
          Role.UNIT_REPORTER, "mx-rep",
          Role.VIEWER, "mx-view");

  static final String PASSWORD = "matrix-password";

  /** The version of the fixture's cross sheet of the unit. */
  static final String SHEET_VERSION =
      "select s.version from sheet s join unit a on a.id = s.assessor_unit_id"
          + " join pact p on p.id = s.pact_id join bloc b on b.id = p.bloc_id"
          + " where b.code = 'MXB-SCORE' and s.round = 'CROSS' and a.code = ?";

  /** The fixture's draft cross sheet of the unit, submitted inside the cell's transaction. */
  static final String SUBMIT_SHEET =
      "update sheet s set status = 'SUBMITTED', submitted_at = now(),"
          + " submitted_by = 'matrix', version = s.version + 1"
          + " from unit a, pact p, bloc b where a.id = s.assessor_unit_id"
          + " and p.id = s.pact_id and b.id = p.bloc_id and b.code = 'MXB-SCORE'"
          + " and s.round = 'CROSS' and a.code = ? returning s.version";

  private static final AtomicInteger SEQ = new AtomicInteger();

  @Autowired MockMvc mvc;
  @Autowired org.springframework.context.ApplicationContext context;
  @Autowired JdbcClient jdbc;
  @Autowired org.laurel.organisation.Units units;
  @Autowired org.laurel.organisation.People people;
  @Autowired org.laurel.bloc.Blocs blocs;
  @Autowired org.laurel.bloc.Councils councils;
  @Autowired Users users;
  @Autowired org.springframework.transaction.PlatformTransactionManager txManager;
  @Autowired JsonMapper json;
  @Autowired org.laurel.scoring.Pacts pacts;
  @Autowired org.laurel.scoring.Assessments assessments;

  @Autowired
  @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  World world;

  @BeforeEach
  void world() {
    world =
        new MatrixWorld(
                units,
                people,
                blocs,
                councils,
                users,
                new org.springframework.transaction.support.TransactionTemplate(txManager))
            .get();
    ReportFixtures.ensure(jdbc, txManager);
    ScoringFixtures.ensure(blocs, pacts, assessments, txManager);
    MovementMatrix.ensure(context, txManager);
    RewardMatrix.ensure(context, txManager, world);
    CertificateMatrix.ensure(context, txManager);
    // ---- decisions and the reward fund
    DecisionMatrix.ensure(context, txManager, world);
    BallotMatrix.ensure(context, txManager);
    RewardUiMatrix.ensure(context, txManager, world);
    // ---- scoring: bonus and penalty items (after ScoringFixtures)
    ItemsMatrix.ensure(context, txManager);
    // ---- evidence files of manual scores
    EvidenceMatrix.ensure(jdbc, txManager);
  }

  static Stream<Arguments> cells() {
    List<Arguments> cells = new ArrayList<>();
    for (Endpoint e : ENDPOINTS) {
      for (Role r : Role.values()) {
        for (Scope s : Scope.values()) {
          cells.add(Arguments.of(e.route(), r, s));
        }
      }
    }
    return cells.stream();
  }

  @ParameterizedTest(name = "{0} as {1} on {2} unit")
  @MethodSource("cells")
  void answersAsTheRulesSay(String route, Role role, Scope scope) throws Exception {
    Endpoint e = ENDPOINTS.stream().filter(x -> x.route().equals(route)).findFirst().orElseThrow();
    String username = USERS.get(role);
    Ctx ctx =
        new Ctx(username, Integer.toString(SEQ.incrementAndGet()), this::version, this::tokenOf);
    Call call = e.call().apply(world, scope, ctx);
    MvcResult result = perform(call, username);
    int status = result.getResponse().getStatus();
    String body = result.getResponse().getContentAsString();
    if (e.allowed().test(role, scope)) {
      assertThat(status).as("%s as %s on %s: %s", route, role, scope, body).isBetween(200, 299);
    } else {
      assertThat(status).as("%s as %s on %s: %s", route, role, scope, body).isEqualTo(403);
    }
  }

  @ParameterizedTest(name = "{0} without credentials")
  @MethodSource("routes")
  void refusesEveryWriteWithoutCredentials(String route) throws Exception {
    Endpoint e = ENDPOINTS.stream().filter(x -> x.route().equals(route)).findFirst().orElseThrow();
    Ctx ctx =
        new Ctx("mx-admin", Integer.toString(SEQ.incrementAndGet()), this::version, this::tokenOf);
    Call call = e.call().apply(world, Scope.OWN, ctx);
    int status = mvc.perform(request(call)).andReturn().getResponse().getStatus();
    if (RewardMatrix.PUBLIC.contains(route)) {
      assertThat(status).as("public route").isBetween(200, 299);
    } else {
      assertThat(status).isEqualTo(401);
    }
  }

  static Stream<String> routes() {
    return ENDPOINTS.stream().map(Endpoint::route);
  }

  @Test
  void everyWriteEndpointIsInTheMatrix() {
    Set<String> mapped = new TreeSet<>();
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      for (RequestMethod m : info.getMethodsCondition().getMethods()) {
        if (m == RequestMethod.GET || m == RequestMethod.HEAD || m == RequestMethod.OPTIONS) {
          continue;
        }
        for (String pattern : info.getPatternValues()) {
          if (pattern.startsWith("/api/")) {
            mapped.add(m.name() + " " + pattern);
          }
        }
      }
    }
    Set<String> inMatrix = new TreeSet<>(routes().toList());
    assertThat(inMatrix)
        .as("write endpoints of the API that the matrix must cover")
        .isEqualTo(mapped);
  }

  private MvcResult perform(Call call, String username) throws Exception {
    return mvc.perform(request(call).with(httpBasic(username, PASSWORD))).andReturn();
  }

  private static org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<
          ?>
      request(Call call) {
    if (call.multipart()) {
      return MockMvcRequestBuilders.multipart(call.path())
          .file(
              new org.springframework.mock.web.MockMultipartFile(
                  "file",
                  call.path().endsWith("/attachments")
                      ? "dossier.pdf"
                      : call.path().endsWith("/evidence") ? "evidence.pdf" : "values.csv",
                  "text/csv",
                  call.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
    var req = MockMvcRequestBuilders.request(call.method(), call.path());
    if (call.body() != null) {
      req.contentType(MediaType.APPLICATION_JSON).content(call.body());
    }
    return req;
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
          case "report" ->
              "select r.version from report r join unit u on u.id = r.unit_id"
                  + " where u.code || '/' || r.period = ?";
          case "pact" -> "select version from pact where bloc_id = cast(? as bigint)";
          case "sheet" -> SHEET_VERSION;
          case "submitted" -> SUBMIT_SHEET;
          default -> RewardMatrix.versionSql(kv[0]);
        };
    return jdbc.sql(sql).param(kv[1]).query(Integer.class).single();
  }

  /** A fresh token of the given user, made inside the cell's transaction. */
  private long tokenOf(String username) {
    try {
      MvcResult r = perform(post("/api/v1/tokens", "{\"name\":\"to revoke\"}"), username);
      JsonNode node = json.readTree(r.getResponse().getContentAsString());
      return node.get("id").asLong();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Call post(String path, String body) {
    return new Call(HttpMethod.POST, path, body);
  }
}
