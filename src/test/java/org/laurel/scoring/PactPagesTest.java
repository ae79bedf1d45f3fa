package org.laurel.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.laurel.support.LaurelTest;
import org.laurel.support.UiLogin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.annotation.Transactional;

/** The pact page: the tree and versions, copy buttons and the secretariat's edit form. */
@LaurelTest
@Transactional
class PactPagesTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;

  Cookie login(String user) throws Exception {
    return UiLogin.session(mvc, user);
  }

  long bloc(int year) {
    return DemoPact.bloc(jdbc, year);
  }

  String page(Cookie session, String path) throws Exception {
    return mvc.perform(get(path).cookie(session).header("Accept-Language", "en"))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  @Test
  void theSecretariatStartsAPactFromTheTemplateWithOneButton() throws Exception {
    Cookie s = login("secretariat");
    String before = page(s, "/blocs/" + bloc(2023) + "/pact");
    assertThat(before).contains("id=\"no-pact\"").contains("id=\"copy-last-year\"");
    mvc.perform(
            post("/blocs/" + bloc(2023) + "/pact/copy")
                .param("source", "TEMPLATE")
                .cookie(s)
                .with(csrf()))
        .andExpect(redirectedUrl("/blocs/" + bloc(2023) + "/pact"))
        .andExpect(flash().attributeExists("flash"));
    String after = page(s, "/blocs/" + bloc(2023) + "/pact");
    assertThat(after)
        .contains("id=\"group-KT\"")
        .contains("Thu ngân sách nhà nước so với dự toán")
        .contains("id=\"pact-edit\"")
        .doesNotContain("??");
  }

  @Autowired Pacts pacts;

  /** The stored definition and row version of the bloc's pact, to check that nothing changed. */
  String stored(long bloc) {
    return jdbc.sql("select definition::text || '@' || version from pact where bloc_id = ?")
        .param(bloc)
        .query(String.class)
        .single();
  }

  /** The form's fields for a definition, as the page would post them. */
  static Map<String, String> fields(PactDefinition d, int version, String reason) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("version", Integer.toString(version));
    f.put("reason", reason);
    f.put("signedOn", d.signedOn() == null ? "" : d.signedOn().toString());
    f.put("signatories", d.signatories() == null ? "" : d.signatories());
    for (int g = 0; g < d.groups().size(); g++) {
      PactDefinition.Group gr = d.groups().get(g);
      String gp = "groups[" + g + "]";
      f.put(gp + ".code", gr.code());
      f.put(gp + ".name", gr.name());
      f.put(gp + ".maxPoints", gr.maxPoints().toPlainString());
      for (int c = 0; c < gr.criteria().size(); c++) {
        PactDefinition.Criterion cr = gr.criteria().get(c);
        String cp = gp + ".criteria[" + c + "]";
        f.put(cp + ".code", cr.code());
        f.put(cp + ".name", cr.name());
        f.put(cp + ".maxPoints", cr.maxPoints().toPlainString());
        f.put(cp + ".method", cr.method().name());
        f.put(cp + ".indicator", cr.indicator() == null ? "" : cr.indicator());
        f.put(cp + ".measure", cr.measure() == null ? "" : cr.measure().name());
        f.put(cp + ".period", cr.period() == null ? "" : cr.period());
        PactDefinition.Rule r = cr.rule();
        f.put(cp + ".rule.fullAt", r == null || r.fullAt() == null ? "" : r.fullAt().toString());
        f.put(
            cp + ".rule.minusPerPercent",
            r == null || r.minusPerPercent() == null ? "" : r.minusPerPercent().toString());
        f.put(
            cp + ".rule.bonusAbove",
            r == null || r.bonusAbove() == null ? "" : r.bonusAbove().toString());
        f.put(
            cp + ".rule.bonusPoints",
            r == null || r.bonusPoints() == null ? "" : r.bonusPoints().toString());
        if (r != null && r.bands() != null) {
          for (int b = 0; b < r.bands().size(); b++) {
            f.put(cp + ".rule.bands[" + b + "].from", r.bands().get(b).from().toString());
            f.put(cp + ".rule.bands[" + b + "].points", r.bands().get(b).points().toString());
          }
        }
      }
    }
    f.put("weights.self", d.weights().self().toString());
    f.put("weights.cross", d.weights().cross().toString());
    f.put("weights.council", d.weights().council().toString());
    for (int b = 0; b < d.classification().size(); b++) {
      f.put("classification[" + b + "].min", d.classification().get(b).min().toString());
      f.put("classification[" + b + "].label", d.classification().get(b).label());
    }
    f.put("otherwise", d.otherwise());
    for (int t = 0; t < d.tieBreakChain().size(); t++) {
      f.put("tieBreak[" + t + "]", d.tieBreakChain().get(t));
    }
    if (d.trimmedMean()) {
      f.put("trimmedMean", "true");
    }
    if (d.normalise()) {
      f.put("normalise", "true");
    }
    return f;
  }

  ResultActions postForm(Cookie s, long bloc, Map<String, String> fields) throws Exception {
    var req =
        post("/blocs/" + bloc + "/pact/edit")
            .header("Accept-Language", "en")
            .cookie(s)
            .with(csrf());
    fields.forEach(req::param);
    return mvc.perform(req);
  }

  /** The page shown again after a refused post (200), with the form and its errors. */
  String refused(Cookie s, long bloc, Map<String, String> fields) throws Exception {
    return postForm(s, bloc, fields)
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  /** The input (or select) named {@code name}, with the error shown beside it in its label. */
  static String field(String html, String name) {
    int at = html.indexOf("name=\"" + name + "\"");
    assertThat(at).as("field %s on the page", name).isPositive();
    int start = html.lastIndexOf("<label", at);
    int end = html.indexOf("</label>", at);
    return html.substring(start, end);
  }

  @Test
  void aFrozenPactShowsItsVersionsAndItsCriteriaTreeAsAForm() throws Exception {
    Cookie s = login("secretariat");
    String html = page(s, "/blocs/" + bloc(2024) + "/pact");
    assertThat(html).contains("Frozen (assessment started)").contains("data-version=\"1\"");
    assertThat(field(html, "groups[0].criteria[0].code")).contains("value=\"KT.THU_NS\"");
    assertThat(field(html, "groups[0].criteria[0].rule.fullAt")).contains("value=\"100\"");
    assertThat(field(html, "groups[0].criteria[1].rule.bands[3].points")).contains("value=\"100\"");
    assertThat(html)
        .contains("id=\"edit-group-4\"")
        .contains("id=\"add-criterion-0\"")
        .contains("name=\"weights.council\"")
        .doesNotContain("??")
        .doesNotContain("<textarea");
  }

  @Test
  void savingTheFormMakesTheSameNewVersionAsTheApi() throws Exception {
    Cookie s = login("secretariat");
    long bloc = bloc(2024);
    PactView before = pacts.ofBloc(bloc);
    Map<String, String> f = fields(before.definition(), before.version(), "Đổi tên tiêu chí");
    f.put("groups[2].criteria[0].name", "Quốc phòng, an ninh");
    f.put("signatories", "Chủ tịch UBND các huyện");
    postForm(s, bloc, f)
        .andExpect(redirectedUrl("/blocs/" + bloc + "/pact"))
        .andExpect(flash().attribute("flash", "Version 2 of the pact's criteria was saved."));
    PactView after = pacts.ofBloc(bloc);
    assertThat(after.definitionVersion()).isEqualTo(before.definitionVersion() + 1);
    PactDefinition expected =
        new PactDefinition(
            before.definition().signedOn(),
            "Chủ tịch UBND các huyện",
            before.definition().groups().stream()
                .map(
                    g ->
                        !g.code().equals("QPAN")
                            ? g
                            : new PactDefinition.Group(
                                g.code(),
                                g.name(),
                                g.maxPoints(),
                                List.of(
                                    new PactDefinition.Criterion(
                                        "QPAN.CHUNG",
                                        "Quốc phòng, an ninh",
                                        g.criteria().get(0).maxPoints(),
                                        PactDefinition.Method.MANUAL,
                                        null,
                                        null,
                                        null,
                                        null))))
                .toList(),
            before.definition().weights(),
            before.definition().classification(),
            before.definition().otherwise(),
            before.definition().tieBreak(),
            before.definition().trimmedMean(),
            before.definition().normalise());
    assertThat(after.definition()).isEqualTo(expected);
    assertThat(pacts.versions(after.id()).get(1).reason()).isEqualTo("Đổi tên tiêu chí");
  }

  @Test
  void unchangedFormFieldsGiveBackTheStoredDefinition() {
    PactView p = pacts.ofBloc(bloc(2024));
    assertThat(PactForm.of(p).definition()).isEqualTo(p.definition());
  }

  /**
   * Posts the frozen 2024 pact's own form (reason given) as the secretariat with {@code edits}
   * applied, expects the form back and checks that nothing was stored.
   */
  String refusedEdit(Map<String, String> edits) throws Exception {
    Cookie s = login("secretariat");
    long bloc = bloc(2024);
    String db = stored(bloc);
    PactView p = pacts.ofBloc(bloc);
    Map<String, String> f = fields(p.definition(), p.version(), "x");
    f.putAll(edits);
    String html = refused(s, bloc, f);
    assertThat(stored(bloc)).isEqualTo(db);
    return html;
  }

  @Test
  void refusesADuplicateCodeBesideTheSecondOneAndChangesNothing() throws Exception {
    String html = refusedEdit(Map.of("groups[0].criteria[2].code", "KT.THU_NS"));
    assertThat(field(html, "groups[0].criteria[2].code"))
        .contains("aria-invalid=\"true\"")
        .contains("The code KT.THU_NS is used twice in the pact.");
  }

  @Test
  void refusesMaxPointsOfZeroOrNotANumberBesideTheField() throws Exception {
    String html =
        refusedEdit(Map.of("groups[1].criteria[0].maxPoints", "0", "groups[3].maxPoints", "abc"));
    assertThat(field(html, "groups[1].criteria[0].maxPoints"))
        .contains("aria-invalid=\"true\"")
        .contains("must be greater than 0");
    assertThat(field(html, "groups[3].maxPoints"))
        .contains("value=\"abc\"")
        .contains("has an invalid value");
    assertThat(field(html, "groups[0].criteria[0].code")).contains("value=\"KT.THU_NS\"");
  }

  @Test
  void refusesCriteriaOverTheGroupsPointsAndRoundsWithoutWeight() throws Exception {
    String html = refusedEdit(Map.of("groups[1].criteria[0].maxPoints", "300"));
    assertThat(field(html, "groups[1].maxPoints"))
        .containsPattern("The criteria of group VHXH add up to \\d+ points, more than its 250.");

    html = refusedEdit(Map.of("weights.self", "0", "weights.cross", "0", "weights.council", "0"));
    assertThat(html.substring(html.indexOf("id=\"pact-weights\"")))
        .contains("At least one assessment round needs a weight above 0.");
  }

  @Test
  void refusesALinkedCriterionWithoutRuleOrMeasureBesideItsFields() throws Exception {
    String html = refusedEdit(Map.of("groups[0].criteria[0].measure", ""));
    assertThat(field(html, "groups[0].criteria[0].measure"))
        .contains("Criterion KT.THU_NS needs a measure");
    html = refusedEdit(Map.of("groups[0].criteria[0].rule.fullAt", ""));
    assertThat(html).contains("Criterion KT.THU_NS needs a rule");
  }

  @Test
  void refusesAFrozenPactsChangeWithoutReasonOrFromAStaleVersion() throws Exception {
    Cookie s = login("secretariat");
    long bloc = bloc(2024);
    String db = stored(bloc);
    PactView p = pacts.ofBloc(bloc);
    String html = refused(s, bloc, fields(p.definition(), p.version(), ""));
    assertThat(html).contains("id=\"pact-form-errors\"").contains("Give a reason");
    html = refused(s, bloc, fields(p.definition(), p.version() - 1, "x"));
    assertThat(html).contains("id=\"pact-form-errors\"");
    assertThat(stored(bloc)).isEqualTo(db);
  }

  @Test
  void addsRemovesAndMovesRowsWithoutSaving() throws Exception {
    Cookie s = login("secretariat");
    long bloc = bloc(2024);
    String db = stored(bloc);
    PactView p = pacts.ofBloc(bloc);
    Map<String, String> f = fields(p.definition(), p.version(), "");
    f.put("op", "add:criterion:0");
    String html = refused(s, bloc, f);
    assertThat(field(html, "groups[0].criteria[3].code")).contains("value=\"\"");
    assertThat(html).doesNotContain("aria-invalid=\"true\"");

    f.put("op", "up:criterion:0:1");
    html = refused(s, bloc, f);
    assertThat(field(html, "groups[0].criteria[0].code")).contains("value=\"KT.CONG_NGHIEP\"");
    assertThat(field(html, "groups[0].criteria[1].code")).contains("value=\"KT.THU_NS\"");

    f.put("op", "remove:group:0");
    html = refused(s, bloc, f);
    assertThat(field(html, "groups[0].code")).contains("value=\"VHXH\"");
    assertThat(html).doesNotContain("name=\"groups[4].code\"");

    f.put("op", "add:step:0:0");
    html = refused(s, bloc, f);
    assertThat(html).contains("name=\"groups[0].criteria[0].rule.bands[0].from\"");

    f.put("op", "add:group");
    html = refused(s, bloc, f);
    assertThat(html)
        .contains("name=\"groups[5].code\"")
        .contains("name=\"groups[5].criteria[0].code\"");
    assertThat(stored(bloc)).isEqualTo(db);
  }

  @Test
  void aDraftPactIsSavedInPlaceFromTheForm() throws Exception {
    Cookie s = login("secretariat");
    long bloc = bloc(2023);
    mvc.perform(
        post("/blocs/" + bloc + "/pact/copy").param("source", "TEMPLATE").cookie(s).with(csrf()));
    PactView p = pacts.ofBloc(bloc);
    Map<String, String> f = fields(p.definition(), p.version(), "");
    f.put("op", "add:criterion:4");
    f.remove("op");
    f.put("groups[4].criteria[3].code", "TDKT.KHAC");
    f.put("groups[4].criteria[3].name", "Công tác khác");
    f.put("groups[4].criteria[3].maxPoints", "20");
    f.put("groups[4].criteria[3].method", "BONUS");
    f.put("groups[4].criteria[0].maxPoints", "80");
    postForm(s, bloc, f)
        .andExpect(redirectedUrl("/blocs/" + bloc + "/pact"))
        .andExpect(flash().attribute("flash", "The draft pact was saved."));
    PactView after = pacts.ofBloc(bloc);
    assertThat(after.definitionVersion()).isEqualTo(1);
    assertThat(after.definition().groups().get(4).criteria())
        .extracting(PactDefinition.Criterion::code)
        .containsExactly("TDKT.PHONG_TRAO", "TDKT.THUONG", "TDKT.TRU", "TDKT.KHAC");
  }

  /** The select named {@code name}, from its label to the end of its label (options included). */
  static String selected(String html, String name) {
    String f = field(html, name);
    int at = f.indexOf("selected=\"selected\"");
    assertThat(at).as("a selected option in %s", name).isPositive();
    int start = f.lastIndexOf("<option", at);
    return f.substring(start, f.indexOf("</option>", at));
  }

  @Test
  void theTieBreakChainIsAnOrderedListOfChoicesNamedAsInThePact() throws Exception {
    String html = page(login("secretariat"), "/blocs/" + bloc(2024) + "/pact");
    // the demo chain is COUNCIL, KT, XDCQ: one select per step, in that order
    assertThat(selected(html, "tieBreak[0]"))
        .contains("value=\"COUNCIL\"")
        .contains("Council component (sum of the council round means)");
    assertThat(selected(html, "tieBreak[1]"))
        .contains("value=\"KT\"")
        .contains("Whole group: Kinh tế (KT)");
    assertThat(selected(html, "tieBreak[2]")).contains("value=\"XDCQ\"");
    assertThat(html).doesNotContain("name=\"tieBreak[3]\"");
    // every step offers the council component, each group and each criterion, and nothing to type
    assertThat(field(html, "tieBreak[1]"))
        .contains("<optgroup label=\"Kinh tế\">")
        .contains(">Thu ngân sách nhà nước so với dự toán (KT.THU_NS)</option>")
        .contains("value=\"TDKT.TRU\"")
        .contains("<select");
    assertThat(html)
        .doesNotContain("<input type=\"text\" id=\"tieBreak")
        .contains("value=\"up:tie:1\"")
        .contains("value=\"remove:tie:2\"")
        .contains("id=\"add-tie-break\"");
  }

  @Test
  void addsRemovesAndMovesTieBreakStepsWithoutSaving() throws Exception {
    Cookie s = login("secretariat");
    long bloc = bloc(2024);
    String db = stored(bloc);
    Map<String, String> f = fields(pacts.ofBloc(bloc).definition(), 1, "");
    // a new step takes the first code the chain does not name yet: KT.THU_NS (COUNCIL, KT taken)
    assertThat(chain(refused(s, bloc, op(f, "add:tie"))))
        .containsExactly("COUNCIL", "KT", "XDCQ", "KT.THU_NS");
    assertThat(chain(refused(s, bloc, op(f, "down:tie:0"))))
        .containsExactly("KT", "COUNCIL", "XDCQ");
    assertThat(chain(refused(s, bloc, op(f, "up:tie:2")))).containsExactly("COUNCIL", "XDCQ", "KT");
    assertThat(chain(refused(s, bloc, op(f, "remove:tie:1")))).containsExactly("COUNCIL", "XDCQ");
    f.keySet().removeIf(k -> k.startsWith("tieBreak["));
    String added = refused(s, bloc, op(f, "add:tie"));
    assertThat(chain(added)).containsExactly("COUNCIL");
    assertThat(added).doesNotContain("aria-invalid=\"true\"");
    f.put("tieBreak[0]", "COUNCIL");
    String html = refused(s, bloc, op(f, "remove:tie:0"));
    assertThat(html).contains("id=\"no-tie-break\"").doesNotContain("name=\"tieBreak[0]\"");
    assertThat(stored(bloc)).isEqualTo(db);
  }

  /** {@code fields} with a row operation. */
  static Map<String, String> op(Map<String, String> fields, String op) {
    Map<String, String> f = new LinkedHashMap<>(fields);
    f.put("op", op);
    return f;
  }

  /** The codes selected in the tie-break chain's rows, in order. */
  static List<String> chain(String html) {
    List<String> out = new java.util.ArrayList<>();
    for (int i = 0; html.contains("name=\"tieBreak[" + i + "]\""); i++) {
      String o = selected(html, "tieBreak[" + i + "]");
      int v = o.indexOf("value=\"") + 7;
      out.add(o.substring(v, o.indexOf('"', v)));
    }
    return out;
  }

  @Test
  void savesAReorderedTieBreakChainAsTheApiWould() throws Exception {
    Cookie s = login("secretariat");
    long bloc = bloc(2024);
    PactView before = pacts.ofBloc(bloc);
    Map<String, String> f = fields(before.definition(), before.version(), "Xếp lại thứ tự");
    f.put("tieBreak[0]", "XDCQ.CCHC");
    f.put("tieBreak[1]", "COUNCIL");
    f.remove("tieBreak[2]");
    postForm(s, bloc, f).andExpect(redirectedUrl("/blocs/" + bloc + "/pact"));
    assertThat(pacts.ofBloc(bloc).definition().tieBreak()).containsExactly("XDCQ.CCHC", "COUNCIL");
  }

  @Test
  void refusesATieBreakStepNamedTwiceBesideThatRowAndChangesNothing() throws Exception {
    String html = refusedEdit(Map.of("tieBreak[2]", "KT"));
    assertThat(field(html, "tieBreak[2]"))
        .contains("aria-invalid=\"true\"")
        .contains("The tie-break chain names KT twice; each step may appear only once.");
    assertThat(field(html, "tieBreak[1]")).doesNotContain("aria-invalid=\"true\"");
  }

  @Test
  void aTieBreakCodeNotInThePactStaysVisibleAndIsRefusedBesideItsRow() throws Exception {
    String html = refusedEdit(Map.of("tieBreak[1]", "KT.CU"));
    assertThat(selected(html, "tieBreak[1]"))
        .contains("value=\"KT.CU\"")
        .contains("KT.CU (not in the pact)");
    assertThat(field(html, "tieBreak[1]"))
        .contains("The tie-break chain names KT.CU, which is neither a group nor a criterion");
  }

  @Test
  void refusesBandsWhosePointsFallAsTheThresholdRisesBesideThatBand() throws Exception {
    // KT.CONG_NGHIEP: growth ≥ 0 % → 40, ≥ 5 % → 60, ≥ 10 % → 80, ≥ 15 % → 100 points
    String html = refusedEdit(Map.of("groups[0].criteria[1].rule.bands[3].points", "70"));
    assertThat(field(html, "groups[0].criteria[1].rule.bands[3].points"))
        .contains("aria-invalid=\"true\"")
        .contains(
            "Criterion KT.CONG_NGHIEP: the band from 15 % gives 70 points, fewer than the 80"
                + " points of the band from 10 %. A better result must never give fewer points.");
    // bands are taken by threshold, not by row: a first row from 12 % falls below 10 % → 80
    html = refusedEdit(Map.of("groups[0].criteria[1].rule.bands[0].from", "12"));
    assertThat(field(html, "groups[0].criteria[1].rule.bands[0].points"))
        .contains(
            "the band from 12 % gives 40 points, fewer than the 80 points of the band from 10 %");
    html = refusedEdit(Map.of("groups[0].criteria[1].rule.bands[1].from", "0"));
    assertThat(field(html, "groups[0].criteria[1].rule.bands[1].from"))
        .contains("Criterion KT.CONG_NGHIEP has two bands from 0 %");
  }

  @Test
  void refusesALinearRuleThatWouldGiveMorePointsForLessBesideItsField() throws Exception {
    String html = refusedEdit(Map.of("groups[0].criteria[0].rule.minusPerPercent", "-3"));
    assertThat(field(html, "groups[0].criteria[0].rule.minusPerPercent"))
        .contains("aria-invalid=\"true\"")
        .contains("must be 0 or more");
  }

  @Test
  void refusesTwoClassificationsWithTheSameMinimumBesideTheSecond() throws Exception {
    String html = refusedEdit(Map.of("classification[2].min", "800"));
    assertThat(field(html, "classification[2].min"))
        .contains("GOOD and COMPLETE both start at 800 points");
  }

  @Autowired Results results;

  @Test
  void aPactThatNormalisesSaysWhatThatMeansOnThePactRankingAndExplanationPages() throws Exception {
    Cookie s = login("secretariat");
    long bloc = bloc(2024);
    String warning = "one assessor&#39;s higher score can, rarely, lower a unit&#39;s normalised";
    String html = page(s, "/blocs/" + bloc + "/pact");
    assertThat(html).doesNotContain("id=\"normalise-warning\"").contains("id=\"normalise-hint\"");
    assertThat(page(s, "/blocs/" + bloc + "/ranking")).doesNotContain("id=\"normalise-warning\"");

    PactView p = pacts.ofBloc(bloc);
    Map<String, String> f = fields(p.definition(), p.version(), "Chuẩn hoá điểm chấm chéo");
    f.put("normalise", "true");
    postForm(s, bloc, f).andExpect(redirectedUrl("/blocs/" + bloc + "/pact"));
    html = page(s, "/blocs/" + bloc + "/pact");
    assertThat(html.substring(html.indexOf("id=\"normalise-warning\"")))
        .contains("raw and normalised results are shown side by side")
        .contains(warning);
    mvc.perform(
            post("/api/v1/pacts/" + p.id() + "/results")
                .with(
                    org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.httpBasic("secretariat", "demo")))
        .andExpect(status().isOk());
    int v = results.ranking(bloc, 2024).version();
    html = page(s, "/blocs/" + bloc + "/ranking");
    assertThat(html.substring(html.indexOf("id=\"normalise-warning\""))).contains(warning);
    html = page(s, "/pacts/" + p.id() + "/results/" + v + "/units/HDG");
    assertThat(html.substring(html.indexOf("id=\"normalise-warning\""))).contains(warning);
  }

  @Test
  void theDemoPactAndTheTemplatePassTheChecks() {
    org.assertj.core.api.Assertions.assertThatNoException()
        .isThrownBy(() -> pacts.check(pacts.ofBloc(bloc(2024)).definition()));
    org.assertj.core.api.Assertions.assertThatNoException()
        .isThrownBy(() -> pacts.check(pacts.template()));
  }

  @Test
  void aViewerSeesThePactButNoForms() throws Exception {
    String html = page(login("viewer"), "/blocs/" + bloc(2024) + "/pact");
    assertThat(html).contains("id=\"group-KT\"").doesNotContain("id=\"pact-edit\"");
    assertThat(page(login("viewer"), "/blocs/" + bloc(2023) + "/pact"))
        .doesNotContain("id=\"copy-template\"");
  }
}
