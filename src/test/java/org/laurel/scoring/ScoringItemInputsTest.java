package org.laurel.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.laurel.support.LaurelTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bonus and penalty items with bad inputs: each refused with 400 naming the field, and neither an
 * item nor an audit entry written.
 */
@LaurelTest
@Transactional
class ScoringItemInputsTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;

  /** Items and audit entries. */
  String rows() {
    return jdbc.sql("select count(*) from adjustment").query(Integer.class).single()
        + "/"
        + jdbc.sql("select count(*) from audit_entry").query(Integer.class).single();
  }

  ResultActions item(String unit, String criterion, String points, String reason) throws Exception {
    return mvc.perform(
        post("/api/v1/pacts/" + DemoPact.pact(jdbc) + "/items")
            .with(httpBasic("secretariat", "demo"))
            .header("Accept-Language", "en")
            .contentType(MediaType.APPLICATION_JSON)
            .content(
                """
                {"unit":"%s","criterion":"%s","points":%s,"reason":%s}"""
                    .formatted(unit, criterion, points, reason)));
  }

  ResultActions refused(ResultActions r, String field) throws Exception {
    return r.andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value(field));
  }

  @Test
  void anItemOnAManualCriterionIsRefused() throws Exception {
    String before = rows();
    refused(item("KT", "TDKT.PHONG_TRAO", "5", "\"Cờ thi đua\""), "criterion")
        .andExpect(jsonPath("$.detail").value(containsString("not a bonus or penalty")));
    // nor on an indicator criterion, nor an unknown one
    refused(item("KT", "KT.THU_NS", "5", "\"Cờ thi đua\""), "criterion");
    refused(item("KT", "KHONG_CO", "5", "\"Cờ thi đua\""), "criterion");
    assertThat(rows()).isEqualTo(before);
  }

  @Test
  void anItemForAUnitOutsideTheBlocIsRefused() throws Exception {
    String before = rows();
    // the Department of Home Affairs is no member of the district bloc
    refused(item("SNV", "TDKT.THUONG", "5", "\"Cờ thi đua\""), "unit")
        .andExpect(jsonPath("$.detail").value(containsString("not a member")));
    refused(item("NOPE", "TDKT.THUONG", "5", "\"Cờ thi đua\""), "unit");
    assertThat(rows()).isEqualTo(before);
  }

  @Test
  void pointsOfZeroOrLessAreRefused() throws Exception {
    String before = rows();
    for (String points : new String[] {"0", "-3", "null"}) {
      refused(item("KT", "TDKT.TRU", points, "\"Nộp báo cáo chậm\""), "points");
    }
    assertThat(rows()).isEqualTo(before);
  }

  @Test
  void aBlankReasonIsRefused() throws Exception {
    String before = rows();
    for (String reason : new String[] {"\"\"", "\"   \"", "null"}) {
      refused(item("KT", "TDKT.TRU", "2", reason), "reason");
    }
    assertThat(rows()).isEqualTo(before);
  }
}
