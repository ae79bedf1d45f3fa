package org.laurel.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import jakarta.servlet.http.Cookie;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The organisation module's web pages, on the demo data, signed in through the login form. */
@SpringBootTest(
    properties = {
      "laurel.db.data-dir=${java.io.tmpdir}/laurel-test-${random.uuid}",
      "laurel.demo.enabled=true"
    })
@AutoConfigureMockMvc
class OrganisationPagesTest {

  @Autowired MockMvc mvc;
  @Autowired People people;

  /** A signed-in user: the servlet session and the cookies (Spring Session's SESSION cookie). */
  private record Login(MockHttpSession session, Cookie[] cookies) {}

  private final Map<String, Login> logins = new ConcurrentHashMap<>();

  private Login login(String user) throws Exception {
    Login l = logins.get(user);
    if (l == null) {
      MvcResult r =
          mvc.perform(formLogin("/login").user(user).password("demo"))
              .andExpect(redirectedUrl("/"))
              .andReturn();
      l = new Login((MockHttpSession) r.getRequest().getSession(), r.getResponse().getCookies());
      logins.put(user, l);
    }
    return l;
  }

  /** A request as {@code user}, in {@code lang}. */
  private MockHttpServletRequestBuilder as(
      String user, String lang, MockHttpServletRequestBuilder request) throws Exception {
    Login l = login(user);
    if (l.cookies().length > 0) {
      request.cookie(l.cookies());
    }
    return request.session(l.session()).header("Accept-Language", lang);
  }

  /** A request as {@code user}, in English so that the assertions can read the texts. */
  private MockHttpServletRequestBuilder as(String user, MockHttpServletRequestBuilder request)
      throws Exception {
    return as(user, "en", request);
  }

  @Test
  void showsHaiDuongWithItsDistrictsOnAPastDate() throws Exception {
    mvc.perform(as("viewer", get("/units").param("asOf", "2024-06-30")))
        .andExpect(status().isOk())
        .andExpect(view().name("units/list"))
        .andExpect(content().string(Matchers.containsString("Tỉnh Hải Dương")))
        .andExpect(content().string(Matchers.containsString("Huyện Tứ Kỳ")))
        .andExpect(content().string(Matchers.containsString("Thị trấn Tứ Kỳ")))
        .andExpect(content().string(Matchers.containsString("until 30 Jun 2025")))
        .andExpect(content().string(Matchers.not(Matchers.containsString(">Thành phố Hải Phòng<"))))
        .andExpect(content().string(Matchers.not(Matchers.containsString("??"))));
  }

  @Test
  void showsHaiPhongAfterTheReformToday() throws Exception {
    mvc.perform(as("viewer", get("/units")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString(">Thành phố Hải Phòng<")))
        .andExpect(content().string(Matchers.not(Matchers.containsString(">Huyện Tứ Kỳ<"))));
  }

  @Test
  void filtersTheTreeByKindKeepingTheUnitsAbove() throws Exception {
    String html =
        mvc.perform(as("viewer", get("/units").param("asOf", "2024-06-30").param("kind", "TOWN")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html).contains("Thị xã Kinh Môn", "Tỉnh Hải Dương", "1 unit on 30 Jun 2024");
    assertThat(html).doesNotContain("Huyện Tứ Kỳ", "Phường An Lưu");
  }

  @Test
  void unitDetailShowsLineageWithSharesAsPercent() throws Exception {
    mvc.perform(as("viewer", get("/units/HP.TK.TUKY")))
        .andExpect(status().isOk())
        .andExpect(view().name("units/detail"))
        .andExpect(content().string(Matchers.containsString("Thị trấn Tứ Kỳ")))
        .andExpect(content().string(Matchers.containsString("Xã Quang Phục")))
        .andExpect(content().string(Matchers.containsString("30%")))
        .andExpect(content().string(Matchers.containsString("Merge")))
        .andExpect(content().string(Matchers.containsString("NQ 202/2025/QH15")));
  }

  @Test
  void unitDetailOfAnEndedUnitShowsItsChildrenOnItsLastDayAndItsSuccessors() throws Exception {
    String html =
        mvc.perform(as("viewer", get("/units/TK.TIENDONG")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html).contains("ended", "Split", "70%", "30%", "HP.TK.TIENDONG");
    mvc.perform(as("viewer", get("/units/TK")))
        .andExpect(content().string(Matchers.containsString("Units below on 30 Jun 2025")))
        .andExpect(content().string(Matchers.containsString("Xã Quang Phục")));
  }

  @Test
  void unknownUnitGivesTheNotFoundPage() throws Exception {
    mvc.perform(as("viewer", get("/units/NOPE"))).andExpect(status().isNotFound());
  }

  @Test
  void viewerSeesNoWriteButtons() throws Exception {
    mvc.perform(as("viewer", get("/units/HP")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.not(Matchers.containsString("/units/HP/rename"))));
    mvc.perform(as("viewer", get("/people")))
        .andExpect(content().string(Matchers.not(Matchers.containsString("/people/new"))));
    mvc.perform(as("secretariat", get("/units/HP")))
        .andExpect(content().string(Matchers.containsString("/units/HP/rename")));
  }

  @Test
  void createsAUnitThroughTheFormAndShowsAFlash() throws Exception {
    mvc.perform(
            as(
                "secretariat",
                post("/units/new")
                    .with(csrf())
                    .param("code", "HP.SKHCN")
                    .param("name", "Sở Khoa học và Công nghệ")
                    .param("kind", "DEPARTMENT")
                    .param("parentCode", "HP")
                    .param("validFrom", "2025-07-01")))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/units/HP.SKHCN"))
        .andExpect(flash().attribute("flash", "Unit HP.SKHCN (Sở Khoa học và Công nghệ) created."));
    mvc.perform(as("secretariat", get("/units/HP.SKHCN")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("Thành phố Hải Phòng")));
  }

  @Test
  void rejectsLowerCaseUnitCode() throws Exception {
    mvc.perform(
            as(
                "secretariat",
                post("/units/new")
                    .with(csrf())
                    .param("code", "hp.lower")
                    .param("name", "Xã Thử")
                    .param("kind", "COMMUNE")
                    .param("parentCode", "HP")
                    .param("validFrom", "2025-07-01")))
        .andExpect(status().isOk())
        .andExpect(view().name("units/new"))
        .andExpect(
            content()
                .string(
                    Matchers.containsString(
                        "must be upper-case letters, digits, dot, underscore or hyphen")))
        .andExpect(content().string(Matchers.containsString("value=\"hp.lower\"")));
  }

  @Test
  void showsTheFieldErrorInVietnamese() throws Exception {
    mvc.perform(
            as("secretariat", "vi", post("/units/new"))
                .with(csrf())
                .param("code", "")
                .param("name", "Xã Thử")
                .param("kind", "COMMUNE")
                .param("validFrom", "2025-07-01"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("không được để trống")));
  }

  @Test
  void showsTheServiceErrorOnTheParentField() throws Exception {
    mvc.perform(
            as(
                "secretariat",
                post("/units/new")
                    .with(csrf())
                    .param("code", "HP.ORPHAN")
                    .param("name", "Xã Mồ Côi")
                    .param("kind", "COMMUNE")
                    .param("validFrom", "2025-07-01")))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    Matchers.containsString(
                        "A unit other than a province or a centrally-run city needs a parent.")));
  }

  @Test
  void duplicateUnitCodeIsShownAsAConflictOnTheForm() throws Exception {
    mvc.perform(
            as(
                "secretariat",
                post("/units/new")
                    .with(csrf())
                    .param("code", "HD")
                    .param("name", "Tỉnh Hải Dương")
                    .param("kind", "PROVINCE")
                    .param("validFrom", "2025-07-01")))
        .andExpect(status().isOk())
        .andExpect(
            content().string(Matchers.containsString("A unit with code HD exists already.")));
  }

  @Test
  void renamesAUnitAndRecordsItInItsHistory() throws Exception {
    mvc.perform(as("secretariat", get("/units/HP.CL.SAODO/rename")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("_csrf")));
    mvc.perform(
            as(
                "secretariat",
                post("/units/HP.CL.SAODO/rename")
                    .with(csrf())
                    .param("newName", "Phường Chí Linh")
                    .param("effectiveDate", "2026-01-01")
                    .param("reference", "QĐ 1/2026")))
        .andExpect(redirectedUrl("/units/HP.CL.SAODO"))
        .andExpect(flash().attribute("flash", "Unit HP.CL.SAODO renamed to Phường Chí Linh."));
    mvc.perform(as("viewer", get("/units/HP.CL.SAODO")))
        .andExpect(content().string(Matchers.containsString("QĐ 1/2026")))
        .andExpect(content().string(Matchers.containsString("Renaming")));
  }

  @Test
  void refusesToDissolveAUnitThatStillHasUnitsBelow() throws Exception {
    mvc.perform(
            as(
                "secretariat",
                post("/units/HP/dissolve").with(csrf()).param("effectiveDate", "2026-01-01")))
        .andExpect(status().isOk())
        .andExpect(view().name("units/dissolve"))
        .andExpect(content().string(Matchers.containsString("still has units below it")));
  }

  @Test
  void recordsASplitWithANewUnitIgnoringBlankRows() throws Exception {
    mvc.perform(
            as(
                "secretariat",
                post("/reorganisations/new")
                    .with(csrf())
                    .param("kind", "SPLIT")
                    .param("effectiveDate", "2026-01-01")
                    .param("reference", "NQ thử")
                    .param("links[1].predecessor", "HP.TK.TIENDONG")
                    .param("links[1].successor", "HP.TK.TIENDONG")
                    .param("links[1].sharePercent", "")
                    .param("links[3].predecessor", "HP.TK.TIENDONG")
                    .param("links[3].successor", "HP.TK.TIENDONG2")
                    .param("links[3].sharePercent", "40")
                    .param("newUnit.code", "HP.TK.TIENDONG2")
                    .param("newUnit.name", "Xã Tiên Động 2")
                    .param("newUnit.kind", "COMMUNE")
                    .param("newUnit.parentCode", "HP")))
        .andExpect(status().isOk())
        // row 2 names the unit as its own successor and lacks a share: the error is on row 2
        .andExpect(content().string(Matchers.containsString("is required")));

    mvc.perform(
            as(
                "secretariat",
                post("/reorganisations/new")
                    .with(csrf())
                    .param("kind", "SPLIT")
                    .param("effectiveDate", "2026-01-01")
                    .param("links[1].predecessor", "HP.KT.PHUTHAI")
                    .param("links[1].successor", "KT.CODUNG")
                    .param("links[1].sharePercent", "40")
                    .param("links[4].predecessor", "HP.KT.PHUTHAI")
                    .param("links[4].successor", "HP.KT.NEW")
                    .param("links[4].sharePercent", "60")
                    .param("newUnit.code", "HP.KT.NEW")
                    .param("newUnit.name", "Xã Kim Thành Mới")
                    .param("newUnit.kind", "COMMUNE")
                    .param("newUnit.parentCode", "HP")))
        .andExpect(redirectedUrl("/reorganisations"))
        .andExpect(flash().attribute("flash", "Split recorded with 2 lineage links."));
    mvc.perform(as("viewer", get("/units/HP.KT.NEW")))
        .andExpect(content().string(Matchers.containsString("60%")));
  }

  @Test
  void putsAServiceErrorOnTheRowItCameFrom() throws Exception {
    String html =
        mvc.perform(
                as(
                    "secretariat",
                    post("/reorganisations/new")
                        .with(csrf())
                        .param("kind", "MERGE")
                        .param("effectiveDate", "2026-01-01")
                        .param("links[2].predecessor", "NG.VINHHOA")
                        .param("links[2].successor", "HP.NS.NAMSACH")
                        .param("links[2].sharePercent", "100")
                        .param("links[5].predecessor", "NOPE")
                        .param("links[5].successor", "HP.NS.NAMSACH")
                        .param("links[5].sharePercent", "100")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    // the unknown unit is on the sixth row (index 5), though it was the second link sent
    assertThat(html).containsPattern("id=\"links5.predecessor\"[^>]*class=\"invalid\"");
    assertThat(html).contains("There is no unit with code NOPE.");
  }

  @Test
  void listsReorganisationsNewestFirst() throws Exception {
    String html =
        mvc.perform(as("viewer", get("/reorganisations")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html).contains("Thành phố Hải Phòng", "Merge", "Transfer", "Dissolution");
    assertThat(html.indexOf("1 Jul 2025")).isLessThan(html.indexOf("1 Mar 2020"));
  }

  @Test
  void reporterCannotSeeOrSubmitUnitForms() throws Exception {
    mvc.perform(as("reporter", get("/units/new"))).andExpect(status().isForbidden());
    mvc.perform(as("reporter", get("/units/TK/edit"))).andExpect(status().isForbidden());
    mvc.perform(as("reporter", get("/reorganisations/new"))).andExpect(status().isForbidden());
    mvc.perform(
            as(
                "reporter",
                post("/units/new")
                    .with(csrf())
                    .param("code", "HP.REPORTER")
                    .param("name", "Xã Của Tôi")
                    .param("kind", "COMMUNE")
                    .param("parentCode", "HP")
                    .param("validFrom", "2025-07-01")))
        .andExpect(status().isForbidden());
    mvc.perform(
            as(
                "reporter",
                post("/units/TK.TUKY/rename")
                    .with(csrf())
                    .param("newName", "Xã Đổi Tên")
                    .param("effectiveDate", "2025-01-01")))
        .andExpect(status().isForbidden());
    mvc.perform(as("reporter", get("/units/TK")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.not(Matchers.containsString("/units/TK/edit"))));
  }

  @Test
  void reporterAddsAPersonToTheirOwnUnitButNotToAnother() throws Exception {
    mvc.perform(as("reporter", get("/people/new")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("<option value=\"TK\" selected")));
    mvc.perform(
            as(
                "reporter",
                post("/people/new")
                    .with(csrf())
                    .param("unitCode", "TK")
                    .param("fullName", "Nguyễn Thị Tứ")
                    .param("position", "Chuyên viên")
                    .param("gender", "FEMALE")
                    .param("birthDate", "1990-05-01")
                    .param("active", "true")
                    .param("version", "0")))
        .andExpect(redirectedUrl("/people?unit=TK"))
        .andExpect(flash().attribute("flash", "Nguyễn Thị Tứ added to Huyện Tứ Kỳ."));
    mvc.perform(
            as(
                "reporter",
                post("/people/new")
                    .with(csrf())
                    .param("unitCode", "CL")
                    .param("fullName", "Trần Văn Khác")
                    .param("version", "0")))
        .andExpect(status().isForbidden());
    assertThat(people.list("CL", "Trần Văn Khác")).isEmpty();
  }

  @Test
  void viewerCannotOpenThePersonForm() throws Exception {
    mvc.perform(as("viewer", get("/people/new"))).andExpect(status().isForbidden());
  }

  @Test
  void staleVersionOnThePersonFormShowsTheConflict() throws Exception {
    PersonView p = people.list("NS", null).get(0);
    mvc.perform(as("admin", get("/people/" + p.id() + "/edit")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("name=\"version\"")));
    // someone else saves first
    mvc.perform(
            as(
                "admin",
                post("/people/" + p.id() + "/edit")
                    .with(csrf())
                    .param("unitCode", p.unitCode())
                    .param("fullName", p.fullName())
                    .param("position", "Trưởng phòng")
                    .param("active", "true")
                    .param("version", Integer.toString(p.version()))))
        .andExpect(redirectedUrl("/people?unit=NS"));
    // the second save still carries the old version
    mvc.perform(
            as(
                "secretariat",
                post("/people/" + p.id() + "/edit")
                    .with(csrf())
                    .param("unitCode", p.unitCode())
                    .param("fullName", p.fullName())
                    .param("position", "Phó phòng")
                    .param("active", "true")
                    .param("version", Integer.toString(p.version()))))
        .andExpect(status().isOk())
        .andExpect(view().name("people/form"))
        .andExpect(
            content()
                .string(Matchers.containsString("Someone else changed this record meanwhile.")));
    assertThat(people.get(p.id()).position()).isEqualTo("Trưởng phòng");
  }

  @Test
  void filtersPeopleByUnitAndName() throws Exception {
    String html =
        mvc.perform(as("viewer", get("/people").param("unit", "SNV").param("q", "tuấn")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html).contains("Lê Minh Tuấn").doesNotContain("Phạm Thu Hà", "Hoàng Anh Tuấn");
  }

  @Test
  void pagesAreTranslatedIntoVietnameseAndGerman() throws Exception {
    for (String path : new String[] {"/units?asOf=2024-06-30", "/units/TK", "/reorganisations"}) {
      String vi =
          mvc.perform(as("admin", "vi", get(path)))
              .andExpect(status().isOk())
              .andReturn()
              .getResponse()
              .getContentAsString();
      assertThat(vi).doesNotContain("??");
      String de =
          mvc.perform(as("admin", "de", get(path)))
              .andExpect(status().isOk())
              .andReturn()
              .getResponse()
              .getContentAsString();
      assertThat(de).doesNotContain("??");
    }
    mvc.perform(as("admin", "vi", get("/units")))
        .andExpect(content().string(Matchers.containsString("Thành phố")));
  }
}
