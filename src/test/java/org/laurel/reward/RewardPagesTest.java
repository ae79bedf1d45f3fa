package org.laurel.reward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.laurel.support.LaurelTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders;
import org.springframework.test.web.servlet.MockMvc;

@LaurelTest
class RewardPagesTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;

  @Test
  void thePublicNoticeNeedsNoSignInAndPublishesAnswers() throws Exception {
    long id =
        jdbc.sql(
                "select id from proposal where status = 'PUBLIC_NOTICE' and award_code = 'CSTD_TINH' and year = 2024")
            .query(Long.class)
            .list()
            .get(0);
    mvc.perform(get("/portal/notices").header("Accept-Language", "vi"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Công khai đề nghị khen thưởng")))
        .andExpect(content().string(containsString("Nguyễn Thị Thanh Hương")));
    mvc.perform(get("/portal/notices/" + id).header("Accept-Language", "vi"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Sáng kiến đã được áp dụng tại 8 xã")))
        .andExpect(content().string(containsString("notice-comment.js")));
    String receipt =
        jdbc.sql("select receipt from notice_comment where proposal_id = ? and answer is not null")
            .param(id)
            .query(String.class)
            .list()
            .get(0);
    mvc.perform(get("/portal/notices?receipt=" + receipt).header("Accept-Language", "en"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Sáng kiến đã được áp dụng")));
    mvc.perform(get("/portal/notices/999999")).andExpect(status().isNotFound());
  }

  @Test
  void theProposalPagesShowTheEligibilityReportToSignedInUsers() throws Exception {
    mvc.perform(get("/rewards/proposals"))
        .andExpect(r -> assertThat(r.getResponse().getRedirectedUrl()).endsWith("/login"));
    Cookie session =
        mvc.perform(
                SecurityMockMvcRequestBuilders.formLogin("/login").user("viewer").password("demo"))
            .andReturn()
            .getResponse()
            .getCookie("SESSION");
    assertThat(session).isNotNull();
    long id =
        jdbc.sql(
                "select id from proposal where status = 'PUBLIC_NOTICE' and award_code = 'CSTD_TINH' and year = 2024")
            .query(Long.class)
            .list()
            .get(0);
    mvc.perform(get("/rewards/proposals?year=2024").cookie(session).header("Accept-Language", "en"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Ready for the council")));
    mvc.perform(get("/rewards/proposals/" + id).cookie(session).header("Accept-Language", "en"))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    containsString(
                        "Grassroots Emulation Soldier 2022, 2023, 2024 — 3 consecutive years required (2022–2024): met")));
  }
}
