package org.laurel.bloc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.laurel.bloc.CouncilView.CouncilRole;
import org.laurel.bloc.CouncilView.Member;
import org.laurel.organisation.People;
import org.laurel.organisation.PersonView;
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
class CouncilPagesTest {

  @Autowired MockMvc mvc;
  @Autowired Councils councils;
  @Autowired People people;

  Cookie login(String user) throws Exception {
    return mvc.perform(
            SecurityMockMvcRequestBuilders.formLogin("/login").user(user).password("demo"))
        .andExpect(redirectedUrl("/"))
        .andReturn()
        .getResponse()
        .getCookie("SESSION");
  }

  CouncilView council() {
    return councils.list().stream()
        .filter(c -> c.code().equals("HDTDKT-HD"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void councilPageGroupsTheMembersServingOnADayByRole() throws Exception {
    CouncilView c = council();
    String html =
        mvc.perform(
                get("/councils/" + c.id())
                    .param("on", "2024-01-01")
                    .param("lang", "vi")
                    .cookie(login("viewer")))
            .andExpect(status().isOk())
            .andExpect(model().attribute("servingCount", 17))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html).contains("Chủ tịch", "Phó Chủ tịch", "Ủy viên");
    // the chair's group comes first
    assertThat(html.indexOf(">Chủ tịch<")).isLessThan(html.indexOf(">Phó Chủ tịch<"));
    assertThat(html).doesNotContain("/members/new");
  }

  @Test
  void afterTheTermEveryMemberIsFormer() throws Exception {
    CouncilView c = council();
    mvc.perform(get("/councils/" + c.id()).param("on", "2026-01-01").cookie(login("secretariat")))
        .andExpect(status().isOk())
        .andExpect(model().attribute("servingCount", 0))
        .andExpect(content().string(containsString("id=\"former\"")))
        .andExpect(content().string(containsString("/members/new")));
  }

  @Test
  void secretariatAddsAndChangesAMemberAndASecondChairIsRefused() throws Exception {
    Cookie s = login("secretariat");
    CouncilView c = council();
    PersonView outsider =
        people.list(null, null).stream()
            .filter(p -> c.members().stream().noneMatch(m -> m.personId() == p.id()))
            .findFirst()
            .orElseThrow();

    mvc.perform(get("/councils/" + c.id() + "/members/new").cookie(s))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("value=\"" + outsider.id() + "\"")));
    // a second chair during the first one's term
    mvc.perform(
            post("/councils/" + c.id() + "/members/new")
                .cookie(s)
                .with(csrf())
                .param("lang", "en")
                .param("personId", Long.toString(outsider.id()))
                .param("role", "CHAIR")
                .param("termFrom", "2022-01-01")
                .param("termTo", "2022-12-31"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("The council already has a chair")));
    mvc.perform(
            post("/councils/" + c.id() + "/members/new")
                .cookie(s)
                .with(csrf())
                .param("personId", Long.toString(outsider.id()))
                .param("role", "MEMBER")
                .param("termFrom", "2022-01-01")
                .param("termTo", "2022-12-31"))
        .andExpect(redirectedUrl("/councils/" + c.id()));
    Member added =
        council().members().stream()
            .filter(m -> m.personId() == outsider.id())
            .findFirst()
            .orElseThrow();
    assertThat(added.role()).isEqualTo(CouncilRole.MEMBER);

    mvc.perform(get("/councils/" + c.id() + "/members/" + added.id() + "/edit").cookie(s))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("name=\"version\"")));
    mvc.perform(
            post("/councils/" + c.id() + "/members/" + added.id() + "/edit")
                .cookie(s)
                .with(csrf())
                .param("role", "SECRETARY")
                .param("termFrom", "2022-01-01")
                .param("termTo", "2023-06-30")
                .param("version", Integer.toString(added.version())))
        .andExpect(redirectedUrl("/councils/" + c.id()));
    Member changed =
        council().members().stream().filter(m -> m.id() == added.id()).findFirst().orElseThrow();
    assertThat(changed.role()).isEqualTo(CouncilRole.SECRETARY);
    assertThat(changed.termTo()).isEqualTo(LocalDate.of(2023, 6, 30));

    // a term ending before it starts is a field error
    mvc.perform(
            post("/councils/" + c.id() + "/members/" + added.id() + "/edit")
                .cookie(s)
                .with(csrf())
                .param("role", "SECRETARY")
                .param("termFrom", "2022-01-01")
                .param("termTo", "2021-12-31")
                .param("version", Integer.toString(changed.version())))
        .andExpect(status().isOk())
        .andExpect(
            model().attributeHasFieldErrorCode("form", "termTo", "error.term.endBeforeStart"));
  }

  @Test
  void viewerIsRefusedTheMemberForms() throws Exception {
    CouncilView c = council();
    Cookie s = login("viewer");
    mvc.perform(get("/councils/" + c.id() + "/members/new").cookie(s))
        .andExpect(status().isForbidden());
    mvc.perform(get("/councils").cookie(s))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("HDTDKT-HD")))
        .andExpect(content().string(not(containsString("??"))));
  }
}
