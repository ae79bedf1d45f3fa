package org.laurel.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.laurel.support.LaurelTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tampering with plain SQL, as someone with database access could. Each test rolls back, so the
 * shared log stays intact for the others.
 */
@LaurelTest
@Transactional
class AuditChainTest {

  @Autowired AuditChain chain;
  @Autowired AuditCommand command;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;

  long entries;

  @BeforeEach
  void demoDataWasAudited() {
    AuditChain.Verification v = chain.verify();
    assertThat(v.valid()).isTrue();
    entries = v.entries();
    assertThat(entries).isGreaterThan(100);
  }

  @Test
  void reportsAnIntactChainThroughTheApi() throws Exception {
    mvc.perform(get("/api/v1/audit/verify").with(httpBasic("secretariat", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.valid").value(true))
        .andExpect(jsonPath("$.firstBrokenEntry").doesNotExist());
  }

  @Test
  void refusesUpdateAndDeleteThroughItsTrigger() {
    assertThatThrownBy(() -> jdbc.sql("update audit_entry set actor = 'x' where seq = 5").update())
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("append-only");
  }

  @Test
  void detectsAnEditedEntry() {
    disableTrigger();
    jdbc.sql("update audit_entry set entity_id = entity_id || 'x' where seq = 40").update();
    jdbc.sql("update audit_entry set actor = 'someone-else' where seq = 60").update();

    AuditChain.Verification v = chain.verify();

    assertThat(v.valid()).isFalse();
    assertThat(v.firstBrokenEntry()).isEqualTo(40L);
  }

  @Test
  void detectsAnEntryEditedTogetherWithItsOwnHash() {
    disableTrigger();
    // a careful forger recomputes the entry's hash too; the next entry's link then breaks
    jdbc.sql("update audit_entry set actor = 'forger', hash = repeat('a', 64) where seq = 50")
        .update();

    assertThat(chain.verify().firstBrokenEntry()).isEqualTo(50L);
  }

  @Test
  void detectsADeletedEntry() {
    disableTrigger();
    jdbc.sql("delete from audit_entry where seq = 70").update();

    AuditChain.Verification v = chain.verify();

    assertThat(v.valid()).isFalse();
    assertThat(v.firstBrokenEntry()).isEqualTo(71L);
    assertThat(v.entries()).isEqualTo(entries - 1);
  }

  @Test
  void detectsEntriesCutOffTheEnd() {
    disableTrigger();
    jdbc.sql("delete from audit_entry where seq > ?").param(entries - 3).update();

    AuditChain.Verification v = chain.verify();

    assertThat(v.valid()).isFalse();
    assertThat(v.firstBrokenEntry()).isEqualTo(entries - 2);
  }

  @Test
  void commandLineVerbPrintsTheVerdictAndExitCode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(command.verify(new PrintStream(out, true, StandardCharsets.UTF_8))).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("intact");

    disableTrigger();
    jdbc.sql("delete from audit_entry where seq = 3").update();
    out.reset();
    assertThat(command.verify(new PrintStream(out, true, StandardCharsets.UTF_8))).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("BROKEN").contains("#4");
  }

  private void disableTrigger() {
    jdbc.sql("alter table audit_entry disable trigger audit_entry_no_update").update();
  }
}
