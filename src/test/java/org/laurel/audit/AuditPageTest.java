package org.laurel.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.List;
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
class AuditPageTest {

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
  void auditPageIsForbiddenToTheReporter() throws Exception {
    mvc.perform(get("/audit").cookie(login("reporter"))).andExpect(status().isForbidden());
  }

  @Test
  void secretariatSeesEntriesAndAValidChain() throws Exception {
    MvcResult r =
        mvc.perform(get("/audit").param("lang", "en").cookie(login("secretariat")))
            .andExpect(status().isOk())
            .andExpect(
                model()
                    .attribute("verification", new AuditChain.Verification(true, entries(), null)))
            .andReturn();
    String html = r.getResponse().getContentAsString();
    assertThat(html).contains("id=\"verify\"", "Intact", "demo-loader", "<details>");
    List<?> rows = (List<?>) r.getModelAndView().getModel().get("rows");
    assertThat(rows).hasSize(AuditPage.PAGE_SIZE);
    // more than a page of demo entries: a link to the older ones
    assertThat(html).contains("/audit?page=1");
    // the demo's first entries (its users) are further back, and reached by filtering
    assertThat(
            mvc.perform(
                    get("/audit")
                        .param("lang", "en")
                        .param("entityType", "user")
                        .cookie(login("secretariat")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("user.created");
  }

  @Test
  void filterByEntityTypeAndActorNarrowsTheTable() throws Exception {
    MvcResult r =
        mvc.perform(
                get("/audit")
                    .param("entityType", "bloc")
                    .param("actor", "demo-loader")
                    .cookie(login("admin")))
            .andExpect(status().isOk())
            .andReturn();
    List<?> rows = (List<?>) r.getModelAndView().getModel().get("rows");
    assertThat(rows)
        .isNotEmpty()
        .allSatisfy(row -> assertThat(((AuditPage.Row) row).entityType()).isEqualTo("bloc"));
    assertThat(r.getResponse().getContentAsString())
        .contains("<option value=\"bloc\" selected=\"selected\">");
  }

  @Autowired AuditChain chain;

  long entries() {
    return chain.verify().entries();
  }
}
