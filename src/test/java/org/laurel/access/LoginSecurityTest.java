package org.laurel.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.laurel.support.LaurelTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Sign-in, throttling, locking, disabled accounts, sessions, tokens, headers. */
@LaurelTest
class LoginSecurityTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired Users users;

  private void newUser(String username) {
    Access.runAsSystem(
        "test",
        () ->
            new org.springframework.transaction.support.TransactionTemplate(txManager)
                .executeWithoutResult(
                    s ->
                        users.createInitial(
                            new Users.NewUser(
                                username, username, "correct-horse", Role.VIEWER, "HP", null))));
  }

  @Autowired org.springframework.transaction.PlatformTransactionManager txManager;

  @Test
  void storesPasswordsAsArgon2idAtOwaspParameters() {
    String hash =
        jdbc.sql("select password_hash from app_user where username = 'admin'")
            .query(String.class)
            .single();
    assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
  }

  @Test
  void signsInWithAFormAndKeepsTheSessionInTheDatabase() throws Exception {
    mvc.perform(formLogin("/login").user("viewer").password("demo")).andExpect(redirectedUrl("/"));
    assertThat(
            jdbc.sql("select count(*) from spring_session where principal_name = 'viewer'")
                .query(Long.class)
                .single())
        .isPositive();
  }

  @Test
  void slowsDownRepeatedFailuresThenLocksTheAccount() throws Exception {
    newUser("throttled");
    for (int i = 1; i <= 3; i++) {
      mvc.perform(formLogin("/login").user("throttled").password("wrong"))
          .andExpect(redirectedUrl("/login?error"));
    }
    // the fourth failure makes the account wait before the next attempt
    mvc.perform(formLogin("/login").user("throttled").password("wrong"))
        .andExpect(redirectedUrl("/login?error"));
    mvc.perform(formLogin("/login").user("throttled").password("correct-horse"))
        .andExpect(redirectedUrlPattern("/login?locked=*"));
    // ten failures lock it for a quarter of an hour
    jdbc.sql(
            "update app_user set failed_logins = 9, locked_until = null where username = 'throttled'")
        .update();
    mvc.perform(formLogin("/login").user("throttled").password("wrong"));
    var lockedUntil =
        jdbc.sql("select locked_until from app_user where username = 'throttled'")
            .query(java.sql.Timestamp.class)
            .single()
            .toInstant();
    assertThat(lockedUntil).isAfter(java.time.Instant.now().plusSeconds(14 * 60));
    mvc.perform(get("/api/v1/me").with(httpBasic("throttled", "correct-horse")))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.detail").value(containsString("wait")));
  }

  @Test
  void aSuccessfulSignInClearsTheFailures() throws Exception {
    newUser("forgetful");
    mvc.perform(formLogin("/login").user("forgetful").password("wrong"));
    mvc.perform(formLogin("/login").user("forgetful").password("correct-horse"))
        .andExpect(redirectedUrl("/"));
    assertThat(
            jdbc.sql("select failed_logins from app_user where username = 'forgetful'")
                .query(Integer.class)
                .single())
        .isZero();
  }

  @Test
  void disablingAUserEndsTheirSessionsAndRefusesTheirCredentials() throws Exception {
    newUser("leaving");
    MvcResult login =
        mvc.perform(formLogin("/login").user("leaving").password("correct-horse")).andReturn();
    // sessions live in the database; the browser holds only the SESSION cookie
    jakarta.servlet.http.Cookie session = login.getResponse().getCookie("SESSION");
    assertThat(session).isNotNull();
    mvc.perform(get("/").cookie(session)).andExpect(status().isOk());
    int version =
        jdbc.sql("select version from app_user where username = 'leaving'")
            .query(Integer.class)
            .single();

    mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                    "/api/v1/users/leaving")
                .with(httpBasic("admin", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"displayName\":\"leaving\",\"role\":\"VIEWER\",\"unitCode\":\"HP\",\"enabled\":false,\"version\":"
                        + version
                        + "}"))
        .andExpect(status().isOk());

    assertThat(
            jdbc.sql("select count(*) from spring_session where principal_name = 'leaving'")
                .query(Long.class)
                .single())
        .isZero();
    mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/login"));
    mvc.perform(get("/api/v1/me").with(httpBasic("leaving", "correct-horse")))
        .andExpect(status().isUnauthorized());
    mvc.perform(formLogin("/login").user("leaving").password("correct-horse"))
        .andExpect(redirectedUrl("/login?disabled"));
  }

  @Test
  void apiTokensAuthenticateUntilRevoked() throws Exception {
    String body =
        mvc.perform(
                post("/api/v1/tokens")
                    .with(httpBasic("reporter", "demo"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"name\":\"script\"}"))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String token = body.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    long id = Long.parseLong(body.replaceAll(".*\"id\":(\\d+).*", "$1"));
    assertThat(token).startsWith("lrl_");
    assertThat(
            jdbc.sql("select count(*) from api_token where token_hash like ?")
                .param("%" + token + "%")
                .query(Long.class)
                .single())
        .as("the secret itself is never stored")
        .isZero();

    mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.username").value("reporter"))
        .andExpect(jsonPath("$.role").value("UNIT_REPORTER"));

    mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(
                    "/api/v1/tokens/" + id)
                .header("Authorization", "Bearer " + token))
        .andExpect(status().isNoContent());
    mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
        .andExpect(status().isUnauthorized());
    mvc.perform(get("/api/v1/me").header("Authorization", "Bearer lrl_forged"))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void sendsSecurityHeadersAndRequiresCsrfOnForms() throws Exception {
    mvc.perform(get("/login"))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
        .andExpect(header().string("X-Content-Type-Options", "nosniff"))
        .andExpect(header().string("X-Frame-Options", "DENY"));
    // a form post without the CSRF token is refused
    mvc.perform(post("/login").param("username", "admin").param("password", "demo"))
        .andExpect(status().isForbidden());
  }

  @Test
  void sendsAnonymousVisitorsToTheLoginPage() throws Exception {
    mvc.perform(get("/units")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
    mvc.perform(get("/api/v1/people")).andExpect(status().isUnauthorized());
    mvc.perform(get("/actuator/health"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("UP"));
  }
}
