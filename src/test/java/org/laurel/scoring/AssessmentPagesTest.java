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
import org.junit.jupiter.api.Test;
import org.laurel.support.LaurelTest;
import org.laurel.support.UiLogin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

/** The scoring sheet, the progress view, the what-if form and the signals page. */
@LaurelTest
@Transactional
class AssessmentPagesTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;

  long pact() {
    return DemoPact.pact(jdbc);
  }

  String sheet() {
    return "/pacts/" + pact() + "/sheets/CROSS/TK/TM";
  }

  String column(String c) {
    return jdbc.sql(
            "select s."
                + c
                + "::text from sheet s join unit a on a.id = s.assessor_unit_id"
                + " join unit u on u.id = s.assessed_unit_id where s.pact_id = ?"
                + " and s.round = 'CROSS' and a.code = 'TK' and u.code = 'TM'")
        .param(pact())
        .query(String.class)
        .single();
  }

  String page(Cookie s, String path, int expected) throws Exception {
    return mvc.perform(get(path).cookie(s).header("Accept-Language", "en"))
        .andExpect(status().is(expected))
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  MockHttpServletRequestBuilder form(Cookie s, String path) {
    return post(path).cookie(s).header("Accept-Language", "en").with(csrf());
  }

  @Test
  void theSecretariatReopensASheetAndTheAssessorFillsAndSubmitsIt() throws Exception {
    Cookie sec = UiLogin.session(mvc, "secretariat");
    String submitted = page(sec, sheet(), 200);
    assertThat(submitted).contains("id=\"reopen-form\"").contains("disabled");
    assertThat(submitted).contains("id=\"group-KT\"").contains("of 130");
    mvc.perform(
            form(sec, sheet() + "/reopen")
                .param("version", column("version"))
                .param("reason", "Chấm nhầm tiêu chí"))
        .andExpect(redirectedUrl(sheet()))
        .andExpect(
            flash()
                .attribute(
                    "flash",
                    "The sheet was reopened; the assessor can change and submit it again."));
    // progress: Tứ Kỳ has a cross sheet not submitted
    String progress = page(sec, "/pacts/" + pact() + "/progress", 200);
    String cross = progress.substring(progress.indexOf("id=\"round-CROSS\""));
    cross = cross.substring(0, cross.indexOf("</section>"));
    assertThat(cross).contains("Not submitted yet: Huyện Tứ Kỳ").contains("/sheets/CROSS/TK/TM");
    assertThat(progress.substring(progress.indexOf("id=\"round-SELF\"")))
        .contains("Every sheet of this round is submitted.");
    // the reporter of Tứ Kỳ: a link that is not a web link is refused, nothing saved
    Cookie rep = UiLogin.session(mvc, "reporter");
    String before = column("version");
    String refused =
        mvc.perform(
                form(rep, sheet())
                    .param("version", before)
                    .param("points[QPAN.CHUNG]", "80")
                    .param("evidence[QPAN.CHUNG]", "javascript:alert(1)"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(refused).contains("id=\"sheet-error\"").contains("must be a web link");
    assertThat(refused).contains("value=\"javascript:alert(1)\"");
    assertThat(column("version")).isEqualTo(before);
    // saved with every criterion, then submitted
    MockHttpServletRequestBuilder save = form(rep, sheet()).param("version", before);
    for (String c :
        new String[] {"KT.DAU_TU", "VHXH.GD_YT", "QPAN.CHUNG", "XDCQ.CCHC", "TDKT.PHONG_TRAO"}) {
      save.param("points[" + c + "]", "70");
    }
    save.param("evidence[QPAN.CHUNG]", "https://tuky.haiduong.gov.vn/bien-ban.pdf");
    save.param("comment[QPAN.CHUNG]", "Đã đối chiếu");
    mvc.perform(save).andExpect(redirectedUrl(sheet()));
    String draft = page(rep, sheet(), 200);
    assertThat(draft)
        .contains("id=\"submit-form\"")
        .contains("bien-ban.pdf")
        .contains("Đã đối chiếu");
    mvc.perform(form(rep, sheet() + "/submit").param("version", column("version")))
        .andExpect(redirectedUrl(sheet()))
        .andExpect(flash().attribute("flash", "The sheet was submitted."));
    assertThat(column("status")).isEqualTo("SUBMITTED");
    // the reporter may not reopen
    mvc.perform(
            form(rep, sheet() + "/reopen").param("version", column("version")).param("reason", "x"))
        .andExpect(status().isForbidden());
  }

  @Test
  void theWhatIfFormAnswersInThePage() throws Exception {
    Cookie v = UiLogin.session(mvc, "viewer");
    String empty = page(v, "/pacts/" + pact() + "/what-if", 200);
    assertThat(empty).contains("id=\"what-if-form\"").doesNotContain("id=\"what-if-answer\"");
    String html =
        page(v, "/pacts/" + pact() + "/what-if?unit=KT&rank=11&criterion=VHXH.GD_YT", 200);
    assertThat(html).contains("id=\"what-if-answer\"").contains("VHXH.GD_YT").doesNotContain("??");
    String bad = page(v, "/pacts/" + pact() + "/what-if?unit=KT&rank=99&criterion=VHXH.GD_YT", 200);
    assertThat(bad).contains("The rank must be between 1 and 12.");
  }

  @Test
  void theSignalsPageIsTheSecretariatsAndShowsTheDemoPair() throws Exception {
    String html = page(UiLogin.session(mvc, "secretariat"), "/pacts/" + pact() + "/signals", 200);
    assertThat(html).contains("Collusion signals").contains("class=\"flagged\"");
    assertThat(html).containsPattern("data-pair=\"(NG-TM|TM-NG)\"");
    page(UiLogin.session(mvc, "viewer"), "/pacts/" + pact() + "/signals", 403);
  }
}
