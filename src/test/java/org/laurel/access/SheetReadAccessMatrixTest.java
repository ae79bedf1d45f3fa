package org.laurel.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.laurel.bloc.BlocCommands.NewBloc;
import org.laurel.scoring.PactDefinition.Round;
import org.laurel.scoring.ScoringCommands.ScoreEntry;
import org.laurel.scoring.ScoringCommands.SheetForm;
import org.laurel.support.LaurelTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who reads assessment sheets, drafts included: every role (each user in unit MX.A) × a sheet of
 * the bloc MXB-READ (members MX.A, MX.B, MX.C) × the API read of one sheet, the API list and the
 * sheet page. The secretariat and administrators read all; a reporter or bloc head the sheets MX.A
 * fills in, not those about MX.A by others nor foreign ones; a council member the council round's;
 * a viewer none. A refused read is 403, as other modules answer foreign reads.
 */
@LaurelTest
@Transactional
class SheetReadAccessMatrixTest {

  /** The sheets of the fixture, all drafts, by their relation to the caller's unit MX.A. */
  enum Sheet {
    /** MX.A scores MX.B: the caller's unit fills it in. */
    OWN("CROSS", "MX.A", "MX.B"),
    /** MX.B scores MX.C: neither by nor about the caller's unit. */
    FOREIGN("CROSS", "MX.B", "MX.C"),
    /** MX.B scores MX.A: about the caller's unit, by another. */
    ABOUT_OWN("CROSS", "MX.B", "MX.A"),
    /** The council's appraisal of MX.B (recorded by the secretariat). */
    COUNCIL("COUNCIL", "COUNCIL", "MX.B");

    final String round;
    final String assessor;
    final String assessed;

    Sheet(String round, String assessor, String assessed) {
      this.round = round;
      this.assessor = assessor;
      this.assessed = assessed;
    }

    String path() {
      return "/pacts/%d/sheets/%s/%s/%s".formatted(pact, round, assessor, assessed);
    }
  }

  enum Read {
    API_GET,
    API_LIST,
    UI_PAGE
  }

  /** The rule: who reads which sheet. */
  static boolean mayRead(Role role, Sheet sheet) {
    return switch (role) {
      case ADMIN, SECRETARIAT -> true;
      case COUNCIL_MEMBER -> sheet == Sheet.COUNCIL;
      case BLOC_HEAD, UNIT_REPORTER -> sheet == Sheet.OWN;
      case VIEWER -> false;
    };
  }

  /** Points that only the foreign draft carries, to look for leaks. */
  static final String FOREIGN_POINTS = "73.25";

  static volatile long pact;

  private static final Map<Role, Cookie> SESSIONS = new EnumMap<>(Role.class);

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;
  @Autowired org.laurel.organisation.Units units;
  @Autowired org.laurel.organisation.People people;
  @Autowired org.laurel.bloc.Blocs blocs;
  @Autowired org.laurel.bloc.Councils councils;
  @Autowired Users users;
  @Autowired org.laurel.scoring.Pacts pacts;
  @Autowired org.laurel.scoring.Assessments assessments;
  @Autowired PlatformTransactionManager txManager;

  @BeforeEach
  void world() {
    new MatrixWorld(units, people, blocs, councils, users, new TransactionTemplate(txManager))
        .get();
    ensurePact();
  }

  /** MXB-READ's pact with a draft of each sheet, committed once. */
  private synchronized void ensurePact() {
    if (pact != 0) {
      return;
    }
    ScoringFixtures.committed(
        txManager,
        () -> {
          long bloc =
              blocs
                  .create(
                      new NewBloc(
                          "MXB-READ",
                          "Khối đọc phiếu",
                          2024,
                          null,
                          List.of("MX.A", "MX.B", "MX.C"),
                          "MX.A",
                          "MX.B"))
                  .id();
          long p = pacts.create(bloc, ScoringFixtures.definition()).id();
          for (Sheet sh : Sheet.values()) {
            String points = sh == Sheet.FOREIGN ? FOREIGN_POINTS : "80";
            assessments.save(
                p,
                Round.valueOf(sh.round),
                sh.assessor,
                sh.assessed,
                new SheetForm(
                    List.of(new ScoreEntry("M", new BigDecimal(points), false, null)), null));
          }
          pact = p;
        });
  }

  static Stream<Arguments> cells() {
    List<Arguments> cells = new ArrayList<>();
    for (Role r : Role.values()) {
      for (Sheet s : Sheet.values()) {
        for (Read read : Read.values()) {
          cells.add(Arguments.of(r, s, read));
        }
      }
    }
    return cells.stream();
  }

  @ParameterizedTest(name = "{0} reads the {1} sheet by {2}")
  @MethodSource("cells")
  void readsAsTheRuleSays(Role role, Sheet sheet, Read read) throws Exception {
    boolean allowed = mayRead(role, sheet);
    String cell = "%s, %s sheet, %s".formatted(role, sheet, read);
    switch (read) {
      case API_GET -> {
        MvcResult r = api(role, "/api/v1" + sheet.path());
        assertThat(r.getResponse().getStatus()).as(cell).isEqualTo(allowed ? 200 : 403);
        if (allowed) {
          JsonNode s = json.readTree(r.getResponse().getContentAsString());
          assertThat(s.get("assessed").asString()).isEqualTo(sheet.assessed);
          assertThat(s.get("status").asString()).isEqualTo("DRAFT");
        } else {
          assertThat(r.getResponse().getContentAsString()).as(cell).doesNotContain("\"scores\"");
        }
      }
      case API_LIST -> {
        MvcResult r = api(role, "/api/v1/pacts/" + pact + "/sheets");
        assertThat(r.getResponse().getStatus()).as(cell).isEqualTo(200);
        boolean listed = false;
        for (JsonNode s : json.readTree(r.getResponse().getContentAsString())) {
          listed |=
              s.get("round").asString().equals(sheet.round)
                  && s.get("assessor").asString().equals(sheet.assessor)
                  && s.get("assessed").asString().equals(sheet.assessed);
        }
        assertThat(listed).as(cell + " listed").isEqualTo(allowed);
      }
      case UI_PAGE -> {
        MvcResult r = mvc.perform(get(sheet.path()).cookie(session(role))).andReturn();
        assertThat(r.getResponse().getStatus()).as(cell).isEqualTo(allowed ? 200 : 403);
        String page = r.getResponse().getContentAsString();
        if (!allowed) {
          assertThat(page).as(cell).doesNotContain("sheet-form").doesNotContain("value=\"80\"");
        } else {
          assertThat(page).as(cell).contains("sheet-form");
          // a council member reads the council's sheet; the secretariat records it
          boolean writes = role != Role.COUNCIL_MEMBER;
          assertThat(page.contains("id=\"save-sheet\"")).as(cell + " may save").isEqualTo(writes);
        }
      }
    }
  }

  @Test
  void theProgressShowsEveryoneWhoHasNotSubmittedButNoScore() throws Exception {
    for (Role role : List.of(Role.UNIT_REPORTER, Role.VIEWER, Role.COUNCIL_MEMBER)) {
      MvcResult r =
          mvc.perform(get("/pacts/" + pact + "/progress").cookie(session(role))).andReturn();
      assertThat(r.getResponse().getStatus()).isEqualTo(200);
      String page = r.getResponse().getContentAsString();
      // every member's open cross sheets are named, as status
      assertThat(page).contains("data-assessor=\"MX.B\"").contains("data-assessor=\"MX.C\"");
      assertThat(page).doesNotContain(FOREIGN_POINTS).doesNotContain("73,25");
      // links only to the sheets the user reads
      assertThat(page)
          .doesNotContain("/pacts/" + pact + "/sheets/CROSS/MX.B/MX.C")
          .doesNotContain("/pacts/" + pact + "/sheets/CROSS/MX.B/MX.A");
      if (role == Role.UNIT_REPORTER) {
        assertThat(page).contains("/pacts/" + pact + "/sheets/CROSS/MX.A/MX.C");
      }
    }
  }

  @Test
  void sheetsStayUnreadableToOthersAfterThePublication() throws Exception {
    MvcResult published =
        mvc.perform(
                post("/api/v1/pacts/" + pact + "/results")
                    .with(httpBasic("mx-sec", WriteAccessMatrixTest.PASSWORD))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"incompleteReason\":\"Kiểm thử quyền đọc\"}"))
            .andReturn();
    assertThat(published.getResponse().getStatus()).isEqualTo(200);
    for (Role role : List.of(Role.VIEWER, Role.UNIT_REPORTER, Role.BLOC_HEAD)) {
      assertThat(api(role, "/api/v1" + Sheet.ABOUT_OWN.path()).getResponse().getStatus())
          .as(role.name())
          .isEqualTo(403);
      assertThat(api(role, "/api/v1" + Sheet.FOREIGN.path()).getResponse().getStatus())
          .as(role.name())
          .isEqualTo(403);
    }
    // the published explanation stays open to a viewer
    assertThat(
            api(Role.VIEWER, "/api/v1/pacts/" + pact + "/results/1/units/MX.A")
                .getResponse()
                .getStatus())
        .isEqualTo(200);
  }

  @Test
  void aForeignReadOfASheetThatDoesNotExistIsRefusedNotRevealed() throws Exception {
    // MX.C has no sheet of MX.A: a reporter of MX.A learns nothing about it either way
    assertThat(
            api(Role.UNIT_REPORTER, "/api/v1/pacts/%d/sheets/CROSS/MX.C/MX.A".formatted(pact))
                .getResponse()
                .getStatus())
        .isEqualTo(403);
    // its own unit's missing sheet is simply not there yet
    assertThat(
            api(Role.UNIT_REPORTER, "/api/v1/pacts/%d/sheets/CROSS/MX.A/MX.C".formatted(pact))
                .getResponse()
                .getStatus())
        .isEqualTo(404);
  }

  private MvcResult api(Role role, String path) throws Exception {
    return mvc.perform(
            get(path)
                .with(
                    httpBasic(
                        WriteAccessMatrixTest.USERS.get(role), WriteAccessMatrixTest.PASSWORD)))
        .andReturn();
  }

  /** The session cookie of the role's user, signed in once with the login form. */
  private Cookie session(Role role) throws Exception {
    Cookie cookie = SESSIONS.get(role);
    if (cookie == null) {
      cookie =
          org.laurel.support.UiLogin.session(
              mvc, WriteAccessMatrixTest.USERS.get(role), WriteAccessMatrixTest.PASSWORD);
      SESSIONS.put(role, cookie);
    }
    return cookie;
  }
}
