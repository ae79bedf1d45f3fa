package org.laurel.movement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.laurel.support.LaurelTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders;
import org.springframework.test.web.servlet.MockMvc;

/** The signed-in pages of the module render with the demo data. */
@LaurelTest
class MovementPagesTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;

  private Cookie session;

  Cookie login() throws Exception {
    if (session == null) {
      session =
          mvc.perform(
                  SecurityMockMvcRequestBuilders.formLogin("/login")
                      .user("secretariat")
                      .password("demo"))
              .andExpect(redirectedUrl("/"))
              .andReturn()
              .getResponse()
              .getCookie("SESSION");
    }
    return session;
  }

  String page(String path) throws Exception {
    return mvc.perform(get(path).cookie(login()).header("Accept-Language", "vi"))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  long movement(String code) {
    return jdbc.sql("select id from movement where code = ?")
        .param(code)
        .query(Long.class)
        .single();
  }

  @Test
  void theMovementPageShowsWhoHasAndHasNotRegisteredAndTheTargets() throws Exception {
    long id = movement("TDYN-2024");
    String html = page("/movements/" + id);
    assertThat(html)
        .contains("Cả tỉnh thi đua, mỗi ngành thi đua")
        .contains("10/12 đơn vị đã đăng ký")
        .contains("chưa đăng ký")
        .contains("Huyện Tứ Kỳ")
        .contains("Sơ kết 6 tháng đầu năm");
    assertThat(page("/movements/" + id + "/progress.json")).contains("labels");
    assertThat(page("/movements")).contains("Đoàn kết, đổi mới, sáng tạo");
  }

  @Test
  void theFormsRender() throws Exception {
    long id = movement("DKST-2024");
    assertThat(page("/movements/new")).contains("name=\"milestones[5].title\"");
    assertThat(page("/movements/" + id + "/edit")).contains("DKST-2024");
    assertThat(page("/movements/" + id + "/register?unit=HDG")).contains("BANG_KHEN_UBND");
    assertThat(page("/initiatives")).contains("Số hóa quy trình tiếp nhận hồ sơ đất đai");
    assertThat(page("/initiatives/new")).contains("decisionNumber");
    assertThat(page("/initiatives/import")).contains("decision_number");
    assertThat(page("/examples")).contains("Chuyển đổi cơ cấu cây trồng");
    assertThat(page("/examples/new")).contains("story");
    assertThat(page("/examples/spread.json")).contains("Bộ phận một cửa");
    long example =
        jdbc.sql("select id from example where name like 'Bộ phận một cửa%'")
            .query(Long.class)
            .single();
    assertThat(page("/examples/" + example)).contains("Thời gian chờ giảm một nửa");
  }
}
