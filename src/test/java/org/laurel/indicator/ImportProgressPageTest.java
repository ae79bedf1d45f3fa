package org.laurel.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.laurel.support.LaurelTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Large uploads run in the background with a progress page. Not in a test transaction: the import
 * commits from its own thread, as in production (the rows use a unit and period of their own).
 */
@LaurelTest
class ImportProgressPageTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired ImportPages pages;

  @BeforeEach
  void everythingInTheBackground() {
    ReflectionTestUtils.setField(pages, "backgroundAbove", 0L);
  }

  @AfterEach
  void back() {
    ReflectionTestUtils.setField(pages, "backgroundAbove", 2_097_152L);
  }

  Cookie login(String user) throws Exception {
    return mvc.perform(formLogin("/login").user(user).password("demo"))
        .andReturn()
        .getResponse()
        .getCookie("SESSION");
  }

  String upload(Cookie s, String csv) throws Exception {
    String location =
        mvc.perform(
                multipart("/imports")
                    .file(
                        new MockMultipartFile(
                            "file", "lon.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                    .param("kind", "value")
                    .cookie(s)
                    .with(csrf()))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    assertThat(location).startsWith("/imports/jobs/");
    return location;
  }

  /** Polls the status fragment as the page does, until the import has finished. */
  String finished(Cookie s, String job) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      String html =
          mvc.perform(get(job + "/status").cookie(s).header("Accept-Language", "en"))
              .andExpect(status().isOk())
              .andReturn()
              .getResponse()
              .getContentAsString(StandardCharsets.UTF_8);
      if (!html.contains("data-state=\"RUNNING\"")) {
        return html;
      }
      assertThat(html).contains("hx-trigger=\"every 1s\"").contains("rows read");
      Thread.sleep(100);
    }
    throw new AssertionError("the import did not finish");
  }

  @Test
  void aLargeUploadShowsItsProgressThenItsResult() throws Exception {
    Cookie s = login("secretariat");
    String job =
        upload(
            s,
            "unit,indicator,period,value\n"
                + "HP.KT.PHUTHAI,BUDGET_REVENUE,2026-M05,41.5\n"
                + "HP.KT.PHUTHAI,INDUSTRIAL_OUTPUT,2026-M05,300\n");
    mvc.perform(get(job).cookie(s)).andExpect(status().isOk());

    String html = finished(s, job);

    assertThat(html).contains("Imported: 2 rows, 2 new").doesNotContain("hx-trigger");
    assertThat(
            jdbc.sql(
                    "select count(*) from report_value v join report r on r.id = v.report_id"
                        + " join unit u on u.id = r.unit_id"
                        + " where u.code = 'HP.KT.PHUTHAI' and r.period = '2026-M05'")
                .query(Long.class)
                .single())
        .isEqualTo(2);
  }

  @Test
  void aRefusedBackgroundImportListsItsBadRowsAndOnlyItsOwnerSeesIt() throws Exception {
    Cookie s = login("secretariat");
    String job = upload(s, "unit,indicator,period,value\nNOWHERE,BUDGET_REVENUE,2026-M05,1\n");

    String html = finished(s, job);

    assertThat(html).contains("There is no unit with code NOWHERE.").contains("id=\"problems\"");
    mvc.perform(get(job).cookie(login("admin"))).andExpect(status().isNotFound());
  }
}
