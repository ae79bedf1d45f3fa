package org.laurel.support;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders;
import org.springframework.test.web.servlet.MockMvc;

/** Signs a demo user in with the login form; the SESSION cookie to send with UI requests. */
public final class UiLogin {
  private UiLogin() {}

  public static Cookie session(MockMvc mvc, String user) throws Exception {
    return session(mvc, user, "demo");
  }

  /** Signs any user in with the login form. */
  public static Cookie session(MockMvc mvc, String user, String password) throws Exception {
    var response =
        mvc.perform(
                SecurityMockMvcRequestBuilders.formLogin("/login").user(user).password(password))
            .andReturn()
            .getResponse();
    assertThat(response.getRedirectedUrl()).as("sign-in of " + user).isEqualTo("/");
    Cookie cookie = response.getCookie("SESSION");
    assertThat(cookie).as("session cookie of " + user).isNotNull();
    return cookie;
  }
}
