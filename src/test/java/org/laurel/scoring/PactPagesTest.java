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

  @Test
  void aFrozenPactShowsItsVersionsAndRefusesBadJsonOnTheForm() throws Exception {
    Cookie s = login("secretariat");
    String html = page(s, "/blocs/" + bloc(2024) + "/pact");
    assertThat(html).contains("Frozen (assessment started)").contains("data-version=\"1\"");
    String definition =
        jdbc.sql("select definition::text from pact where bloc_id = ?")
            .param(bloc(2024))
            .query(String.class)
            .single();
    String bad =
        mvc.perform(
                post("/blocs/" + bloc(2024) + "/pact/edit")
                    .param("definition", "{not json")
                    .param("version", "1")
                    .param("reason", "x")
                    .header("Accept-Language", "en")
                    .cookie(s)
                    .with(csrf()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(bad).contains("not a valid pact document");
    assertThat(
            jdbc.sql("select definition::text from pact where bloc_id = ?")
                .param(bloc(2024))
                .query(String.class)
                .single())
        .isEqualTo(definition);
  }

  @Test
  void aViewerSeesThePactButNoForms() throws Exception {
    String html = page(login("viewer"), "/blocs/" + bloc(2024) + "/pact");
    assertThat(html).contains("id=\"group-KT\"").doesNotContain("id=\"pact-edit\"");
    assertThat(page(login("viewer"), "/blocs/" + bloc(2023) + "/pact"))
        .doesNotContain("id=\"copy-template\"");
  }
}
