package org.laurel.movement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.laurel.support.LaurelTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** The public portal: no sign-in, three languages, and only what is published, by page and API. */
@LaurelTest
@Transactional
class PortalTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;

  String anonymous(String path, int expected) throws Exception {
    return mvc.perform(get(path).header("Accept-Language", "vi"))
        .andExpect(status().is(expected))
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  long write(String path, String body) throws Exception {
    String out =
        mvc.perform(
                post(path)
                    .with(httpBasic("admin", "demo"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body))
            .andExpect(status().is2xxSuccessful())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    return json.readTree(out).get("id").asLong();
  }

  int version(String table, long id) {
    return jdbc.sql("select version from " + table + " where id = ?")
        .param(id)
        .query(Integer.class)
        .single();
  }

  @Test
  void showsTheDemoMovementsAndPublishedModelsWithoutSignIn() throws Exception {
    String home = anonymous("/portal", 200);
    assertThat(home)
        .contains("Phong trào thi đua yêu nước năm 2024")
        .contains("Đoàn kết – Đổi mới – Sáng tạo")
        .contains("Chuyển đổi cơ cấu cây trồng sang cây ăn quả giá trị cao")
        .contains("Bộ phận một cửa hiện đại")
        // verified but never published
        .doesNotContain("Hộ nông dân sản xuất kinh doanh giỏi")
        .doesNotContain("Tập thể Phòng Văn hóa");
    String api = anonymous("/api/v1/portal/examples", 200);
    assertThat(api).contains("Bộ phận một cửa hiện đại").doesNotContain("Hộ nông dân");
    assertThat(anonymous("/api/v1/portal/movements", 200))
        .contains("Phong trào thi đua yêu nước năm 2024");
    assertThat(anonymous("/portal?q=một cửa", 200)).contains("Bộ phận một cửa hiện đại");
    assertThat(anonymous("/api/v1/portal/search?q=nông dân", 200)).doesNotContain("Hộ nông dân");
  }

  @Test
  void speaksVietnameseEnglishAndGerman() throws Exception {
    assertThat(anonymous("/portal?lang=vi", 200)).contains("Điển hình tiên tiến, mô hình mới");
    assertThat(anonymous("/portal?lang=en", 200)).contains("Advanced examples and new models");
    assertThat(anonymous("/portal?lang=de", 200)).contains("Vorbilder und neue Modelle");
  }

  @Test
  void anUnpublishedExampleNeverReachesThePortalByPageOrApi() throws Exception {
    long id =
        write(
            "/api/v1/examples",
            """
            {"unitCode":"GL","kind":"MODEL","name":"Mô hình thử công khai",
             "story":"Câu chuyện thử nghiệm"}""");
    assertHidden(id);
    write("/api/v1/examples/" + id + "/verify", "{\"version\":" + version("example", id) + "}");
    assertHidden(id);
    write("/api/v1/examples/" + id + "/publish", "{\"version\":" + version("example", id) + "}");
    assertThat(anonymous("/portal/examples/" + id, 200)).contains("Mô hình thử công khai");
    assertThat(anonymous("/api/v1/portal/examples/" + id, 200)).contains("Mô hình thử công khai");
    assertThat(anonymous("/portal", 200)).contains("Mô hình thử công khai");
    write("/api/v1/examples/" + id + "/unpublish", "{\"version\":" + version("example", id) + "}");
    assertHidden(id);
  }

  void assertHidden(long id) throws Exception {
    anonymous("/portal/examples/" + id, 404);
    anonymous("/api/v1/portal/examples/" + id, 404);
    assertThat(anonymous("/portal", 200)).doesNotContain("Mô hình thử công khai");
    assertThat(anonymous("/portal?q=thử công khai", 200)).doesNotContain("Mô hình thử công khai");
    assertThat(anonymous("/api/v1/portal/examples", 200)).doesNotContain("Mô hình thử công khai");
    assertThat(anonymous("/api/v1/portal/search?q=thử", 200))
        .doesNotContain("Mô hình thử công khai");
    assertThat(anonymous("/portal/spread.json", 200)).doesNotContain("Mô hình thử công khai");
  }

  @Test
  void anUnpublishedMovementNeverReachesThePortalByPageOrApi() throws Exception {
    int y = java.time.LocalDate.now().getYear();
    long id =
        write(
            "/api/v1/movements",
            """
            {"code":"PORTAL-T","title":"Phong trào chưa công bố","kind":"THEMATIC","year":%d,
             "launchingUnitCode":"HD","decisionNumber":"9/QĐ","decisionDate":"%d-01-02",
             "startsOn":"%d-01-01","endsOn":"%d-12-31","version":0}"""
                .formatted(y, y, y, y));
    write("/api/v1/movements/" + id + "/launch", "{\"version\":" + version("movement", id) + "}");
    movementHidden(id);
    write("/api/v1/movements/" + id + "/publish", "{\"version\":" + version("movement", id) + "}");
    assertThat(anonymous("/portal/movements/" + id, 200)).contains("Phong trào chưa công bố");
    assertThat(anonymous("/api/v1/portal/movements", 200)).contains("Phong trào chưa công bố");
    anonymous("/portal/movements/" + id + "/progress.json", 200);
    write(
        "/api/v1/movements/" + id + "/unpublish", "{\"version\":" + version("movement", id) + "}");
    movementHidden(id);
  }

  void movementHidden(long id) throws Exception {
    anonymous("/portal/movements/" + id, 404);
    anonymous("/portal/movements/" + id + "/progress.json", 404);
    anonymous("/api/v1/portal/movements/" + id, 404);
    assertThat(anonymous("/portal", 200)).doesNotContain("Phong trào chưa công bố");
    assertThat(anonymous("/api/v1/portal/movements", 200))
        .doesNotContain("Phong trào chưa công bố");
    assertThat(anonymous("/api/v1/portal/search?q=chưa công bố", 200))
        .doesNotContain("Phong trào chưa công bố");
  }

  @Test
  void theMovementPageShowsParticipationAndItsChartData() throws Exception {
    long id =
        jdbc.sql("select id from movement where code = 'TDYN-2024'").query(Long.class).single();
    assertThat(anonymous("/portal/movements/" + id, 200)).contains("10/12");
    String chart = anonymous("/portal/movements/" + id + "/progress.json", 200);
    // ten registered units, a bar each for budget revenue and industrial output
    assertThat(json.readTree(chart).get("labels").size()).isEqualTo(10);
    assertThat(json.readTree(chart).get("series").size()).isEqualTo(2);
  }
}
