package org.laurel.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evidence files on the sheet page (upload, list, delete, refusals shown as errors) and on the
 * explanation page beside the score, with the assessor's comment shown in the page.
 */
@LaurelTest
@Transactional
class EvidencePagesTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;

  long pact() {
    return DemoPact.pact(jdbc);
  }

  String sheet() {
    return "/pacts/" + pact() + "/sheets/CROSS/TK/TM";
  }

  String version() {
    return jdbc.sql(
            "select s.version::text from sheet s join unit a on a.id = s.assessor_unit_id"
                + " join unit u on u.id = s.assessed_unit_id where s.pact_id = ?"
                + " and s.round = 'CROSS' and a.code = 'TK' and u.code = 'TM'")
        .param(pact())
        .query(String.class)
        .single();
  }

  String page(Cookie s, String path) throws Exception {
    return mvc.perform(get(path).cookie(s).header("Accept-Language", "en"))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  void api(
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder r,
      String body,
      String user)
      throws Exception {
    mvc.perform(
            r.with(
                    org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.httpBasic(user, "demo"))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isOk());
  }

  void reopen(Cookie sec) throws Exception {
    mvc.perform(
            post(sheet() + "/reopen")
                .cookie(sec)
                .with(csrf())
                .param("version", version())
                .param("reason", "Bổ sung minh chứng"))
        .andExpect(status().is3xxRedirection());
  }

  org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder upload(
      Cookie session, String name, byte[] content) {
    return (org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder)
        multipart(sheet() + "/criteria/QPAN.CHUNG/evidence")
            .file(new MockMultipartFile("file", name, "application/pdf", content))
            .cookie(session)
            .with(csrf())
            .header("Accept-Language", "en");
  }

  int rows() {
    return jdbc.sql("select count(*) from evidence_file").query(Integer.class).single();
  }

  @Test
  void anAssessorAttachesAFileOnTheSheetPageSeesItAndDeletesIt() throws Exception {
    Cookie sec = UiLogin.session(mvc, "secretariat");
    Cookie rep = UiLogin.session(mvc, "reporter");
    // submitted: no upload control
    assertThat(page(rep, sheet())).doesNotContain("evidence-upload-QPAN.CHUNG");
    reopen(sec);
    assertThat(page(rep, sheet()))
        .contains("id=\"evidence-upload-QPAN.CHUNG\"")
        .contains("id=\"evidence-file-QPAN.CHUNG\"");
    mvc.perform(upload(rep, "Biên bản.pdf", EvidenceFilesTest.PDF))
        .andExpect(redirectedUrl(sheet() + "#criterion-QPAN.CHUNG"))
        .andExpect(flash().attribute("flash", "Evidence attached: Biên bản.pdf."));
    String html = page(rep, sheet());
    assertThat(html).contains("Biên bản.pdf").contains("evidence-delete-");
    long id = jdbc.sql("select max(id) from evidence_file").query(Long.class).single();
    assertThat(html).contains("/pacts/" + pact() + "/evidence/" + id);
    // an executable is refused with a clear message, nothing stored
    int rows = rows();
    mvc.perform(upload(rep, "setup.pdf", new byte[] {'M', 'Z', 0, 0}))
        .andExpect(
            flash()
                .attribute(
                    "evidenceError",
                    org.hamcrest.Matchers.containsString("setup.pdf is not a PDF")));
    // no file chosen
    mvc.perform(
            multipart(sheet() + "/criteria/QPAN.CHUNG/evidence")
                .file(new MockMultipartFile("file", "", "application/octet-stream", new byte[0]))
                .cookie(rep)
                .with(csrf())
                .header("Accept-Language", "en"))
        .andExpect(flash().attribute("evidenceError", "Choose at least one file to attach."));
    assertThat(rows()).isEqualTo(rows);
    mvc.perform(
            post("/pacts/" + pact() + "/evidence/" + id + "/delete")
                .cookie(rep)
                .with(csrf())
                .header("Accept-Language", "en"))
        .andExpect(redirectedUrl(sheet() + "#criterion-QPAN.CHUNG"))
        .andExpect(flash().attribute("flash", "Evidence file Biên bản.pdf deleted."));
    assertThat(rows()).isEqualTo(rows - 1);
  }

  @Test
  void theExplanationShowsTheCommentAndTheFilesBesideTheScore() throws Exception {
    Cookie sec = UiLogin.session(mvc, "secretariat");
    Cookie rep = UiLogin.session(mvc, "reporter");
    reopen(sec);
    mvc.perform(upload(rep, "bien-ban-kiem-tra.pdf", EvidenceFilesTest.PDF))
        .andExpect(status().is3xxRedirection());
    String api = "/api/v1" + sheet();
    api(
        put(api),
        """
        {"version":%s,"scores":[
          {"criterion":"KT.DAU_TU","points":100},
          {"criterion":"VHXH.GD_YT","points":150},
          {"criterion":"QPAN.CHUNG","points":80,"comment":"Đã đối chiếu biên bản kiểm tra"},
          {"criterion":"XDCQ.CCHC","points":90},
          {"criterion":"TDKT.PHONG_TRAO","points":80}]}"""
            .formatted(version()),
        "reporter");
    api(post(api + "/submit"), "{\"version\":%s}".formatted(version()), "reporter");
    api(post("/api/v1/pacts/" + pact() + "/results"), "", "secretariat");
    int version =
        jdbc.sql("select max(version) from result_version where pact_id = ?")
            .param(pact())
            .query(Integer.class)
            .single();
    Cookie viewer = UiLogin.session(mvc, "viewer");
    String html = page(viewer, "/pacts/" + pact() + "/results/" + version + "/units/TM");
    assertThat(html)
        .contains("class=\"score-comment\"")
        .contains("Đã đối chiếu biên bản kiểm tra")
        .contains("bien-ban-kiem-tra.pdf");
    long id = jdbc.sql("select max(id) from evidence_file").query(Long.class).single();
    assertThat(html).contains("/pacts/" + pact() + "/evidence/" + id);
    // and the viewer, who reads explanations but not sheets, downloads it
    mvc.perform(get("/pacts/" + pact() + "/evidence/" + id).cookie(viewer))
        .andExpect(status().isOk());
    // the exported explanation names the file beside the score, with its download path
    String csv =
        mvc.perform(
                get("/api/v1/pacts/" + pact() + "/results/" + version + "/units/TM.csv")
                    .with(
                        org.springframework.security.test.web.servlet.request
                            .SecurityMockMvcRequestPostProcessors.httpBasic("viewer", "demo")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(csv.lines().filter(l -> l.contains("QPAN.CHUNG") && l.contains(",TK,")))
        .anySatisfy(
            l ->
                assertThat(l)
                    .contains("Đã đối chiếu biên bản kiểm tra")
                    .contains("bien-ban-kiem-tra.pdf (")
                    .contains("/evidence/" + id + ")"));
  }
}
