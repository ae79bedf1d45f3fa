package org.laurel.shared;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;

import org.junit.jupiter.api.Test;
import org.laurel.support.LaurelTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@LaurelTest
class LocaleTest {

  @Autowired MockMvc mvc;

  @Test
  void speaksVietnameseByDefault() throws Exception {
    mvc.perform(get("/login")).andExpect(content().string(containsString("Đăng nhập")));
  }

  @Test
  void followsTheBrowsersLanguage() throws Exception {
    mvc.perform(get("/login").header("Accept-Language", "de-DE,de;q=0.9,en;q=0.5"))
        .andExpect(content().string(containsString("Anmelden")));
    mvc.perform(get("/login").header("Accept-Language", "fr-FR,en;q=0.8"))
        .andExpect(content().string(containsString("Sign in")));
  }

  @Test
  void remembersTheLanguageTheUserPicks() throws Exception {
    mvc.perform(get("/login?lang=en").header("Accept-Language", "vi"))
        .andExpect(content().string(containsString("Sign in")))
        .andExpect(cookie().value("laurel-lang", "en"));
    mvc.perform(get("/login").cookie(new jakarta.servlet.http.Cookie("laurel-lang", "de")))
        .andExpect(content().string(containsString("Anmelden")));
  }
}
