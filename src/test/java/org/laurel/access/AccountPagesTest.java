package org.laurel.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest(
    properties = {
      "laurel.db.data-dir=${java.io.tmpdir}/laurel-test-${random.uuid}",
      "laurel.demo.enabled=true"
    })
@AutoConfigureMockMvc
class AccountPagesTest {

  @Autowired MockMvc mvc;

  Cookie login(String user) throws Exception {
    return mvc.perform(
            SecurityMockMvcRequestBuilders.formLogin("/login").user(user).password("demo"))
        .andExpect(redirectedUrl("/"))
        .andReturn()
        .getResponse()
        .getCookie("SESSION");
  }

  @Test
  void accountPageShowsWhoIAm() throws Exception {
    String html =
        mvc.perform(get("/account").param("lang", "vi").cookie(login("blochead")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html)
        .contains("Cán bộ thi đua TP Chí Linh", "Khối trưởng", "<code>CL</code>", "Mã API của tôi");
  }

  @Test
  void createdTokenIsShownOnceAndThenWorksAsBearerUntilRevoked() throws Exception {
    Cookie s = login("reporter");
    String page =
        mvc.perform(
                post("/account/tokens")
                    .cookie(s)
                    .with(csrf())
                    .param("lang", "en")
                    .param("name", "import script")
                    .param("validDays", "30"))
            .andExpect(status().isOk())
            .andExpect(
                header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    Matcher m = Pattern.compile("lrl_[A-Za-z0-9_-]{43}").matcher(page);
    assertThat(m.find()).isTrue();
    String secret = m.group();
    assertThat(page).contains("shown this once");

    // the account page lists the token, never its secret
    String account =
        mvc.perform(get("/account").cookie(s))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(account).contains("import script").doesNotContain(secret);

    mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + secret))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.username").value("reporter"));

    Matcher revoke = Pattern.compile("/account/tokens/(\\d+)/revoke").matcher(account);
    assertThat(revoke.find()).isTrue();
    mvc.perform(post(revoke.group()).cookie(s).with(csrf())).andExpect(redirectedUrl("/account"));
    mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + secret))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void tokenWithoutANameIsAFieldError() throws Exception {
    mvc.perform(
            post("/account/tokens")
                .cookie(login("viewer"))
                .with(csrf())
                .param("name", " ")
                .param("validDays", "9999"))
        .andExpect(status().isOk())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.model()
                .attributeHasFieldErrors("form", "name", "validDays"));
  }
}
