package org.laurel.organisation;

import static org.assertj.core.api.Assertions.assertThat;
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

/**
 * A failed write leaves nothing behind. Not in a test transaction: each request commits or rolls
 * back on its own, as in production.
 */
@LaurelTest
class AtomicWritesTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;

  ResultActions send(String path, String json) throws Exception {
    return mvc.perform(
        post(path)
            .with(httpBasic("secretariat", "demo"))
            .header("Accept-Language", "en")
            .contentType(MediaType.APPLICATION_JSON)
            .content(json));
  }

  @Test
  void aSplitRejectedAfterCreatingItsNewUnitsLeavesNoUnitNoLineageAndNoAuditEntry()
      throws Exception {
    send(
            "/api/v1/units",
            "{\"code\":\"AW.C\",\"name\":\"Xã AW\",\"kind\":\"COMMUNE\",\"parentCode\":\"HP\",\"validFrom\":\"2025-07-01\"}")
        .andExpect(status().isCreated());
    long units = count("unit");
    long reorgs = count("reorganisation");
    long audit = count("audit_entry");

    send(
            "/api/v1/reorganisations",
            """
            {"kind":"SPLIT","effectiveDate":"2026-01-01",
             "newUnits":[{"code":"AW.A","name":"A","kind":"COMMUNE","parentCode":"HP","validFrom":"2026-01-01"},
                         {"code":"AW.B","name":"B","kind":"COMMUNE","parentCode":"HP","validFrom":"2026-01-01"}],
             "links":[{"predecessor":"AW.C","successor":"AW.A","share":0.5},
                      {"predecessor":"AW.C","successor":"AW.B","share":0.4}]}""")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("links"))
        .andExpect(
            jsonPath("$.detail")
                .value("Unit AW.C ends, so its shares must add up to 1; they add up to 0.9."));

    assertThat(count("unit")).isEqualTo(units);
    assertThat(count("reorganisation")).isEqualTo(reorgs);
    assertThat(count("audit_entry")).isEqualTo(audit);
  }

  @Test
  void aBlocWithAnUnknownMemberIsNotCreatedAtAll() throws Exception {
    long blocs = count("bloc");
    long audit = count("audit_entry");
    send(
            "/api/v1/blocs",
            """
            {"code":"AW-BLOC","name":"Khối","year":2024,"memberCodes":["TK","NOPE"],"headCode":"TK","deputyCode":"NOPE"}""")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("memberCodes[1]"));
    assertThat(count("bloc")).isEqualTo(blocs);
    assertThat(count("audit_entry")).isEqualTo(audit);
  }

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }
}
