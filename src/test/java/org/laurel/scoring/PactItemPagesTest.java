package org.laurel.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.laurel.support.LaurelTest;
import org.laurel.support.UiLogin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.BindingResult;

/**
 * The page of a pact's bonus and penalty items: the list per unit for everyone signed in; the
 * secretariat's add form with its refusals beside the fields, and the withdrawal with a reason.
 */
@LaurelTest
@Transactional
class PactItemPagesTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;

  long pact() {
    return DemoPact.pact(jdbc);
  }

  String page(String user, String path) throws Exception {
    return mvc.perform(get(path).cookie(UiLogin.session(mvc, user)))
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  MvcResult postAs(String user, String path, Map<String, String> params) throws Exception {
    var req = post(path).cookie(UiLogin.session(mvc, user)).with(csrf());
    params.forEach(req::param);
    return mvc.perform(req).andReturn();
  }

  MvcResult add(String unit, String criterion, String points, String reason) throws Exception {
    return postAs(
        "secretariat",
        "/pacts/" + pact() + "/items?lang=en",
        Map.of("unit", unit, "criterion", criterion, "points", points, "reason", reason));
  }

  List<String> itemsState() {
    return jdbc.sql(
            """
            select id || '|' || criterion || '|' || points || '|' || reason || '|'
                   || coalesce(withdrawn_by, '-') || '|' || coalesce(withdraw_reason, '-')
            from adjustment order by id""")
        .query(String.class)
        .list();
  }

  long lastItem() {
    return jdbc.sql("select max(id) from adjustment").query(Long.class).single();
  }

  static BindingResult form(MvcResult r, String name) {
    assertThat(r.getModelAndView()).isNotNull();
    return (BindingResult)
        r.getModelAndView().getModel().get(BindingResult.MODEL_KEY_PREFIX + name);
  }

  @Test
  void listsTheItemsPerUnitWithReasonWhoAndWhenButNoFormsForAViewer() throws Exception {
    String html = page("viewer", "/pacts/" + pact() + "/items?lang=en");
    assertThat(html).contains("Bonus and penalty items 2024").contains("id=\"items\"");
    assertThat(html)
        .contains("data-unit=\"HDG\"")
        .contains("Cờ thi đua của Chính phủ năm 2023")
        .contains("+10")
        .contains("data-unit=\"KT\"")
        .contains("Nộp báo cáo quý III chậm 10 ngày")
        .contains("−5")
        .contains("Counts");
    assertThat(html).doesNotContain("id=\"item-form\"").doesNotContain("/withdraw\"");
    assertThat(html).doesNotContain("??");
  }

  @Test
  void thePactAndTheRankingPagesLinkToTheItems() throws Exception {
    long bloc = DemoPact.bloc(jdbc, 2024);
    String link = "href=\"/pacts/" + pact() + "/items\"";
    assertThat(page("viewer", "/blocs/" + bloc + "/pact")).contains(link);
    assertThat(page("viewer", "/blocs/" + bloc + "/ranking")).contains(link);
  }

  @Test
  void theSecretariatAddsAPenaltyAndSeesItListed() throws Exception {
    MvcResult r = add("TK", "TDKT.TRU", "2,5", "Nộp báo cáo tháng 5 chậm");
    assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/pacts/" + pact() + "/items");
    assertThat(r.getFlashMap().get("flash")).asString().contains("TK").contains("TDKT.TRU");
    assertThat(
            jdbc.sql("select points from adjustment where reason = 'Nộp báo cáo tháng 5 chậm'")
                .query(java.math.BigDecimal.class)
                .single())
        .isEqualByComparingTo("2.5");
    String html = page("secretariat", "/pacts/" + pact() + "/items?lang=en");
    assertThat(html)
        .contains("data-unit=\"TK\"")
        .contains("Nộp báo cáo tháng 5 chậm")
        .contains("id=\"item-form\"")
        .contains("id=\"withdraw-" + lastItem() + "\"");
  }

  @Test
  void refusesBadItemsBesideTheFieldAndWritesNothing() throws Exception {
    List<String> before = itemsState();
    String[][] cases = {
      {"TK", "TDKT.TRU", "2", "  ", "reason"},
      {"TK", "TDKT.TRU", "0", "Chậm", "points"},
      {"TK", "TDKT.TRU", "-3", "Chậm", "points"},
      {"TK", "TDKT.TRU", "ba", "Chậm", "points"},
      {"TK", "TDKT.PHONG_TRAO", "2", "Chậm", "criterion"},
      {"HD", "TDKT.TRU", "2", "Chậm", "unit"},
      {"", "TDKT.TRU", "2", "Chậm", "unit"}
    };
    for (String[] c : cases) {
      MvcResult r = add(c[0], c[1], c[2], c[3]);
      String what = String.join(" / ", c);
      assertThat(r.getResponse().getStatus()).as(what).isEqualTo(200);
      BindingResult errors = form(r, "form");
      assertThat(errors.getFieldErrors())
          .as(what)
          .extracting(e -> e.getField())
          .containsExactly(c[4]);
      String html = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
      assertThat(html).as(what).contains("class=\"field-error\"").doesNotContain("??");
      // the field keeps what was typed, marked invalid
      assertThat(html).as(what).containsPattern("id=\"" + c[4] + "\"[^>]*aria-invalid=\"true\"");
    }
    assertThat(itemsState()).isEqualTo(before);
  }

  @Test
  void theSecretariatWithdrawsAnItemWithAReasonAndItStaysListedAsWithdrawn() throws Exception {
    add("TK", "TDKT.TRU", "2", "Nộp báo cáo chậm");
    long item = lastItem();
    MvcResult r =
        postAs(
            "secretariat",
            "/pacts/" + pact() + "/items/" + item + "/withdraw?lang=en",
            Map.of("reason", "Báo cáo đã nộp đúng hạn"));
    assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/pacts/" + pact() + "/items");
    assertThat(r.getFlashMap().get("flash")).asString().contains("withdrawn");
    String html = page("secretariat", "/pacts/" + pact() + "/items?lang=en");
    String row = html.substring(html.indexOf("id=\"item-" + item + "\""));
    row = row.substring(0, row.indexOf("</tr>"));
    assertThat(row)
        .contains("class=\"badge withdrawn\"")
        .contains("by secretariat on")
        .contains("Báo cáo đã nộp đúng hạn")
        .doesNotContain("/withdraw\"");
  }

  @Test
  void refusesAWithdrawalWithoutAReasonBesideTheFieldAndChangesNothing() throws Exception {
    add("TK", "TDKT.TRU", "2", "Nộp báo cáo chậm");
    long item = lastItem();
    List<String> before = itemsState();
    MvcResult r =
        postAs(
            "secretariat",
            "/pacts/" + pact() + "/items/" + item + "/withdraw?lang=en",
            Map.of("reason", "  "));
    assertThat(r.getResponse().getStatus()).isEqualTo(200);
    String html = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(html)
        .containsPattern("id=\"withdraw-reason-" + item + "\"[^>]*aria-invalid=\"true\"")
        .contains("id=\"withdraw-error-" + item + "\"")
        .contains("must not be empty");
    assertThat(itemsState()).isEqualTo(before);
  }

  @Test
  void withdrawingTwiceIsAConflictThatChangesNothing() throws Exception {
    add("TK", "TDKT.TRU", "2", "Nộp báo cáo chậm");
    long item = lastItem();
    String path = "/pacts/" + pact() + "/items/" + item + "/withdraw?lang=en";
    postAs("secretariat", path, Map.of("reason", "Ghi trùng"));
    List<String> before = itemsState();
    MvcResult r = postAs("secretariat", path, Map.of("reason", "Lần nữa"));
    assertThat(r.getResponse().getStatus()).isEqualTo(409);
    assertThat(r.getResponse().getContentAsString(StandardCharsets.UTF_8))
        .contains("id=\"items-error\"")
        .contains("has been withdrawn already");
    assertThat(itemsState()).isEqualTo(before);
  }

  @Test
  void anUnknownItemIsNotFound() throws Exception {
    List<String> before = itemsState();
    MvcResult r =
        postAs(
            "secretariat",
            "/pacts/" + pact() + "/items/" + (lastItem() + 10_000) + "/withdraw",
            Map.of("reason", "Ghi trùng"));
    assertThat(r.getResponse().getStatus()).isEqualTo(404);
    assertThat(itemsState()).isEqualTo(before);
  }

  @Test
  void othersThanTheSecretariatMayNotAddOrWithdraw() throws Exception {
    long item = jdbc.sql("select min(id) from adjustment").query(Long.class).single();
    List<String> before = itemsState();
    for (String user : List.of("reporter", "blochead", "viewer")) {
      assertThat(
              postAs(
                      user,
                      "/pacts/" + pact() + "/items",
                      Map.of("unit", "TK", "criterion", "TDKT.TRU", "points", "2", "reason", "x"))
                  .getResponse()
                  .getStatus())
          .as(user)
          .isEqualTo(403);
      assertThat(
              postAs(
                      user,
                      "/pacts/" + pact() + "/items/" + item + "/withdraw",
                      Map.of("reason", "x"))
                  .getResponse()
                  .getStatus())
          .as(user)
          .isEqualTo(403);
    }
    assertThat(itemsState()).isEqualTo(before);
  }
}
