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
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.laurel.support.LaurelTest;
import org.laurel.support.UiLogin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

/**
 * The proposal workflow in the web UI: each form's bad input answered next to its field with
 * nothing written, each step offered only where it is legal and the user's to take.
 */
@LaurelTest
@Transactional
class ProposalPagesTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;

  Cookie reporter;
  Cookie secretariat;
  long tkPerson;
  long clPerson;

  @BeforeEach
  void signIn() throws Exception {
    reporter = UiLogin.session(mvc, "reporter");
    secretariat = UiLogin.session(mvc, "secretariat");
    tkPerson = person("TK", "Nguyễn Thị Giao Diện");
    clPerson = person("CL", "Trần Văn Ngoài Phạm Vi");
  }

  @Test
  void refusesABadNewProposalFieldByFieldAndWritesNothing() throws Exception {
    long before = count("proposal");
    mvc.perform(
            form(reporter, "/rewards/proposals/new")
                .param("kind", "REGULAR")
                .param("year", "1999")
                .param("title", " ")
                .param("proposingUnitCode", "TK")
                .param("awardCode", "LDTT"))
        .andExpect(status().isBadRequest())
        .andExpect(model().attributeHasFieldErrors("form", "year", "title"));
    mvc.perform(
            form(reporter, "/rewards/proposals/new")
                .param("kind", "REGULAR")
                .param("year", "abc")
                .param("title", "Đề nghị")
                .param("proposingUnitCode", "TK")
                .param("awardCode", "NO_SUCH"))
        .andExpect(status().isBadRequest())
        .andExpect(model().attributeHasFieldErrors("form", "year"));
    mvc.perform(
            form(reporter, "/rewards/proposals/new")
                .param("kind", "REGULAR")
                .param("year", "2025")
                .param("title", "Đề nghị")
                .param("proposingUnitCode", "TK")
                .param("awardCode", "NO_SUCH"))
        .andExpect(status().isBadRequest())
        .andExpect(model().attributeHasFieldErrors("form", "awardCode"))
        .andExpect(content().string(containsString("There is no award type NO_SUCH.")));
    // another unit's proposal: refused outright
    mvc.perform(
            form(reporter, "/rewards/proposals/new")
                .param("kind", "REGULAR")
                .param("year", "2025")
                .param("title", "Đề nghị")
                .param("proposingUnitCode", "CL")
                .param("awardCode", "LDTT"))
        .andExpect(status().isForbidden());
    assertThat(count("proposal")).isEqualTo(before);
  }

  @Test
  void takesADraftToTheCouncilThroughThePages() throws Exception {
    String created =
        mvc.perform(
                form(reporter, "/rewards/proposals/new")
                    .param("kind", "REGULAR")
                    .param("year", "2025")
                    .param("title", "Đề nghị Lao động tiên tiến 2025 (giao diện)")
                    .param("proposingUnitCode", "TK")
                    .param("awardCode", "LDTT")
                    .param("achievement", "Hoàn thành xuất sắc nhiệm vụ"))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    long id = Long.parseLong(created.substring(created.lastIndexOf('/') + 1));
    page(reporter, id)
        .andExpect(content().string(containsString("id=\"nominee-form\"")))
        .andExpect(content().string(containsString("id=\"submit-form\"")))
        .andExpect(content().string(not(containsString("id=\"receive-form\""))));

    // a person outside Tứ Kỳ, then nobody: said next to the person, nothing written
    mvc.perform(
            form(reporter, "/rewards/proposals/" + id + "/nominees")
                .param("kind", "INDIVIDUAL")
                .param("personId", Long.toString(clPerson)))
        .andExpect(status().isBadRequest())
        .andExpect(model().attributeHasFieldErrors("nomineeForm", "personId"))
        .andExpect(content().string(containsString("is not within unit TK")));
    mvc.perform(
            form(reporter, "/rewards/proposals/" + id + "/nominees").param("kind", "INDIVIDUAL"))
        .andExpect(status().isBadRequest())
        .andExpect(model().attributeHasFieldErrors("nomineeForm", "personId"));
    assertThat(nominees(id)).isZero();
    // the people picker only offers people of the unit's scope
    mvc.perform(
            get("/rewards/proposals/" + id + "/people")
                .param("q", "Ngoài Phạm Vi")
                .cookie(reporter)
                .header("Accept-Language", "en"))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString("Trần Văn Ngoài Phạm Vi"))));
    mvc.perform(
            get("/rewards/proposals/" + id + "/people")
                .param("q", "Giao Diện")
                .cookie(reporter)
                .header("Accept-Language", "en"))
        .andExpect(content().string(containsString("Nguyễn Thị Giao Diện")));

    mvc.perform(
            form(reporter, "/rewards/proposals/" + id + "/nominees")
                .param("kind", "INDIVIDUAL")
                .param("personId", Long.toString(tkPerson)))
        .andExpect(status().is3xxRedirection());
    assertThat(nominees(id)).isOne();
    // twice: a duplicate, shown on the form
    mvc.perform(
            form(reporter, "/rewards/proposals/" + id + "/nominees")
                .param("kind", "INDIVIDUAL")
                .param("personId", Long.toString(tkPerson)))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("is already nominated in this proposal")));
    assertThat(nominees(id)).isOne();

    // a Word file named .pdf, an empty upload: refused beside the file; then the real report
    mvc.perform(
            upload(reporter, id, "bao-cao.pdf", ProposalWorkflowTest.docx())
                .param("role", "ACHIEVEMENT_REPORT"))
        .andExpect(status().isBadRequest())
        .andExpect(model().attributeHasFieldErrors("fileForm", "file"))
        .andExpect(content().string(containsString("is a DOCX file but is named .pdf")));
    mvc.perform(upload(reporter, id, "x.pdf", new byte[0]).param("role", "OTHER"))
        .andExpect(status().isBadRequest())
        .andExpect(model().attributeHasFieldErrors("fileForm", "file"));
    assertThat(count("proposal_attachment where proposal_id = " + id)).isZero();
    mvc.perform(
            upload(reporter, id, "bao-cao-thanh-tich.pdf", ProposalWorkflowTest.PDF)
                .param("role", "ACHIEVEMENT_REPORT"))
        .andExpect(status().is3xxRedirection());
    long file =
        jdbc.sql("select id from proposal_attachment where proposal_id = ?")
            .param(id)
            .query(Long.class)
            .single();
    mvc.perform(get("/rewards/proposals/" + id + "/attachments/" + file).cookie(reporter))
        .andExpect(status().isOk())
        .andExpect(content().bytes(ProposalWorkflowTest.PDF));

    // a stale version: the translated refusal, nothing moved
    mvc.perform(form(reporter, "/rewards/proposals/" + id + "/submit").param("version", "7"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("id=\"step-errors\"")));
    assertThat(statusOf(id)).isEqualTo("DRAFT");
    step(reporter, id, "submit");
    // the unit can no longer change it, nor take the secretariat's steps
    page(reporter, id)
        .andExpect(content().string(not(containsString("id=\"nominee-form\""))))
        .andExpect(content().string(not(containsString("id=\"receive-form\""))));
    mvc.perform(
            form(reporter, "/rewards/proposals/" + id + "/receive")
                .param("version", Integer.toString(version(id))))
        .andExpect(status().isForbidden());

    page(secretariat, id)
        .andExpect(content().string(containsString("id=\"receive-form\"")))
        .andExpect(content().string(containsString("id=\"return-form\"")))
        .andExpect(content().string(not(containsString("id=\"review-form\""))));
    // a step out of order: the reason, translated, and nothing moved
    mvc.perform(
            form(secretariat, "/rewards/proposals/" + id + "/review")
                .param("version", Integer.toString(version(id))))
        .andExpect(status().isBadRequest())
        .andExpect(
            content()
                .string(containsString("A proposal that is SUBMITTED cannot go to IN_REVIEW.")));
    assertThat(statusOf(id)).isEqualTo("SUBMITTED");
    step(secretariat, id, "receive");
    step(secretariat, id, "review");
    page(secretariat, id)
        .andExpect(content().string(containsString("Rule set version")))
        .andExpect(content().string(containsString("No discipline")))
        .andExpect(content().string(containsString("id=\"notice-form\"")));

    // the notice: no opinion, too many days, a start in the future
    mvc.perform(
            form(secretariat, "/rewards/proposals/" + id + "/notice")
                .param("opinion", "")
                .param("days", "91")
                .param("version", Integer.toString(version(id))))
        .andExpect(status().isBadRequest())
        .andExpect(model().attributeHasFieldErrors("noticeForm", "opinion", "days"));
    mvc.perform(
            form(secretariat, "/rewards/proposals/" + id + "/notice")
                .param("opinion", "Đủ điều kiện")
                .param("days", "10")
                .param("startsOn", LocalDate.now().plusDays(5).toString())
                .param("version", Integer.toString(version(id))))
        .andExpect(status().isBadRequest())
        .andExpect(model().attributeHasFieldErrors("noticeForm", "startsOn"));
    assertThat(statusOf(id)).isEqualTo("IN_REVIEW");
    mvc.perform(
            form(secretariat, "/rewards/proposals/" + id + "/notice")
                .param("opinion", "Đủ điều kiện theo báo cáo thành tích")
                .param("days", "10")
                .param("version", Integer.toString(version(id))))
        .andExpect(status().is3xxRedirection());
    assertThat(statusOf(id)).isEqualTo("PUBLIC_NOTICE");
    long comment =
        jdbc.sql(
                """
                insert into notice_comment(proposal_id, receipt, kind, body, client_ip)
                values (?, 'CK-PAGE-0001', 'COMPLAINT', 'Chưa đúng thành tích', '198.51.100.7')
                returning id""")
            .param(id)
            .query(Long.class)
            .single();
    // the notice still runs: no button, the reason instead
    page(secretariat, id)
        .andExpect(content().string(not(containsString("id=\"ready-form\""))))
        .andExpect(content().string(containsString("id=\"ready-blocked\"")))
        .andExpect(content().string(containsString("The public notice runs until")));
    // an empty answer: refused beside it
    mvc.perform(
            form(secretariat, "/rewards/notice-comments/" + comment + "/answer")
                .param("answer", " ")
                .param("version", "0"))
        .andExpect(status().isBadRequest())
        .andExpect(model().attributeHasFieldErrors("answerForm", "answer"));
    mvc.perform(
            form(reporter, "/rewards/notice-comments/" + comment + "/answer")
                .param("answer", "Đã xác minh")
                .param("version", "0"))
        .andExpect(status().isForbidden());
    mvc.perform(
            form(secretariat, "/rewards/notice-comments/" + comment + "/answer")
                .param("answer", "Đã xác minh lại thành tích, đúng như báo cáo.")
                .param("version", "0"))
        .andExpect(status().is3xxRedirection());
    // the notice period ends
    jdbc.sql("update proposal set notice_from = ?, notice_until = ? where id = ?")
        .params(LocalDate.now().minusDays(20), LocalDate.now().minusDays(11), id)
        .update();
    page(secretariat, id).andExpect(content().string(containsString("id=\"ready-form\"")));
    step(secretariat, id, "ready");
    assertThat(statusOf(id)).isEqualTo("READY_FOR_COUNCIL");
    page(secretariat, id)
        .andExpect(content().string(not(containsString("id=\"return-form\""))))
        .andExpect(content().string(containsString("Đã xác minh lại thành tích")));
  }

  @Test
  void aReturnNeedsAReasonAndShowsIt() throws Exception {
    long id = submittedDraft();
    mvc.perform(
            form(secretariat, "/rewards/proposals/" + id + "/return")
                .param("reason", "")
                .param("version", Integer.toString(version(id))))
        .andExpect(status().isBadRequest())
        .andExpect(model().attributeHasFieldErrors("returnForm", "reason"));
    assertThat(statusOf(id)).isEqualTo("SUBMITTED");
    mvc.perform(
            form(secretariat, "/rewards/proposals/" + id + "/return")
                .param("reason", "Thiếu biên bản họp xét")
                .param("version", Integer.toString(version(id))))
        .andExpect(status().is3xxRedirection());
    assertThat(statusOf(id)).isEqualTo("DRAFT");
    page(reporter, id)
        .andExpect(content().string(containsString("Thiếu biên bản họp xét")))
        .andExpect(content().string(containsString("id=\"submit-form\"")));
  }

  @Test
  void aNomineeComesOffADraftOnly() throws Exception {
    long id = submittedDraft();
    long nominee =
        jdbc.sql("select id from proposal_nominee where proposal_id = ?")
            .param(id)
            .query(Long.class)
            .single();
    // submitted: refused with the reason
    mvc.perform(form(reporter, "/rewards/proposals/" + id + "/nominees/" + nominee + "/remove"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("Only a draft can be changed")));
    assertThat(nominees(id)).isOne();
    mvc.perform(
            form(secretariat, "/rewards/proposals/" + id + "/return")
                .param("reason", "Bổ sung")
                .param("version", Integer.toString(version(id))))
        .andExpect(status().is3xxRedirection());
    mvc.perform(form(reporter, "/rewards/proposals/" + id + "/nominees/" + nominee + "/remove"))
        .andExpect(status().is3xxRedirection());
    assertThat(nominees(id)).isZero();
  }

  @Test
  void aUnitsOfficerSeesOnlyTheUnitsProposals() throws Exception {
    long own = submittedDraft();
    long foreign =
        jdbc.sql(
                "select p.id from proposal p join unit u on u.id = p.proposing_unit_id"
                    + " where u.code <> 'TK' and u.code not like 'TK.%' order by p.id limit 1")
            .query(Long.class)
            .single();
    String foreignTitle =
        jdbc.sql("select title from proposal where id = ?")
            .param(foreign)
            .query(String.class)
            .single();
    mvc.perform(get("/rewards/proposals").cookie(reporter).header("Accept-Language", "en"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("/rewards/proposals/" + own + "\"")))
        .andExpect(content().string(not(containsString(foreignTitle))))
        .andExpect(content().string(not(containsString("id=\"from-ranking\""))));
    mvc.perform(get("/rewards/proposals/" + foreign).cookie(reporter))
        .andExpect(status().isForbidden());
    mvc.perform(get("/rewards/proposals").cookie(secretariat).header("Accept-Language", "en"))
        .andExpect(content().string(containsString(foreignTitle)))
        .andExpect(content().string(containsString("id=\"from-ranking\"")));
  }

  @Test
  void makesTheBlocsProposalsFromItsRankingOnce() throws Exception {
    long bloc =
        jdbc.sql("select id from bloc where code = 'KHOI-HUYEN' and year = 2024")
            .query(Long.class)
            .single();
    long before = count("proposal");
    mvc.perform(form(secretariat, "/rewards/proposals/from-ranking").param("meritCount", "99"))
        .andExpect(status().isBadRequest())
        .andExpect(model().attributeHasFieldErrors("rankingForm", "blocId", "meritCount"));
    mvc.perform(
            form(secretariat, "/rewards/proposals/from-ranking")
                .param("blocId", Long.toString(bloc))
                .param("flagAward", "LDTT"))
        .andExpect(status().isBadRequest())
        .andExpect(model().attributeHasFieldErrors("rankingForm", "flagAward"));
    assertThat(count("proposal")).isEqualTo(before);
    boolean done =
        jdbc.sql("select exists(select 1 from proposal where source_bloc_id = ?)")
            .param(bloc)
            .query(Boolean.class)
            .single();
    ResultActions made =
        mvc.perform(
            form(secretariat, "/rewards/proposals/from-ranking")
                .param("blocId", Long.toString(bloc))
                .param("meritCount", "2"));
    if (done) {
      made.andExpect(status().isBadRequest())
          .andExpect(content().string(containsString("were made already")));
    } else {
      made.andExpect(status().is3xxRedirection());
      assertThat(count("proposal")).isEqualTo(before + 2);
    }
  }

  // ---- helpers

  private long submittedDraft() throws Exception {
    String created =
        mvc.perform(
                form(reporter, "/rewards/proposals/new")
                    .param("kind", "AD_HOC")
                    .param("year", "2025")
                    .param("title", "Đề nghị đột xuất (giao diện)")
                    .param("proposingUnitCode", "TK")
                    .param("awardCode", "GK_CN"))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    long id = Long.parseLong(created.substring(created.lastIndexOf('/') + 1));
    mvc.perform(
            form(reporter, "/rewards/proposals/" + id + "/nominees")
                .param("kind", "INDIVIDUAL")
                .param("personId", Long.toString(tkPerson)))
        .andExpect(status().is3xxRedirection());
    step(reporter, id, "submit");
    return id;
  }

  private void step(Cookie who, long id, String step) throws Exception {
    mvc.perform(
            form(who, "/rewards/proposals/" + id + "/" + step)
                .param("version", Integer.toString(version(id))))
        .andExpect(status().is3xxRedirection());
  }

  private ResultActions page(Cookie who, long id) throws Exception {
    return mvc.perform(get("/rewards/proposals/" + id).cookie(who).header("Accept-Language", "en"))
        .andExpect(status().isOk());
  }

  private MockHttpServletRequestBuilder form(Cookie who, String path) {
    return post(path).cookie(who).with(csrf()).header("Accept-Language", "en");
  }

  private org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder
      upload(Cookie who, long id, String name, byte[] bytes) {
    return multipart("/rewards/proposals/" + id + "/attachments")
        .file(new MockMultipartFile("file", name, "application/octet-stream", bytes))
        .cookie(who)
        .with(csrf())
        .header("Accept-Language", "en");
  }

  private long nominees(long id) {
    return count("proposal_nominee where proposal_id = " + id);
  }

  private String statusOf(long id) {
    return jdbc.sql("select status from proposal where id = ?")
        .param(id)
        .query(String.class)
        .single();
  }

  private int version(long id) {
    return jdbc.sql("select version from proposal where id = ?")
        .param(id)
        .query(Integer.class)
        .single();
  }

  private long count(String from) {
    return jdbc.sql("select count(*) from " + from).query(Long.class).single();
  }

  private long person(String unit, String name) {
    return jdbc.sql(
            "insert into person(unit_id, full_name, active) select id, ?, true from unit where code = ? returning id")
        .params(name, unit)
        .query(Long.class)
        .single();
  }
}
