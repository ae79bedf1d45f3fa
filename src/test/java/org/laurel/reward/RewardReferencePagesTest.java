package org.laurel.reward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.laurel.support.LaurelTest;
import org.laurel.support.UiLogin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rule-set, award-history and eligibility pages: a form per parameter that saves a new version,
 * an all-or-nothing import that lists every bad row, and checks that show each condition with its
 * evidence. Bad input is answered beside its field and writes nothing.
 */
@LaurelTest
@Transactional
class RewardReferencePagesTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;

  Cookie admin;
  Cookie secretariat;
  Cookie viewer;

  @BeforeEach
  void signIn() throws Exception {
    admin = UiLogin.session(mvc, "admin");
    secretariat = UiLogin.session(mvc, "secretariat");
    viewer = UiLogin.session(mvc, "viewer");
  }

  // ---- rule sets

  @Test
  void showsEveryVersionWithItsSources() throws Exception {
    mvc.perform(get("/rewards/rule-sets").cookie(viewer).header("Accept-Language", "vi"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Chiến sĩ thi đua cấp tỉnh")));
    mvc.perform(get("/rewards/rule-sets/LDTT").cookie(viewer).header("Accept-Language", "en"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Nghị định 98/2023/NĐ-CP Điều 11")))
        .andExpect(content().string(containsString("Nghị định 91/2017/NĐ-CP Điều 11")))
        .andExpect(content().string(not(containsString("id=\"new-version\""))));
    mvc.perform(get("/rewards/rule-sets/LDTT/edit").cookie(secretariat))
        .andExpect(status().isForbidden());
  }

  @Test
  void theAdministratorSavesANewVersionParameterByParameter() throws Exception {
    mvc.perform(
            get("/rewards/rule-sets/CSTD_TINH/edit").cookie(admin).header("Accept-Language", "en"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("name=\"conditions[0].count\"")))
        .andExpect(content().string(containsString("name=\"voteThreshold\"")));
    int latest = latest("CSTD_TINH");
    long before = count("rule_set");
    // a prerequisite without its count, a quota above 100 %, a source missing, a bad date
    mvc.perform(
            form(admin, "/rewards/rule-sets/CSTD_TINH")
                .param("effectiveFrom", "2026-01-01")
                .param("legalBasis", "Nghị định 152/2025/NĐ-CP")
                .param("baseVersion", Integer.toString(latest))
                .param("conditions[0].type", "QUOTA")
                .param("conditions[0].awards", "LDTT")
                .param("conditions[0].percent", "150")
                .param("conditions[0].rounding", "FLOOR")
                .param("conditions[0].source", "Điều 9")
                .param("conditions[1].type", "NO_DISCIPLINE")
                .param("conditions[1].window", "1"))
        .andExpect(status().isBadRequest())
        .andExpect(
            model()
                .attributeHasFieldErrors("form", "conditions[0].percent", "conditions[1].source"));
    mvc.perform(
            form(admin, "/rewards/rule-sets/CSTD_TINH")
                .param("effectiveFrom", "2026-01-01")
                .param("legalBasis", "Nghị định 152/2025/NĐ-CP")
                .param("baseVersion", Integer.toString(latest))
                .param("conditions[0].type", "")
                .param("conditions[1].type", "PREREQUISITE")
                .param("conditions[1].awards", "CSTD_CS")
                .param("conditions[1].source", "Điều 8"))
        .andExpect(status().isBadRequest())
        .andExpect(model().attributeHasFieldErrors("form", "conditions[1].count"))
        .andExpect(content().string(containsString("This condition needs this field.")));
    mvc.perform(
            form(admin, "/rewards/rule-sets/CSTD_TINH")
                .param("effectiveFrom", "2026-13-45")
                .param("legalBasis", "")
                .param("baseVersion", Integer.toString(latest)))
        .andExpect(status().isBadRequest())
        .andExpect(model().attributeHasFieldErrors("form", "effectiveFrom"));
    // another admin saved meanwhile: a conflict, shown on the form
    mvc.perform(
            form(admin, "/rewards/rule-sets/CSTD_TINH")
                .param("effectiveFrom", "2026-01-01")
                .param("legalBasis", "Nghị định 152/2025/NĐ-CP")
                .param("baseVersion", Integer.toString(latest - 1))
                .param("conditions[0].type", "NO_DISCIPLINE")
                .param("conditions[0].window", "3")
                .param("conditions[0].source", "Điều 8"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("changed this record meanwhile")));
    assertThat(count("rule_set")).isEqualTo(before);
    // adding a row saves nothing
    mvc.perform(
            form(admin, "/rewards/rule-sets/CSTD_TINH")
                .param("addRow", "1")
                .param("effectiveFrom", "2026-01-01")
                .param("legalBasis", "Nghị định 152/2025/NĐ-CP")
                .param("baseVersion", Integer.toString(latest))
                .param("conditions[0].type", "NO_DISCIPLINE")
                .param("conditions[0].window", "3")
                .param("conditions[0].source", "Điều 8"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("name=\"conditions[1].type\"")));
    assertThat(count("rule_set")).isEqualTo(before);

    mvc.perform(withVoteAndQuorumNumerator(latest))
        .andExpect(status().isBadRequest())
        .andExpect(model().attributeHasFieldErrors("form", "quorumDenominator", "quorumSource"));
    assertThat(count("rule_set")).isEqualTo(before);
    mvc.perform(
            withVoteAndQuorumNumerator(latest)
                .param("quorumDenominator", "4")
                .param("quorumSource", "Quy chế hoạt động của Hội đồng, Điều 5"))
        .andExpect(status().is3xxRedirection());
    // the edit form shows the saved quorum again, so the next version keeps it
    mvc.perform(
            get("/rewards/rule-sets/CSTD_TINH/edit").cookie(admin).header("Accept-Language", "en"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Quy chế hoạt động của Hội đồng, Điều 5")));
    assertThat(latest("CSTD_TINH")).isEqualTo(latest + 1);
    String definition =
        jdbc.sql(
                "select definition::text from rule_set where award_code = 'CSTD_TINH' and version = ?")
            .param(latest + 1)
            .query(String.class)
            .single();
    assertThat(definition)
        .contains("\"count\": 2", "\"consecutive\": true", "\"thresholdPercent\": 75")
        .contains("Nghị định 152/2025/NĐ-CP Điều 63")
        .contains("\"numerator\": 3", "\"denominator\": 4")
        .doesNotContain("INITIATIVES");
  }

  // ---- award history

  @Test
  void importsAwardsAllOrNothingListingEveryBadRow() throws Exception {
    long before = count("award");
    String bad =
        """
        recipient,unit,person,household,award,year,decision_number,decision_date
        COLLECTIVE,TK,,,TTLDTT,2015,12/QĐ-UBND,2016-01-20
        PERSON,TK,,,LDTT,2015,,
        COLLECTIVE,NO_UNIT,,,TTLDTT,2015,,
        COLLECTIVE,TK,,,TTLDTT,20x5,,
        """;
    mvc.perform(upload(secretariat, bad))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("id=\"problems\"")))
        .andExpect(content().string(containsString("Recipient must be INDIVIDUAL")))
        .andExpect(content().string(containsString("NO_UNIT")))
        .andExpect(content().string(containsString("Year must be a year")));
    assertThat(count("award")).isEqualTo(before);
    mvc.perform(upload(viewer, bad)).andExpect(status().isForbidden());
    mvc.perform(
            multipart("/rewards/awards/import")
                .cookie(secretariat)
                .with(csrf())
                .header("Accept-Language", "en"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("id=\"rejected\"")));
    mvc.perform(
            upload(
                secretariat,
                """
                recipient,unit,person,household,award,year,decision_number,decision_date
                COLLECTIVE,TK,,,TTLDTT,2015,12/QĐ-UBND,20/1/2016
                """))
        .andExpect(status().is3xxRedirection());
    assertThat(count("award")).isEqualTo(before + 1);
    mvc.perform(get("/rewards/awards?unit=TK").cookie(viewer).header("Accept-Language", "en"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("12/QĐ-UBND")))
        .andExpect(content().string(containsString("20/01/2016")));
  }

  @Test
  void showsAPersonsHistoryFoundByName() throws Exception {
    long star =
        jdbc.sql("select id from person where full_name = 'Nguyễn Thị Thanh Hương'")
            .query(Long.class)
            .list()
            .get(0);
    mvc.perform(get("/rewards/awards?q=Thanh Hương").cookie(viewer).header("Accept-Language", "en"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("/rewards/awards?person=" + star)));
    mvc.perform(
            get("/rewards/awards?person=" + star).cookie(viewer).header("Accept-Language", "vi"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Chiến sĩ thi đua cơ sở")));
    mvc.perform(get("/rewards/awards?person=99999999").cookie(viewer))
        .andExpect(status().isNotFound());
    mvc.perform(get("/rewards/awards?unit=NO_UNIT").cookie(viewer))
        .andExpect(status().isNotFound());
  }

  // ---- eligibility

  @Test
  void checksOneNomineeWithEveryConditionAndItsEvidence() throws Exception {
    long star =
        jdbc.sql("select id from person where full_name = 'Nguyễn Thị Thanh Hương'")
            .query(Long.class)
            .list()
            .get(0);
    mvc.perform(get("/rewards/eligibility").cookie(viewer).header("Accept-Language", "en"))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString("class=\"field-error\""))));
    mvc.perform(
            get("/rewards/eligibility")
                .param("award", "CSTD_TINH")
                .param("year", "2024")
                .param("person", Long.toString(star))
                .cookie(viewer)
                .header("Accept-Language", "en"))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    containsString(
                        "Grassroots Emulation Soldier 2022, 2023, 2024 — 3 consecutive years required (2022–2024): met")));
    // bad inputs, each beside its field
    mvc.perform(
            get("/rewards/eligibility")
                .param("award", "")
                .param("year", "1999")
                .cookie(viewer)
                .header("Accept-Language", "en"))
        .andExpect(status().isBadRequest())
        .andExpect(model().attributeHasFieldErrors("check", "award", "year"));
    mvc.perform(
            get("/rewards/eligibility")
                .param("award", "CSTD_TINH")
                .param("year", "2024")
                .param("unit", "TK")
                .cookie(viewer)
                .header("Accept-Language", "en"))
        .andExpect(status().isBadRequest())
        .andExpect(model().attributeHasFieldErrors("check", "unit"));
    mvc.perform(
            get("/rewards/eligibility")
                .param("award", "CSTD_TINH")
                .param("year", "2024")
                .param("person", "99999999")
                .cookie(viewer)
                .header("Accept-Language", "en"))
        .andExpect(status().isBadRequest())
        .andExpect(model().attributeHasFieldErrors("check", "person"));
  }

  @Test
  void checksAWholeUnitWithItsQuota() throws Exception {
    mvc.perform(
            get("/rewards/eligibility/batch")
                .param("award", "CSTD_CS")
                .param("year", "2024")
                .param("unit", "TK")
                .cookie(viewer)
                .header("Accept-Language", "en"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"batch-lines\"")))
        .andExpect(content().string(containsString("id=\"quota\"")))
        .andExpect(content().string(containsString("Unit TK:")));
    mvc.perform(
            get("/rewards/eligibility/batch")
                .param("award", "TTLDTT")
                .param("year", "2024")
                .param("unit", "TK")
                .cookie(viewer)
                .header("Accept-Language", "en"))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString("id=\"quota\""))));
    mvc.perform(
            get("/rewards/eligibility/batch")
                .param("award", "CSTD_CS")
                .param("year", "2024")
                .param("unit", "NO_UNIT")
                .cookie(viewer)
                .header("Accept-Language", "en"))
        .andExpect(status().isBadRequest())
        .andExpect(model().attributeHasFieldErrors("batch", "unit"));
  }

  // ---- helpers

  /** A CSTD_TINH rule-set form with two conditions, a vote rule and only a quorum numerator. */
  private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder
      withVoteAndQuorumNumerator(int latest) {
    return form(admin, "/rewards/rule-sets/CSTD_TINH")
        .param("effectiveFrom", "2026-01-01")
        .param("legalBasis", "Nghị định 152/2025/NĐ-CP")
        .param("baseVersion", Integer.toString(latest))
        .param("conditions[0].type", "PREREQUISITE")
        .param("conditions[0].awards", "CSTD_CS")
        .param("conditions[0].count", "2")
        .param("conditions[0].consecutive", "true")
        .param("conditions[0].source", "Nghị định 152/2025/NĐ-CP Điều 8")
        .param("conditions[1].type", "")
        .param("conditions[2].type", "NO_DISCIPLINE")
        .param("conditions[2].window", "2")
        .param("conditions[2].source", "Nghị định 152/2025/NĐ-CP Điều 8")
        .param("voteRequired", "true")
        .param("voteThreshold", "75")
        .param("voteDenominator", "PRESENT")
        .param("voteSource", "Nghị định 152/2025/NĐ-CP Điều 63")
        .param("quorumNumerator", "3");
  }

  private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder form(
      Cookie who, String path) {
    return post(path).cookie(who).with(csrf()).header("Accept-Language", "en");
  }

  private org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder
      upload(Cookie who, String csv) {
    return multipart("/rewards/awards/import")
        .file(
            new MockMultipartFile(
                "file", "khen-thuong.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
        .cookie(who)
        .with(csrf())
        .header("Accept-Language", "en");
  }

  private int latest(String award) {
    return jdbc.sql("select max(version) from rule_set where award_code = ?")
        .param(award)
        .query(Integer.class)
        .single();
  }

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }
}
