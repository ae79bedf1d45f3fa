package org.laurel.reward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.laurel.organisation.Units;
import org.laurel.reward.RuleSet.InitiativeLevel;
import org.laurel.support.LaurelTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

@LaurelTest
@Transactional
class EligibilityTest {

  @Autowired JdbcClient jdbc;
  @Autowired Units units;
  @Autowired RuleSets ruleSets;
  @Autowired AwardCatalogue catalogue;
  @Autowired Eligibility eligibility;
  @Autowired MockMvc mvc;
  @Autowired org.laurel.movement.Initiatives initiatives;

  RuleWorld w;

  @BeforeEach
  void world() {
    LocaleContextHolder.setLocale(Locale.ENGLISH);
    w = new RuleWorld(jdbc, units);
  }

  @AfterEach
  void reset() {
    LocaleContextHolder.resetLocaleContext();
  }

  private Evaluation check(long person, String award, int year) {
    AwardType t = catalogue.get(award);
    return eligibility
        .evaluate(
            List.of(Nominee.person(person)),
            t,
            year,
            ruleSets.forYear(award, year).orElseThrow(),
            w)
        .get(0);
  }

  @Test
  void explainsThreeConsecutiveYearsOfGrassrootsEmulationSoldier() {
    long p = w.person("Nguyễn Văn Đủ");
    w.personAward(p, "CSTD_CS", 2022, 2023, 2024)
        .initiative(p, InitiativeLevel.PROVINCIAL, LocalDate.of(2023, 5, 10));
    Evaluation e = check(p, "CSTD_TINH", 2024);
    assertThat(e.eligible()).isTrue();
    assertThat(e.ruleSetVersion()).isEqualTo(2);
    assertThat(e.conditions().get(0).evidence())
        .isEqualTo(
            "Grassroots Emulation Soldier 2022, 2023, 2024 — 3 consecutive years required"
                + " (2022–2024): met");
    assertThat(e.conditions().get(0).source()).contains("98/2023");
    assertThat(e.conditions().get(1).evidence())
        .startsWith("1 initiatives recognised at provincial level or above in 2022–2024")
        .endsWith("1 required: met");
  }

  @Test
  void readsRecognisedInitiativesFromTheMovementModule() {
    long p = w.person("Bùi Thị Sáng");
    w.personAward(p, "CSTD_CS", 2022, 2023, 2024);
    assertThat(eligibility.check(Nominee.person(p), "CSTD_TINH", 2024).eligible()).isFalse();
    org.laurel.access.Access.runAsSystem(
        "test",
        () ->
            initiatives.create(
                new org.laurel.movement.Initiatives.InitiativeForm(
                    "Số hoá hồ sơ thi đua",
                    w.unitCode,
                    List.of(p),
                    "Cải cách hành chính",
                    null,
                    "45/QĐ-UBND",
                    LocalDate.of(2024, 3, 15),
                    org.laurel.movement.RecognisedInitiative.Level.PROVINCIAL,
                    null,
                    0)));
    Evaluation e = eligibility.check(Nominee.person(p), "CSTD_TINH", 2024);
    assertThat(e.eligible()).isTrue();
    assertThat(e.conditions().get(1).evidence()).contains("Số hoá hồ sơ thi đua (45/QĐ-UBND)");
  }

  @Test
  void aGapInTheConsecutiveYearsFails() {
    long p = w.person("Trần Văn Hở");
    w.personAward(p, "CSTD_CS", 2021, 2022, 2024)
        .initiative(p, InitiativeLevel.NATIONAL, LocalDate.of(2024, 2, 1));
    Evaluation e = check(p, "CSTD_TINH", 2024);
    assertThat(e.eligible()).isFalse();
    assertThat(e.conditions().get(0).met()).isFalse();
    assertThat(e.conditions().get(0).evidence())
        .isEqualTo(
            "Grassroots Emulation Soldier 2022, 2024 — 3 consecutive years required"
                + " (2022–2024): not met");
    // a national initiative counts for the provincial requirement
    assertThat(e.conditions().get(1).met()).isTrue();
  }

  @Test
  void aGrassrootsInitiativeDoesNotMeetAProvincialRequirement() {
    long p = w.person("Lê Thị Cơ");
    w.personAward(p, "CSTD_CS", 2022, 2023, 2024)
        .initiative(p, InitiativeLevel.GRASSROOTS, LocalDate.of(2023, 5, 10));
    assertThat(check(p, "CSTD_TINH", 2024).conditions().get(1).met()).isFalse();
  }

  @Test
  void quotaIsFifteenPercentOfAdvancedWorkersRoundedDown() {
    // 13 advanced workers × 15 % = 1.95 → 1 place
    long first = w.person("Người thứ nhất");
    long second = w.person("Người thứ hai");
    w.personAward(first, "LDTT", 2024).personAward(second, "LDTT", 2024).others("LDTT", 2024, 11);
    w.initiative(first, InitiativeLevel.GRASSROOTS, LocalDate.of(2024, 4, 1));
    w.initiative(second, InitiativeLevel.GRASSROOTS, LocalDate.of(2024, 4, 1));
    assertThat(check(first, "CSTD_CS", 2024).eligible()).isTrue();
    w.personAward(first, "CSTD_CS", 2024);
    Evaluation e = check(second, "CSTD_CS", 2024);
    assertThat(e.eligible()).isFalse();
    assertThat(e.conditions().get(3).evidence())
        .isEqualTo(
            "Unit %s: 13 × Advanced Worker in 2024 → at most 1 (15 %%, rounded down); 1 others"
                + " granted or nominated: not met",
            w.unitCode);
    Eligibility.QuotaReport q = eligibility.quota(w.unitCode, "CSTD_CS", 2024);
    assertThat(q.cap()).isEqualTo(1);
    assertThat(q.binding()).isTrue();
    assertThat(q.remaining()).isZero();
    // 20 advanced workers × 15 % = 3 exactly: a second place opens
    w.others("LDTT", 2024, 7);
    assertThat(check(second, "CSTD_CS", 2024).eligible()).isTrue();
    assertThat(eligibility.quota(w.unitCode, "CSTD_CS", 2024).cap()).isEqualTo(3);
  }

  @Test
  void theQuotaArrivedWithTheNewRulesFor2024() {
    // three advanced workers, one of them already grassroots emulation soldier
    long p = w.person("Phạm Văn Đổi");
    long other = w.person("Vũ Thị Khác");
    w.personAward(p, "LDTT", 2023, 2024).personAward(other, "LDTT", 2023, 2024);
    w.personAward(other, "CSTD_CS", 2023, 2024);
    w.initiative(p, InitiativeLevel.GRASSROOTS, LocalDate.of(2023, 4, 1));
    w.initiative(p, InitiativeLevel.GRASSROOTS, LocalDate.of(2024, 4, 1));
    Evaluation y2023 = check(p, "CSTD_CS", 2023);
    Evaluation y2024 = check(p, "CSTD_CS", 2024);
    assertThat(y2023.ruleSetVersion()).isEqualTo(1);
    assertThat(y2023.legalBasis()).contains("91/2017");
    assertThat(y2023.eligible()).isTrue();
    assertThat(y2024.ruleSetVersion()).isEqualTo(2);
    assertThat(y2024.eligible()).isFalse();
    assertThat(y2024.conditions())
        .filteredOn(c -> c.type() == RuleSet.Type.QUOTA)
        .singleElement()
        .satisfies(c -> assertThat(c.met()).isFalse());
  }

  @Test
  void anEvaluationIsReproducedUnderItsVersionAfterAnAdministratorsEdit() {
    long p = w.person("Đặng Văn Lại");
    w.personAward(p, "LDTT", 2024);
    RuleSet before = ruleSets.forYear("LDTT", 2024).orElseThrow();
    Evaluation first =
        eligibility
            .evaluate(List.of(Nominee.person(p)), catalogue.get("LDTT"), 2024, before, w)
            .get(0);
    org.laurel.access.Access.runAsSystem(
        "test",
        () ->
            ruleSets.revise(
                "LDTT",
                new RuleSets.Revision(
                    LocalDate.of(2024, 1, 1),
                    "Nghị định 98/2023/NĐ-CP (sửa)",
                    new RuleSet.Definition(
                        List.of(
                            new RuleSet.Condition(
                                RuleSet.Type.ONE_ACHIEVEMENT,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                "test")),
                        null),
                    "edited",
                    ruleSets.versions("LDTT").get(0).version())));
    RuleSet now = ruleSets.forYear("LDTT", 2024).orElseThrow();
    assertThat(now.version()).isEqualTo(ruleSets.versions("LDTT").get(0).version());
    assertThat(now.version()).isGreaterThan(before.version());
    Evaluation again =
        eligibility
            .evaluate(
                List.of(Nominee.person(p)),
                catalogue.get("LDTT"),
                2024,
                ruleSets.get("LDTT", before.version()),
                w)
            .get(0);
    assertThat(again).isEqualTo(first);
  }

  @Test
  void aStaleRuleSetEditIsAConflictAndWritesNothing() throws Exception {
    long before = jdbc.sql("select count(*) from rule_set").query(Long.class).single();
    mvc.perform(
            post("/api/v1/rule-sets/LDTT")
                .with(httpBasic("admin", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"effectiveFrom":"2026-01-01","legalBasis":"x","baseVersion":1,
                     "definition":{"conditions":[{"type":"NO_DISCIPLINE","window":1,"source":"x"}]}}"""))
        .andExpect(status().isConflict());
    mvc.perform(
            post("/api/v1/rule-sets/LDTT")
                .with(httpBasic("admin", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"effectiveFrom":"2026-01-01","legalBasis":"x","baseVersion":3,
                     "definition":{"conditions":[{"type":"QUOTA","awards":["LDTT"],"source":"x"}]}}"""))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("definition.conditions[0].rounding"));
    assertThat(jdbc.sql("select count(*) from rule_set").query(Long.class).single())
        .isEqualTo(before);
  }

  @Test
  void storesTheCouncilVoteForTheNextStep() {
    RuleSet.Vote v = ruleSets.forYear("CSTD_TINH", 2024).orElseThrow().definition().vote();
    assertThat(v).isNotNull();
    assertThat(v.thresholdPercent()).isEqualTo(70);
    assertThat(v.denominator()).isEqualTo(RuleSet.Denominator.ALL_MEMBERS);
    assertThat(v.absentMayVoteInWriting()).isTrue();
    assertThat(ruleSets.forYear("BK_UBND_CN", 2020).orElseThrow().definition().vote().denominator())
        .isEqualTo(RuleSet.Denominator.PRESENT);
  }

  @Test
  void answersOverTheApiForAPersonAndABatch() throws Exception {
    long p = w.person("Hoàng Văn Mạng");
    w.personAward(p, "LDTT", 2024);
    mvc.perform(
            get("/api/v1/eligibility?award=LDTT&year=2024&person=" + p)
                .with(httpBasic("viewer", "demo"))
                .header("Accept-Language", "vi"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.eligible").value(true))
        .andExpect(jsonPath("$.ruleSetVersion").value(2))
        .andExpect(
            jsonPath("$.conditions[0].evidence").value("Không bị kỷ luật trong 2024–2024: đạt"));
    mvc.perform(
            post("/api/v1/eligibility/batch")
                .with(httpBasic("viewer", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"awardCode":"CSTD_CS","year":2024,"nominees":[
                      {"kind":"INDIVIDUAL","personId":%d},{"kind":"INDIVIDUAL","personId":%d}]}"""
                        .formatted(p, p)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].eligible").value(false))
        .andExpect(jsonPath("$[1].conditions[0].met").value(true));
    mvc.perform(
            get("/api/v1/eligibility?award=CO_UBND&year=2024&person=" + p)
                .with(httpBasic("viewer", "demo")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("nominee"));
  }
}
