package org.laurel.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.laurel.support.LaurelTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bonus and penalty items through the API: listing, withdrawing with a reason (soft, audited), what
 * a withdrawal changes at the next publication and what it leaves alone, and the refusals.
 */
@LaurelTest
@Transactional
class PactItemsTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;

  long pact() {
    return DemoPact.pact(jdbc);
  }

  String leader() {
    return jdbc.sql(
            "select unit_code from result_row where pact_id = ? and version = 1 and rank = 1")
        .param(pact())
        .query(String.class)
        .single();
  }

  long addPenalty(String unit, String points, String reason) throws Exception {
    String body =
        mvc.perform(
                post("/api/v1/pacts/" + pact() + "/items")
                    .with(httpBasic("secretariat", "demo"))
                    .contentType("application/json")
                    .content(
                        """
                        {"unit":"%s","criterion":"TDKT.TRU","points":%s,"reason":"%s"}"""
                            .formatted(unit, points, reason)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    return json.readTree(body).get("id").asLong();
  }

  ResultActions withdraw(long pact, long item, String user, String body) throws Exception {
    return mvc.perform(
        post("/api/v1/pacts/" + pact + "/items/" + item + "/withdraw")
            .with(httpBasic(user, "demo"))
            .contentType("application/json")
            .content(body));
  }

  int publish() throws Exception {
    String body =
        mvc.perform(
                post("/api/v1/pacts/" + pact() + "/results").with(httpBasic("secretariat", "demo")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    return json.readTree(body).get("version").asInt();
  }

  String explanation(int version, String unit) throws Exception {
    return mvc.perform(
            get("/api/v1/pacts/%d/results/%d/units/%s".formatted(pact(), version, unit))
                .with(httpBasic("viewer", "demo")))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  BigDecimal total(int version, String unit) {
    return jdbc.sql(
            "select total from result_row where pact_id = ? and version = ? and unit_code = ?")
        .params(pact(), version, unit)
        .query(BigDecimal.class)
        .single();
  }

  /** Everything about the pact's items, to compare before and after a refused write. */
  List<String> itemsState() {
    return jdbc.sql(
            """
            select id || '|' || unit_id || '|' || criterion || '|' || points || '|' || reason || '|'
                   || coalesce(withdrawn_by, '-') || '|' || coalesce(withdraw_reason, '-')
            from adjustment order by id""")
        .query(String.class)
        .list();
  }

  long audits(String action) {
    return jdbc.sql("select count(*) from audit_entry where action = ?")
        .param(action)
        .query(Long.class)
        .single();
  }

  @Test
  void listsTheDemoItemsWithWhoRecordedThemAndNoneWithdrawn() throws Exception {
    mvc.perform(get("/api/v1/pacts/" + pact() + "/items").with(httpBasic("viewer", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(2))
        .andExpect(jsonPath("$[0].unit").value("HDG"))
        .andExpect(jsonPath("$[0].criterion").value("TDKT.THUONG"))
        .andExpect(jsonPath("$[0].points").value(10.0))
        .andExpect(jsonPath("$[0].createdBy").isNotEmpty())
        .andExpect(jsonPath("$[0].withdrawnAt").doesNotExist())
        .andExpect(jsonPath("$[1].unit").value("KT"));
  }

  @Test
  void aWithdrawnItemNoLongerCountsAtTheNextPublicationWhilePublishedExplanationsKeepIt()
      throws Exception {
    String leader = leader();
    BigDecimal before = total(1, leader);
    long item = addPenalty(leader, "15", "Vi phạm phát hiện qua thanh tra");
    int withPenalty = publish();
    assertThat(total(withPenalty, leader))
        .isEqualByComparingTo(before.subtract(new BigDecimal("15")));
    String published = explanation(withPenalty, leader);
    assertThat(published).contains("Vi phạm phát hiện qua thanh tra");
    long audited = audits("pact.item.withdrawn");

    withdraw(pact(), item, "secretariat", "{\"reason\":\"Kết luận thanh tra đã bị hủy\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.id").value(item))
        .andExpect(jsonPath("$.withdrawnBy").value("secretariat"))
        .andExpect(jsonPath("$.withdrawReason").value("Kết luận thanh tra đã bị hủy"))
        .andExpect(jsonPath("$.withdrawnAt").isNotEmpty());

    // the row stays, marked; the withdrawal is audited
    assertThat(
            jdbc.sql("select reason from adjustment where id = ? and withdrawn_at is not null")
                .param(item)
                .query(String.class)
                .single())
        .isEqualTo("Vi phạm phát hiện qua thanh tra");
    assertThat(audits("pact.item.withdrawn")).isEqualTo(audited + 1);
    // the published version is stored, not recomputed from the live items
    assertThat(explanation(withPenalty, leader)).isEqualTo(published);
    assertThat(total(withPenalty, leader))
        .isEqualByComparingTo(before.subtract(new BigDecimal("15")));

    int after = publish();
    assertThat(after).isEqualTo(withPenalty + 1);
    assertThat(total(after, leader)).isEqualByComparingTo(before);
    assertThat(explanation(after, leader)).doesNotContain("Vi phạm phát hiện qua thanh tra");
    mvc.perform(get("/api/v1/pacts/" + pact() + "/items").with(httpBasic("viewer", "demo")))
        .andExpect(jsonPath("$[2].id").value(item))
        .andExpect(jsonPath("$[2].withdrawReason").value("Kết luận thanh tra đã bị hủy"));
  }

  @Test
  void refusesAWithdrawalWithoutAReasonAndChangesNothing() throws Exception {
    long item = addPenalty("TK", "3", "Nộp báo cáo chậm");
    List<String> before = itemsState();
    for (String body : List.of("{\"reason\":\"   \"}", "{}")) {
      withdraw(pact(), item, "secretariat", body)
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.errors[0].field").value("reason"));
    }
    assertThat(itemsState()).isEqualTo(before);
  }

  @Test
  void refusesToWithdrawAnItemTwiceWithAConflict() throws Exception {
    long item = addPenalty("TK", "3", "Nộp báo cáo chậm");
    withdraw(pact(), item, "secretariat", "{\"reason\":\"Ghi trùng\"}").andExpect(status().isOk());
    List<String> before = itemsState();
    long audited = audits("pact.item.withdrawn");
    withdraw(pact(), item, "secretariat", "{\"reason\":\"Lần nữa\"}")
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("" + item)));
    assertThat(itemsState()).isEqualTo(before);
    assertThat(audits("pact.item.withdrawn")).isEqualTo(audited);
  }

  @Test
  void answersNotFoundForAnUnknownItemOrAnItemOnAnotherPactsPath() throws Exception {
    long item = addPenalty("TK", "3", "Nộp báo cáo chậm");
    List<String> before = itemsState();
    withdraw(pact(), item + 10_000, "secretariat", "{\"reason\":\"Ghi trùng\"}")
        .andExpect(status().isNotFound());
    long otherPact =
        jdbc.sql("select coalesce(max(id), 0) + 1 from pact").query(Long.class).single();
    withdraw(otherPact, item, "secretariat", "{\"reason\":\"Ghi trùng\"}")
        .andExpect(status().isNotFound());
    assertThat(itemsState()).isEqualTo(before);
  }

  @Test
  void onlyTheSecretariatWithdrawsItems() throws Exception {
    long item = addPenalty("TK", "3", "Nộp báo cáo chậm");
    List<String> before = itemsState();
    for (String user : List.of("reporter", "blochead", "viewer")) {
      withdraw(pact(), item, user, "{\"reason\":\"Không đồng ý\"}")
          .andExpect(status().isForbidden());
    }
    assertThat(itemsState()).isEqualTo(before);
  }

  @Test
  void refusesBadItemsNamingTheFieldAndWritesNothing() throws Exception {
    List<String> before = itemsState();
    String[][] cases = {
      {"{\"unit\":\"TK\",\"criterion\":\"TDKT.TRU\",\"points\":0,\"reason\":\"x\"}", "points"},
      {"{\"unit\":\"TK\",\"criterion\":\"TDKT.TRU\",\"points\":-2,\"reason\":\"x\"}", "points"},
      {"{\"unit\":\"TK\",\"criterion\":\"TDKT.TRU\",\"points\":2,\"reason\":\" \"}", "reason"},
      {
        "{\"unit\":\"TK\",\"criterion\":\"TDKT.PHONG_TRAO\",\"points\":2,\"reason\":\"x\"}",
        "criterion"
      },
      {"{\"unit\":\"HD\",\"criterion\":\"TDKT.TRU\",\"points\":2,\"reason\":\"x\"}", "unit"},
      {"{\"unit\":\"NOPE\",\"criterion\":\"TDKT.TRU\",\"points\":2,\"reason\":\"x\"}", "unit"}
    };
    for (String[] c : cases) {
      mvc.perform(
              post("/api/v1/pacts/" + pact() + "/items")
                  .with(httpBasic("secretariat", "demo"))
                  .contentType("application/json")
                  .content(c[0]))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.errors[0].field").value(c[1]));
    }
    assertThat(itemsState()).isEqualTo(before);
  }
}
