package org.laurel.movement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.laurel.organisation.People;
import org.laurel.organisation.PersonView;
import org.laurel.support.LaurelTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

@LaurelTest
@Transactional
class InitiativeTest {

  static final String HEADER =
      "unit,title,authors,field,decision_number,decision_date,level,scope,description\n";

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired People people;
  @Autowired Initiatives initiatives;

  long count() {
    return jdbc.sql("select count(*) from initiative").query(Long.class).single()
        + jdbc.sql("select count(*) from initiative_author").query(Long.class).single();
  }

  PersonView tk() {
    return people.list("TK", null).get(0);
  }

  String json(String unit, long author, String title, String date) {
    return """
        {"title":"%s","unitCode":"%s","authorPersonIds":[%d],"field":"Nông nghiệp",
         "decisionNumber":"99/QĐ-UBND","decisionDate":"%s","level":"PROVINCIAL","version":0}"""
        .formatted(title, unit, author, date);
  }

  @Test
  void recordsAnInitiativeAndFindsItAmongThePersonsRecognisedOnes() throws Exception {
    long author = tk().id();
    mvc.perform(
            post("/api/v1/initiatives")
                .with(httpBasic("reporter", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json("TK", author, "Quy trình một cửa số", "2024-06-15")))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.unitCode").value("TK"))
        .andExpect(jsonPath("$.authors[0].personId").value(author));
    List<RecognisedInitiative> found =
        initiatives.recognisedFor(author, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));
    assertThat(found)
        .anySatisfy(
            r -> {
              assertThat(r.title()).isEqualTo("Quy trình một cửa số");
              assertThat(r.level()).isEqualTo(RecognisedInitiative.Level.PROVINCIAL);
              assertThat(r.authorPersonIds()).contains(author);
            });
    assertThat(
            initiatives.recognisedFor(
                author, LocalDate.of(2024, 6, 16), LocalDate.of(2024, 12, 31)))
        .noneMatch(r -> r.title().equals("Quy trình một cửa số"));
    mvc.perform(
            get("/api/v1/people/" + author + "/initiatives")
                .param("from", "2024-06-15")
                .param("to", "2024-06-15")
                .with(httpBasic("viewer", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[?(@.title == 'Quy trình một cửa số')]").exists());
  }

  @Test
  void refusesAnUnknownUnitADateInTheFutureAndADuplicateWithNothingWritten() throws Exception {
    long before = count();
    long author = tk().id();
    mvc.perform(
            post("/api/v1/initiatives")
                .with(httpBasic("admin", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json("NOPE", author, "Sáng kiến A", "2024-06-15")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("unitCode"));
    mvc.perform(
            post("/api/v1/initiatives")
                .with(httpBasic("admin", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json("TK", author, "Sáng kiến A", "2999-01-01")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("decisionDate"));
    mvc.perform(
            post("/api/v1/initiatives")
                .with(httpBasic("admin", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json("TK", 987654321L, "Sáng kiến A", "2024-01-01")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("authorPersonIds"));
    assertThat(count()).isEqualTo(before);
    mvc.perform(
            post("/api/v1/initiatives")
                .with(httpBasic("admin", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json("TK", author, "Sáng kiến A", "2024-01-01")))
        .andExpect(status().isCreated());
    long afterOne = count();
    mvc.perform(
            post("/api/v1/initiatives")
                .with(httpBasic("admin", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json("TK", author, "Sáng kiến A", "2024-01-01")))
        .andExpect(status().isConflict());
    assertThat(count()).isEqualTo(afterOne);
  }

  @Test
  void importsAGoodFileWithAuthorsByNameOrId() throws Exception {
    PersonView p = tk();
    String csv =
        HEADER
            + "TK,Sổ tay số hóa hồ sơ,%s,Cải cách hành chính,12/QĐ-UBND,2024-03-04,GRASSROOTS,Huyện Tứ Kỳ,\n"
                .formatted(p.fullName())
            + "TK,Mô hình tưới tiết kiệm,%d,Nông nghiệp,13/QĐ-UBND,05/04/2024,tỉnh,,Mô tả\n"
                .formatted(p.id());
    long before = jdbc.sql("select count(*) from initiative").query(Long.class).single();
    mvc.perform(upload(csv, "secretariat"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.rows").value(2));
    assertThat(jdbc.sql("select count(*) from initiative").query(Long.class).single())
        .isEqualTo(before + 2);
    assertThat(
            initiatives.recognisedFor(p.id(), LocalDate.of(2024, 4, 5), LocalDate.of(2024, 4, 5)))
        .extracting(RecognisedInitiative::level)
        .containsExactly(RecognisedInitiative.Level.PROVINCIAL);
  }

  @Test
  void refusesAFileWithOneBadRowAsAWholeNamingEachProblem() throws Exception {
    PersonView p = tk();
    String csv =
        HEADER
            + "TK,Sáng kiến tốt,%d,Giáo dục,20/QĐ,2024-03-04,GRASSROOTS,,\n".formatted(p.id())
            + "XX,Sáng kiến xấu,Không Có Ai,,21/QĐ,31-02-2024,KHÁC,,\n"
            + "TK,Sáng kiến tốt,%d,Giáo dục,20/QĐ,2024-03-04,GRASSROOTS,,\n".formatted(p.id());
    long before = count();
    mvc.perform(upload(csv, "admin"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.badRows").value(2))
        .andExpect(jsonPath("$.rows[?(@.row == 3 && @.column == 'unit')]").exists())
        .andExpect(jsonPath("$.rows[?(@.row == 3 && @.column == 'field')]").exists())
        .andExpect(jsonPath("$.rows[?(@.row == 3 && @.column == 'decision_date')]").exists())
        .andExpect(jsonPath("$.rows[?(@.row == 3 && @.column == 'level')]").exists())
        .andExpect(jsonPath("$.rows[?(@.row == 4 && @.column == 'title')]").exists());
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void refusesAReportersFileWithAnotherUnitsRow() throws Exception {
    PersonView own = tk();
    PersonView foreign = people.list("NS", null).get(0);
    String csv =
        HEADER
            + "TK,Của mình,%d,Giáo dục,30/QĐ,2024-03-04,GRASSROOTS,,\n".formatted(own.id())
            + "NS,Của người,%d,Giáo dục,31/QĐ,2024-03-04,GRASSROOTS,,\n".formatted(foreign.id());
    long before = count();
    mvc.perform(upload(csv, "reporter")).andExpect(status().isForbidden());
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void refusesAFileWithTheWrongHeader() throws Exception {
    long before = count();
    mvc.perform(upload("unit,title\nTK,Một\n", "admin"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.rows[0].row").value(1));
    assertThat(count()).isEqualTo(before);
  }

  private org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder
      upload(String csv, String user) {
    return (org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder)
        multipart("/api/v1/imports/initiatives")
            .file(
                new MockMultipartFile(
                    "file", "sang-kien.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
            .with(httpBasic(user, "demo"));
  }
}
