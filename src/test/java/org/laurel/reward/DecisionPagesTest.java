package org.laurel.reward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.laurel.access.Access;
import org.laurel.organisation.People;
import org.laurel.support.LaurelTest;
import org.laurel.support.UiLogin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The decision pages as the secretariat uses them (draft from the approved nominees, issue,
 * publish, revoke by a later decision, documents, fund), and the public portal, which shows only
 * published decisions.
 */
@LaurelTest
class DecisionPagesTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired Proposals proposals;
  @Autowired People people;
  @Autowired Decisions decisions;

  DecisionWorld world;
  Cookie secretariat;

  @BeforeEach
  void world() throws Exception {
    world = new DecisionWorld(proposals, people, jdbc);
    secretariat = UiLogin.session(mvc, "secretariat");
  }

  @Test
  void theSecretariatDraftsIssuesAndPublishesADecisionAndThePortalShowsOnlyPublishedOnes()
      throws Exception {
    DecisionWorld.Voted v = world.voted("TK", "BK_UBND_CN", 2024, 2, 2);
    String form = page("/decisions/new", secretariat);
    assertThat(form)
        .contains("name=\"nomineeIds\"")
        .contains("value=\"" + v.approved().get(0) + "\"");
    MvcResult drafted =
        mvc.perform(
                post("/decisions/new")
                    .cookie(secretariat)
                    .with(csrf())
                    .param("bodyCode", "UBND-HD")
                    .param("decidedOn", "2025-01-28")
                    .param(
                        "nomineeIds",
                        v.approved().get(0).toString(),
                        v.approved().get(1).toString()))
            .andReturn();
    assertThat(drafted.getResponse().getRedirectedUrl()).startsWith("/decisions/");
    long id =
        Long.parseLong(drafted.getResponse().getRedirectedUrl().substring("/decisions/".length()));
    assertThat(page("/decisions/" + id, secretariat))
        .contains("Về việc tặng Bằng khen")
        .contains("/issue");

    step("/decisions/" + id + "/issue", "0");
    DecisionView issued = decisions.get(id);
    assertThat(issued.issued()).isTrue();
    String number = String.valueOf(issued.number());
    String view = page("/decisions/" + id, secretariat);
    assertThat(view).contains(number).contains("/certificates/batch.pdf").contains("/publish");

    // not published yet: the portal does not know it
    assertThat(
            mvc.perform(get("/portal/decisions"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8))
        .doesNotContain(number);
    assertThat(mvc.perform(get("/portal/decisions/" + id)).andReturn().getResponse().getStatus())
        .isEqualTo(404);
    assertThat(
            mvc.perform(get("/api/v1/portal/decisions/" + id))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(404);

    step("/decisions/" + id + "/publish", Integer.toString(issued.version()));
    String list =
        mvc.perform(get("/portal/decisions").header("Accept-Language", "vi"))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(list).contains(number);
    String one =
        mvc.perform(get("/portal/decisions/" + id).header("Accept-Language", "vi"))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(one).contains(issued.items().get(0).recipientName()).contains("còn hiệu lực");
    assertThat(one).doesNotContain("2.340.000");

    // revoked by a later decision drafted from the page: the portal shows it revoked at once
    long award = issued.items().get(1).awardId();
    assertThat(page("/decisions/" + id + "/revoke", secretariat))
        .contains("name=\"awardIds\"")
        .contains("value=\"" + award + "\"");
    assertThat(page("/decisions/" + id + "/correct", secretariat))
        .contains("name=\"awardId\"")
        .contains("name=\"personId\"");
    long count = jdbc.sql("select count(*) from decision").query(Long.class).single();
    MvcResult refused =
        mvc.perform(
                post("/decisions/" + id + "/revoke")
                    .cookie(secretariat)
                    .with(csrf())
                    .header("Accept-Language", "vi")
                    .param("bodyCode", "UBND-HD")
                    .param("decidedOn", "2025-03-03")
                    .param("reason", "Không chọn khen thưởng nào"))
            .andReturn();
    assertThat(refused.getResponse().getStatus()).isEqualTo(200);
    assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8))
        .contains("role=\"alert\"")
        .contains("ít nhất một dòng");
    assertThat(jdbc.sql("select count(*) from decision").query(Long.class).single())
        .isEqualTo(count);
    MvcResult revoking =
        mvc.perform(
                post("/decisions/" + id + "/revoke")
                    .cookie(secretariat)
                    .with(csrf())
                    .param("bodyCode", "UBND-HD")
                    .param("decidedOn", LocalDate.of(2025, 3, 3).toString())
                    .param("reason", "Kê khai không đúng thành tích")
                    .param("awardIds", Long.toString(award)))
            .andReturn();
    long later =
        Long.parseLong(revoking.getResponse().getRedirectedUrl().substring("/decisions/".length()));
    step("/decisions/" + later + "/issue", "0");
    String laterNumber = String.valueOf(decisions.get(later).number());
    String after =
        mvc.perform(get("/portal/decisions/" + id).header("Accept-Language", "vi"))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(after).contains("đã bị hủy bỏ").contains(laterNumber);
    // the revoking decision itself is not public until published
    assertThat(mvc.perform(get("/portal/decisions/" + later)).andReturn().getResponse().getStatus())
        .isEqualTo(404);
  }

  @Test
  void theDocumentsCarryTheTemplateAndVietnameseTextInPdfAndDocx() throws Exception {
    DecisionWorld.Voted v = world.voted("TK", "CSTD_TINH", 2024, 1, 1);
    long id =
        asSystem(
            () ->
                decisions
                    .draft(
                        Decisions.Draft.granting(
                            "UBND-HD", LocalDate.of(2025, 1, 29), null, v.approved()))
                    .id());
    String name = decisions.get(id).items().get(0).recipientName();
    for (String state : List.of("draft", "issued")) {
      if (state.equals("issued")) {
        asSystem(() -> decisions.issue(id, new Decisions.Step(0)));
      }
      byte[] pdf = bytes("/decisions/" + id + "/document.pdf", "application/pdf");
      String text;
      try (PDDocument doc = Loader.loadPDF(pdf)) {
        text = new PDFTextStripper().getText(doc);
      }
      byte[] docx =
          bytes(
              "/decisions/" + id + "/document.docx",
              "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
      String word;
      try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
          XWPFWordExtractor x = new XWPFWordExtractor(doc)) {
        word = x.getText();
      }
      for (String t : List.of(text, word)) {
        assertThat(t)
            .contains("ỦY BAN NHÂN DÂN")
            .contains("TỈNH HẢI DƯƠNG")
            .contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
            .contains("Độc lập - Tự do - Hạnh phúc")
            .contains("Hải Dương, ngày 29 tháng 01 năm 2025")
            .contains("QUYẾT ĐỊNH")
            .contains("Chiến sĩ thi đua cấp tỉnh")
            .contains(name)
            .contains("Căn cứ Luật Thi đua, khen thưởng")
            .contains("7.020.000")
            .contains("Nguyễn Văn Hùng");
        if (state.equals("draft")) {
          assertThat(t).contains("DỰ THẢO");
        } else {
          assertThat(t)
              .contains(String.valueOf(decisions.get(id).number()))
              .doesNotContain("DỰ THẢO");
        }
      }
    }
  }

  @Test
  void theFundPageShowsTheLedgerAndTakesIncome() throws Exception {
    String page = page("/fund?year=2023", secretariat);
    assertThat(page).contains("Quỹ thi đua, khen thưởng").contains("/fund/income");
    MvcResult r =
        mvc.perform(
                post("/fund/income")
                    .cookie(secretariat)
                    .with(csrf())
                    .param("entryDate", "2023-03-01")
                    .param("amountVnd", "250000000")
                    .param("source", "Ngân sách tỉnh cấp năm 2023"))
            .andReturn();
    assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/fund?year=2023");
    assertThat(page("/fund?year=2023", secretariat))
        .contains("Ngân sách tỉnh cấp năm 2023")
        .contains("250.000.000");
    // a refusal shows the form again with the error, nothing written
    long before = jdbc.sql("select count(*) from fund_entry").query(Long.class).single();
    MvcResult bad =
        mvc.perform(
                post("/fund/income")
                    .cookie(secretariat)
                    .with(csrf())
                    .header("Accept-Language", "vi")
                    .param("entryDate", "2023-03-01")
                    .param("amountVnd", "-3")
                    .param("source", "x"))
            .andReturn();
    assertThat(bad.getResponse().getStatus()).isEqualTo(200);
    assertThat(bad.getResponse().getContentAsString(StandardCharsets.UTF_8))
        .contains("role=\"alert\"");
    assertThat(jdbc.sql("select count(*) from fund_entry").query(Long.class).single())
        .isEqualTo(before);
  }

  @Test
  void aViewerReadsDecisionsButCannotDraft() throws Exception {
    Cookie viewer = UiLogin.session(mvc, "viewer");
    assertThat(page("/decisions", viewer)).contains("Quyết định").doesNotContain("/decisions/new");
    assertThat(
            mvc.perform(get("/decisions/new").cookie(viewer)).andReturn().getResponse().getStatus())
        .isEqualTo(403);
  }

  private static <T> T asSystem(java.util.function.Supplier<T> work) {
    Object[] out = new Object[1];
    Access.runAsSystem("decision-test", () -> out[0] = work.get());
    @SuppressWarnings("unchecked")
    T t = (T) out[0];
    return t;
  }

  private void step(String url, String version) throws Exception {
    MvcResult r =
        mvc.perform(post(url).cookie(secretariat).with(csrf()).param("version", version))
            .andReturn();
    assertThat(r.getResponse().getStatus()).isBetween(300, 399);
    assertThat(r.getFlashMap().get("flash")).as(url).isNotNull();
  }

  private String page(String url, Cookie who) throws Exception {
    MvcResult r = mvc.perform(get(url).cookie(who).header("Accept-Language", "vi")).andReturn();
    String body = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(r.getResponse().getStatus()).as(body).isEqualTo(200);
    return body;
  }

  private byte[] bytes(String url, String type) throws Exception {
    MvcResult r = mvc.perform(get(url).cookie(secretariat)).andReturn();
    assertThat(r.getResponse().getStatus()).isEqualTo(200);
    assertThat(r.getResponse().getContentType()).isEqualTo(type);
    return r.getResponse().getContentAsByteArray();
  }
}
