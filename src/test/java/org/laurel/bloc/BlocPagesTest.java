package org.laurel.bloc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@SpringBootTest(
    properties = {
      "laurel.db.data-dir=${java.io.tmpdir}/laurel-test-${random.uuid}",
      "laurel.demo.enabled=true"
    })
@AutoConfigureMockMvc
class BlocPagesTest {

  @Autowired MockMvc mvc;
  @Autowired Blocs blocs;

  /**
   * Signs in and returns the session cookie: sessions live in the database (Spring Session), so the
   * cookie, not a MockHttpSession, carries them from request to request.
   */
  Cookie login(String user) throws Exception {
    MvcResult r =
        mvc.perform(SecurityMockMvcRequestBuilders.formLogin("/login").user(user).password("demo"))
            .andExpect(redirectedUrl("/"))
            .andReturn();
    return r.getResponse().getCookie("SESSION");
  }

  BlocView bloc(int year) {
    return blocs.list(year).stream()
        .filter(b -> b.code().equals("KHOI-HUYEN"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void blocPageListsItsTwelveMembersWithHeadAndDeputyMarked() throws Exception {
    BlocView b = bloc(2024);
    String html =
        mvc.perform(get("/blocs/" + b.id()).cookie(login("viewer")).param("lang", "en"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html).contains("<h1>" + b.name() + "</h1>");
    String tbody = section(html, "<table id=\"members\">", "</table>");
    tbody = section(tbody, "<tbody>", "</tbody>");
    List<String> rows = rows(tbody);
    assertThat(rows).hasSize(12);
    assertThat(rows.stream().filter(r -> r.contains("badge head")))
        .singleElement()
        .asString()
        .contains("<code>CL</code>");
    assertThat(rows.stream().filter(r -> r.contains("badge deputy")))
        .singleElement()
        .asString()
        .contains("<code>KM</code>");
    // a viewer sees no edit buttons
    assertThat(html).doesNotContain("/blocs/" + b.id() + "/edit").doesNotContain("/description\"");
  }

  @Test
  void blocListDefaultsToTheLatestYearAndIsTranslated() throws Exception {
    Cookie s = login("secretariat");
    mvc.perform(get("/blocs").cookie(s).param("lang", "vi"))
        .andExpect(status().isOk())
        .andExpect(model().attribute("year", 2024))
        .andExpect(content().string(containsString("Khối thi đua năm 2024")))
        .andExpect(content().string(containsString("/blocs/new?year=2024")))
        .andExpect(content().string(containsString("Khối trưởng")));
  }

  @Test
  void blocHeadChangesTheDescriptionOf2024ButIsRefusedFor2023() throws Exception {
    Cookie s = login("blochead");
    BlocView b2024 = bloc(2024);
    BlocView b2023 = bloc(2023);

    mvc.perform(get("/blocs/" + b2024.id()).cookie(s))
        .andExpect(content().string(containsString("/blocs/" + b2024.id() + "/description")));
    mvc.perform(get("/blocs/" + b2024.id() + "/description").cookie(s)).andExpect(status().isOk());
    mvc.perform(
            post("/blocs/" + b2024.id() + "/description")
                .cookie(s)
                .with(csrf())
                .param("description", "Chương trình năm 2024 của khối")
                .param("version", Integer.toString(b2024.version())))
        .andExpect(redirectedUrl("/blocs/" + b2024.id()))
        .andExpect(flash().attributeExists("flash"));
    assertThat(blocs.get(b2024.id()).description()).isEqualTo("Chương trình năm 2024 của khối");

    mvc.perform(get("/blocs/" + b2023.id()).cookie(s))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.not(containsString("/description\""))));
    mvc.perform(get("/blocs/" + b2023.id() + "/description").cookie(s))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/blocs/" + b2023.id() + "/description")
                .cookie(s)
                .with(csrf())
                .param("description", "not mine")
                .param("version", Integer.toString(b2023.version())))
        .andExpect(status().isForbidden());
    assertThat(blocs.get(b2023.id()).description()).isEqualTo(b2023.description());
    // the bloc head is no secretariat: no full edit
    mvc.perform(get("/blocs/" + b2024.id() + "/edit").cookie(s)).andExpect(status().isForbidden());
  }

  @Test
  void staleDescriptionIsAConflictOnTheForm() throws Exception {
    Cookie s = login("secretariat");
    BlocView b = bloc(2023);
    mvc.perform(
            post("/blocs/" + b.id() + "/description")
                .cookie(s)
                .with(csrf())
                .param("lang", "en")
                .param("description", "x")
                .param("version", Integer.toString(b.version() + 7)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Someone else changed this record")));
  }

  @Test
  void reporterIsRefusedTheNewBlocForm() throws Exception {
    Cookie s = login("reporter");
    mvc.perform(get("/blocs/new").cookie(s)).andExpect(status().isForbidden());
    mvc.perform(
            post("/blocs/new")
                .cookie(s)
                .with(csrf())
                .param("code", "KHOI-X")
                .param("name", "X")
                .param("year", "2024")
                .param("memberCodes", "CL", "KM")
                .param("headCode", "CL")
                .param("deputyCode", "KM"))
        .andExpect(status().isForbidden());
    mvc.perform(get("/blocs").cookie(s))
        .andExpect(content().string(org.hamcrest.Matchers.not(containsString("/blocs/new"))));
  }

  @Test
  void blocFormWithTheHeadNotAmongTheMembersShowsTheFieldError() throws Exception {
    Cookie s = login("secretariat");
    mvc.perform(get("/blocs/new").param("year", "2024").cookie(s))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("value=\"CL\"")));
    String html =
        mvc.perform(
                post("/blocs/new")
                    .cookie(s)
                    .with(csrf())
                    .param("lang", "en")
                    .param("code", "KHOI-TEST")
                    .param("name", "Test bloc")
                    .param("year", "2024")
                    .param("memberCodes", "CL", "KM", "TK")
                    .param("headCode", "HDG")
                    .param("deputyCode", "KM"))
            .andExpect(status().isOk())
            .andExpect(
                model().attributeHasFieldErrorCode("form", "headCode", "error.bloc.headNotMember"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html)
        .contains("id=\"headCode-error\"")
        .contains("The head HDG must be a member of the bloc.")
        // the choices survive the round trip
        .containsPattern("value=\"TK\"[^>]*checked");
    assertThat(blocs.list(2024)).noneMatch(b -> b.code().equals("KHOI-TEST"));
  }

  @Test
  void secretariatCreatesAndEditsABloc() throws Exception {
    Cookie s = login("secretariat");
    MvcResult created =
        mvc.perform(
                post("/blocs/new")
                    .cookie(s)
                    .with(csrf())
                    .param("code", "KHOI-NEW")
                    .param("name", "Khối mới")
                    .param("year", "2024")
                    .param("memberCodes", "CL", "KM", "TK")
                    .param("headCode", "TK")
                    .param("deputyCode", "KM"))
            .andExpect(status().is3xxRedirection())
            .andExpect(flash().attributeExists("flash"))
            .andReturn();
    long id = Long.parseLong(created.getResponse().getRedirectedUrl().replace("/blocs/", ""));
    BlocView b = blocs.get(id);
    assertThat(b.members()).hasSize(3);

    mvc.perform(get("/blocs/" + id + "/edit").cookie(s))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("name=\"version\"")));
    mvc.perform(
            post("/blocs/" + id + "/edit")
                .cookie(s)
                .with(csrf())
                .param("name", "Khối mới (sửa)")
                .param("memberCodes", "CL", "KM")
                .param("headCode", "CL")
                .param("deputyCode", "KM")
                .param("version", Integer.toString(b.version())))
        .andExpect(redirectedUrl("/blocs/" + id));
    BlocView after = blocs.get(id);
    assertThat(after.name()).isEqualTo("Khối mới (sửa)");
    assertThat(after.head().code()).isEqualTo("CL");
    assertThat(after.members()).hasSize(2);
    // a second save with the old version is a conflict, shown on the form
    mvc.perform(
            post("/blocs/" + id + "/edit")
                .cookie(s)
                .with(csrf())
                .param("lang", "en")
                .param("name", "Lost update")
                .param("memberCodes", "CL", "KM")
                .param("headCode", "CL")
                .param("deputyCode", "KM")
                .param("version", Integer.toString(b.version())))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Someone else changed this record")));
  }

  static String section(String html, String start, String end) {
    int a = html.indexOf(start);
    assertThat(a).as(start).isNotNegative();
    int b = html.indexOf(end, a);
    return html.substring(a + start.length(), b);
  }

  static List<String> rows(String tbody) {
    Matcher m = Pattern.compile("<tr[\\s>].*?</tr>", Pattern.DOTALL).matcher(tbody);
    List<String> rows = new java.util.ArrayList<>();
    while (m.find()) {
      rows.add(m.group());
    }
    return rows;
  }
}
