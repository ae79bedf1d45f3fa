package org.laurel.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.laurel.support.LaurelTest;
import org.laurel.support.UiLogin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What moved between published versions, the ResultsPublished event, explanation exports. */
@LaurelTest
@Transactional
@RecordApplicationEvents
class ResultsVersionsTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;
  @Autowired ApplicationEvents events;

  long bloc() {
    return DemoPact.bloc(jdbc, 2024);
  }

  long pact() {
    return DemoPact.pact(jdbc);
  }

  /** A penalty of 60 points (capped at the criterion's 20) for each unit, then version 2. */
  void penaliseAndRepublish(String... units) throws Exception {
    for (String unit : units) {
      mvc.perform(
              post("/api/v1/pacts/" + pact() + "/items")
                  .with(httpBasic("secretariat", "demo"))
                  .contentType("application/json")
                  .content(
                      """
                      {"unit":"%s","criterion":"TDKT.TRU","points":60,
                       "reason":"Vi phạm phát hiện qua thanh tra"}"""
                          .formatted(unit)))
          .andExpect(status().isOk());
    }
    mvc.perform(post("/api/v1/pacts/" + pact() + "/results").with(httpBasic("secretariat", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.version").value(2));
  }

  @Test
  void pollersOfTheRankingGetNotModifiedUntilANewVersionIsPublished() throws Exception {
    String url = "/api/v1/blocs/" + bloc() + "/ranking?year=2024";
    mvc.perform(get(url))
        .andExpect(status().isOk())
        .andExpect(header().string("ETag", "\"2024-v1\""))
        .andExpect(jsonPath("$.version").value(1));
    mvc.perform(get(url).header("If-None-Match", "\"2024-v1\""))
        .andExpect(status().isNotModified())
        .andExpect(header().string("ETag", "\"2024-v1\""))
        .andExpect(content().string(""));

    String[] firstTwo =
        jdbc.sql("select unit_code from result_row where pact_id = ? and version = 1 order by rank")
            .param(pact())
            .query(String.class)
            .list()
            .subList(0, 2)
            .toArray(String[]::new);
    penaliseAndRepublish(firstTwo);

    mvc.perform(get(url).header("If-None-Match", "\"2024-v1\""))
        .andExpect(status().isOk())
        .andExpect(header().string("ETag", "\"2024-v2\""))
        .andExpect(jsonPath("$.version").value(2));
  }

  @Test
  void republishingShowsWhatMovedAndAnnouncesTheNewVersion() throws Exception {
    JsonNode v1 =
        json.readTree(
                mvc.perform(get("/api/v1/blocs/" + bloc() + "/ranking?year=2024"))
                    .andReturn()
                    .getResponse()
                    .getContentAsString())
            .get("rows");
    String first = v1.get(0).get("unit").asString();
    String second = v1.get(1).get("unit").asString();
    String third = v1.get(2).get("unit").asString();
    // the demo's top two have no penalty yet; 20 off sends the second below the third
    assertThat(v1.get(1).get("total").decimalValue().subtract(new BigDecimal("20")))
        .isLessThan(v1.get(2).get("total").decimalValue());
    penaliseAndRepublish(first, second);
    String body =
        mvc.perform(
                get("/api/v1/pacts/" + pact() + "/results/moves").with(httpBasic("viewer", "demo")))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.from").value(1))
            .andExpect(jsonPath("$.to").value(2))
            .andExpect(jsonPath("$.units", hasSize(12)))
            .andReturn()
            .getResponse()
            .getContentAsString();
    for (JsonNode m : json.readTree(body).get("units")) {
      String unit = m.get("unit").asString();
      assertThat(m.get("rankChange").asInt())
          .as(unit)
          .isEqualTo(m.get("fromRank").asInt() - m.get("toRank").asInt());
      assertThat(m.get("toTotal").decimalValue().subtract(m.get("fromTotal").decimalValue()))
          .as(unit)
          .isEqualByComparingTo(m.get("totalChange").decimalValue());
      BigDecimal expected =
          unit.equals(first) || unit.equals(second) ? new BigDecimal("-20") : BigDecimal.ZERO;
      assertThat(m.get("totalChange").decimalValue()).as(unit).isEqualByComparingTo(expected);
      if (unit.equals(second)) {
        assertThat(m.get("rankChange").asInt()).as(unit).isNegative();
      }
      if (unit.equals(third)) {
        assertThat(m.get("rankChange").asInt()).as(unit).isEqualTo(1);
      }
    }
    // the event of the publication, with the version and the pact version
    List<ResultsPublished> published = events.stream(ResultsPublished.class).toList();
    assertThat(published).hasSize(1);
    assertThat(published.get(0).version()).isEqualTo(2);
    assertThat(published.get(0).pactId()).isEqualTo(pact());
    assertThat(published.get(0).bloc()).isEqualTo("KHOI-HUYEN");
    assertThat(published.get(0).pactVersion()).isEqualTo(1);
    // the ranking page shows what moved
    String html =
        mvc.perform(
                get("/blocs/" + bloc() + "/ranking?lang=en").cookie(UiLogin.session(mvc, "viewer")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(html).contains("id=\"moves\"").contains("What moved from version 1 to version 2");
    assertThat(html).contains("▲ 1").contains("▼ 1").doesNotContain("??");
  }

  @Test
  void unknownVersionsAreRefusedWithTheField() throws Exception {
    mvc.perform(
            get("/api/v1/pacts/" + pact() + "/results/moves?from=0&to=1")
                .with(httpBasic("viewer", "demo"))
                .header("Accept-Language", "en"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("from"));
    mvc.perform(
            get("/api/v1/pacts/" + pact() + "/results/moves?to=5")
                .with(httpBasic("viewer", "demo"))
                .header("Accept-Language", "en"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(containsString("1 to 1")));
  }

  @Test
  void theExplanationExportsAsCsvWithFormulaLikeTextNeutralised() throws Exception {
    String leader =
        jdbc.sql("select unit_code from result_row where pact_id = ? and version = 1 and rank = 1")
            .param(pact())
            .query(String.class)
            .single();
    mvc.perform(
            post("/api/v1/pacts/" + pact() + "/items")
                .with(httpBasic("secretariat", "demo"))
                .contentType("application/json")
                .content(
                    """
                    {"unit":"%s","criterion":"TDKT.TRU","points":2,
                     "reason":"=HYPERLINK(\\"http://x\\",\\"y\\")"}"""
                        .formatted(leader)))
        .andExpect(status().isOk());
    mvc.perform(post("/api/v1/pacts/" + pact() + "/results").with(httpBasic("secretariat", "demo")))
        .andExpect(status().isOk());
    var res =
        mvc.perform(
                get("/api/v1/pacts/%d/results/2/units/%s.csv".formatted(pact(), leader))
                    .with(httpBasic("viewer", "demo"))
                    .header("Accept-Language", "vi"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse();
    assertThat(res.getContentType()).startsWith("text/csv");
    String csv = res.getContentAsString(StandardCharsets.UTF_8);
    assertThat(csv).startsWith("\uFEFFĐơn vị,Nhóm,Tiêu chí");
    assertThat(csv)
        .contains("KT.THU_NS")
        .contains("BUDGET_REVENUE 2024")
        .contains("Điểm chấm: Chấm chéo")
        .contains("Trọng số của vòng: Hội đồng thẩm định")
        .contains("Điểm bị loại khi tính trung bình cắt bỏ: Chấm chéo")
        .contains("Tổng điểm")
        .doesNotContain("score CROSS");
    // the reason that looks like a formula starts with ' ; the penalty is a negative number
    assertThat(csv)
        .contains(",Khoản cộng hoặc trừ,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-2,");
    assertThat(csv).doesNotContain(",\"=HYPERLINK");
  }

  JsonNode read(String url) throws Exception {
    return json.readTree(
        mvc.perform(get(url).with(httpBasic("viewer", "demo")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString());
  }

  /** Every stored column of a version's rows but the version, by unit; explanations as JSON. */
  List<Map<String, Object>> storedRows(int version) {
    return jdbc
        .sql("select * from result_row where pact_id = ? and version = ? order by unit_id")
        .params(pact(), version)
        .query()
        .listOfRows()
        .stream()
        .map(
            r -> {
              Map<String, Object> m = new LinkedHashMap<>(r);
              m.remove("version");
              m.put("explanation", json.readTree(m.get("explanation").toString()));
              return m;
            })
        .toList();
  }

  @Test
  void publishingTwiceWithoutAChangeGivesTheSameResult() throws Exception {
    String results = "/api/v1/pacts/" + pact() + "/results";
    String ranking = "/api/v1/blocs/" + bloc() + "/ranking?year=2024";
    int v =
        jdbc.sql("select max(version) from result_version where pact_id = ?")
            .param(pact())
            .query(Integer.class)
            .single();
    mvc.perform(post(results).with(httpBasic("secretariat", "demo"))).andExpect(status().isOk());
    JsonNode firstRanking = read(ranking);
    mvc.perform(post(results).with(httpBasic("secretariat", "demo"))).andExpect(status().isOk());
    JsonNode secondRanking = read(ranking);
    int first = v + 1;
    int second = v + 2;
    assertThat(firstRanking.get("version").asInt()).isEqualTo(first);
    assertThat(secondRanking.get("version").asInt()).isEqualTo(second);
    // the ranking's rows, field by field
    assertThat(secondRanking.get("rows")).hasSize(12).isEqualTo(firstRanking.get("rows"));
    // every stored column of every row, the explanations included
    List<Map<String, Object>> a = storedRows(first);
    List<Map<String, Object>> b = storedRows(second);
    assertThat(a).hasSize(12);
    for (int i = 0; i < a.size(); i++) {
      assertThat(b.get(i)).as("unit " + a.get(i).get("unit_code")).isEqualTo(a.get(i));
    }
    // the version records the same pact version and publisher; only number and time differ
    var versions =
        jdbc.sql(
                "select pact_version, published_by from result_version"
                    + " where pact_id = ? and version in (?, ?) order by version")
            .params(pact(), first, second)
            .query()
            .listOfRows();
    assertThat(versions.get(1)).isEqualTo(versions.get(0));
    // the full versions and each unit's explanation through the API
    JsonNode fullA = read(results + "/" + first);
    JsonNode fullB = read(results + "/" + second);
    for (String field : List.of("pactVersion", "normalised", "criteria", "rows")) {
      assertThat(fullB.get(field)).as(field).isEqualTo(fullA.get(field));
    }
    for (JsonNode row : firstRanking.get("rows")) {
      String unit = row.get("unit").asText();
      assertThat(read(results + "/" + second + "/units/" + unit))
          .as(unit)
          .isEqualTo(read(results + "/" + first + "/units/" + unit));
    }
  }

  List<CSVRecord> exported(String unit, String language) throws Exception {
    String csv =
        mvc.perform(
                get("/api/v1/pacts/%d/results/1/units/%s.csv".formatted(pact(), unit))
                    .with(httpBasic("viewer", "demo"))
                    .header("Accept-Language", language))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    return CSVFormat.DEFAULT
        .builder()
        .setHeader()
        .setSkipHeaderRecord(true)
        .get()
        .parse(new StringReader(csv.substring(1)))
        .getRecords();
  }

  static BigDecimal number(CSVRecord r) {
    return new BigDecimal(r.get(8));
  }

  static List<CSVRecord> part(List<CSVRecord> rows, String label) {
    return rows.stream().filter(r -> r.get(6).equals(label)).toList();
  }

  @Test
  void aUnitsTotalIsRebuiltFromTheExportedRowsAlone() throws Exception {
    // Hải Dương in the demo: the trimmed mean drops the lowest and highest of 11 cross scores
    List<CSVRecord> rows = exported("HDG", "en");
    Map<String, List<CSVRecord>> byCriterion = new LinkedHashMap<>();
    rows.stream()
        .filter(r -> !r.get(2).isEmpty())
        .forEach(r -> byCriterion.computeIfAbsent(r.get(2), k -> new ArrayList<>()).add(r));
    List<String> rounds = List.of("Self-assessment", "Cross-assessment", "Appraisal council");
    BigDecimal total = BigDecimal.ZERO;
    for (var e : byCriterion.entrySet()) {
      List<CSVRecord> c = e.getValue();
      String method = c.get(0).get(4);
      BigDecimal max = new BigDecimal(c.get(0).get(5));
      BigDecimal points;
      if (method.equals("INDICATOR")) {
        points =
            number(part(c, "Points by the rule").get(0))
                .add(number(part(c, "Bonus points").get(0)));
      } else if (method.equals("MANUAL")) {
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal weights = BigDecimal.ZERO;
        for (String round : rounds) {
          List<CSVRecord> counted = part(c, "Score: " + round);
          List<CSVRecord> weight = part(c, "Weight of the round: " + round);
          if (counted.isEmpty() || weight.isEmpty()) {
            continue;
          }
          BigDecimal mean =
              counted.stream()
                  .map(ResultsVersionsTest::number)
                  .reduce(BigDecimal.ZERO, BigDecimal::add)
                  .divide(BigDecimal.valueOf(counted.size()), 2, RoundingMode.HALF_UP);
          assertThat(mean)
              .as(e.getKey() + " " + round)
              .isEqualByComparingTo(number(part(c, "Mean of the round: " + round).get(0)));
          sum = sum.add(number(weight.get(0)).multiply(mean));
          weights = weights.add(number(weight.get(0)));
        }
        points = sum.divide(weights, 2, RoundingMode.HALF_UP).min(max);
        // 11 cross scores: the lowest and the highest are named as left out
        assertThat(part(c, "Score left out by the trimmed mean: Cross-assessment")).hasSize(2);
        assertThat(part(c, "Score: Cross-assessment")).hasSize(9);
      } else {
        BigDecimal items =
            part(c, "Item").stream()
                .map(ResultsVersionsTest::number)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        points = items.signum() < 0 ? items.max(max.negate()) : items.min(max);
      }
      assertThat(points)
          .as(e.getKey())
          .isEqualByComparingTo(number(part(c, "Points of the criterion").get(0)));
      total = total.add(points);
    }
    JsonNode ranking =
        json.readTree(
            mvc.perform(get("/api/v1/blocs/" + bloc() + "/ranking?year=2024"))
                .andReturn()
                .getResponse()
                .getContentAsString());
    JsonNode hdg = null;
    for (JsonNode r : ranking.get("rows")) {
      if (r.get("unit").asText().equals("HDG")) {
        hdg = r;
      }
    }
    assertThat(total).isEqualByComparingTo(hdg.get("total").decimalValue());
    assertThat(number(part(rows, "Total").get(0))).isEqualByComparingTo(total);
    assertThat(number(part(rows, "Rank").get(0)).intValue()).isEqualTo(hdg.get("rank").asInt());
    assertThat(part(rows, "Classification").get(0).get(7))
        .isEqualTo(hdg.get("classification").asText());
    // the pact's tie-break chain, in order, with the values the ranking compared
    assertThat(part(rows, "Tie-break value"))
        .extracting(r -> r.get(7))
        .containsExactly("COUNCIL", "KT", "XDCQ");
    BigDecimal council = BigDecimal.ZERO;
    for (CSVRecord r : part(rows, "Mean of the round: Appraisal council")) {
      council = council.add(number(r));
    }
    assertThat(number(part(rows, "Tie-break value").get(0))).isEqualByComparingTo(council);
  }

  @Test
  void theExportedPartsAreInTheReadersLanguage() throws Exception {
    assertThat(exported("HDG", "de"))
        .extracting(r -> r.get(6))
        .contains(
            "Punkte des Kriteriums",
            "Gewicht der Runde: Gegenseitige Bewertung",
            "Bewertung: Prüfungsrat",
            "Gesamtpunkte",
            "Rang");
    assertThat(exported("HDG", "vi"))
        .extracting(r -> r.get(6))
        .contains("Điểm trung bình của vòng: Vòng tự chấm", "Xếp hạng", "Xếp loại");
  }

  @Test
  void theExplanationExportsAsXlsxWithNumbersAsNumbers() throws Exception {
    byte[] xlsx =
        mvc.perform(
                get("/api/v1/pacts/%d/results/1/units/HDG.xlsx".formatted(pact()))
                    .with(httpBasic("viewer", "demo")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      var sheet = wb.getSheetAt(0);
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isNotBlank();
      var first = sheet.getRow(1);
      assertThat(first.getCell(0).getStringCellValue()).isEqualTo("HDG");
      assertThat(first.getCell(2).getStringCellValue()).isEqualTo("KT.THU_NS");
      assertThat(first.getCell(8).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(sheet.getLastRowNum()).isGreaterThan(50);
    }
    // the same file from the explanation page for a signed-in user
    mvc.perform(
            get("/pacts/%d/results/1/units/HDG.xlsx".formatted(pact()))
                .cookie(UiLogin.session(mvc, "viewer")))
        .andExpect(status().isOk());
  }
}
