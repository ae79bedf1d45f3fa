package org.laurel.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
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
class UserPagesTest {

  @Autowired MockMvc mvc;
  @Autowired UserRepository users;

  Cookie login(String user, String password) throws Exception {
    return mvc.perform(
            SecurityMockMvcRequestBuilders.formLogin("/login").user(user).password(password))
        .andExpect(redirectedUrl("/"))
        .andReturn()
        .getResponse()
        .getCookie("SESSION");
  }

  @Test
  void adminSeesTheUsersAndOthersAreRefused() throws Exception {
    mvc.perform(get("/admin/users").param("lang", "vi").cookie(login("admin", "demo")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("blochead")))
        .andExpect(content().string(containsString("Quản trị hệ thống")))
        .andExpect(content().string(containsString("Khối trưởng")));
    mvc.perform(get("/admin/users").cookie(login("secretariat", "demo")))
        .andExpect(status().isForbidden());
  }

  @Test
  void adminCreatesAUserWhoCanSignIn() throws Exception {
    Cookie admin = login("admin", "demo");
    // an unknown unit is a field error
    mvc.perform(
            post("/admin/users/new")
                .cookie(admin)
                .with(csrf())
                .param("username", "newbie")
                .param("displayName", "Người mới")
                .param("password", "long-enough-1")
                .param("role", "UNIT_REPORTER")
                .param("unitCode", "NOPE"))
        .andExpect(status().isOk())
        .andExpect(model().attributeHasFieldErrorCode("form", "unitCode", "error.unit.unknown"));
    mvc.perform(
            post("/admin/users/new")
                .cookie(admin)
                .with(csrf())
                .param("username", "newbie")
                .param("displayName", "Người mới")
                .param("password", "long-enough-1")
                .param("role", "UNIT_REPORTER")
                .param("unitCode", "TK"))
        .andExpect(redirectedUrl("/admin/users"));
    login("newbie", "long-enough-1");
  }

  @Test
  void adminDisablesAUserAndTheirExistingSessionNoLongerWorks() throws Exception {
    Cookie admin = login("admin", "demo");
    // a user of this test's own, so that the demo users stay enabled for the other tests
    mvc.perform(
            post("/admin/users/new")
                .cookie(admin)
                .with(csrf())
                .param("username", "leaver")
                .param("displayName", "Người sắp nghỉ")
                .param("password", "long-enough-2")
                .param("role", "VIEWER")
                .param("unitCode", "HD"))
        .andExpect(redirectedUrl("/admin/users"));
    Cookie leaver = login("leaver", "long-enough-2");
    mvc.perform(get("/account").cookie(leaver)).andExpect(status().isOk());

    int version = users.findByUsername("leaver").orElseThrow().version();
    mvc.perform(get("/admin/users/leaver/edit").cookie(admin))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("name=\"version\"")))
        .andExpect(content().string(containsString("checked")));
    mvc.perform(
            post("/admin/users/leaver/edit")
                .cookie(admin)
                .with(csrf())
                .param("username", "leaver")
                .param("displayName", "Người sắp nghỉ")
                .param("role", "VIEWER")
                .param("unitCode", "HD")
                // an unchecked box sends only its marker
                .param("_enabled", "on")
                .param("version", Integer.toString(version)))
        .andExpect(redirectedUrl("/admin/users"));
    assertThat(users.findByUsername("leaver").orElseThrow().enabled()).isFalse();

    mvc.perform(get("/account").cookie(leaver)).andExpect(redirectedUrl("/login"));
    mvc.perform(
            SecurityMockMvcRequestBuilders.formLogin("/login")
                .user("leaver")
                .password("long-enough-2"))
        .andExpect(redirectedUrl("/login?disabled"));
  }
}
