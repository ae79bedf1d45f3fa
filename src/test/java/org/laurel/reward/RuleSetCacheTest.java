package org.laurel.reward;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.laurel.support.LaurelTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The rule sets kept between checks notice every new version, whatever its row id. */
@LaurelTest
class RuleSetCacheTest {

  private static final java.time.LocalDate FAR = java.time.LocalDate.of(2100, 1, 1);

  @Autowired RuleSets ruleSets;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager txManager;

  @Test
  void seesAVersionCommittedWithALowerIdThanOneAlreadyRead() {
    TransactionTemplate tx = new TransactionTemplate(txManager);
    tx.executeWithoutResult(
        status -> {
          int latest = ruleSets.inForce("LDTT", FAR).orElseThrow().version();
          // ids are handed out at insert and may commit out of order: one below every id read
          jdbc.sql(
                  """
                  insert into rule_set(id, award_code, version, effective_from, legal_basis,
                                       definition, note, created_by)
                  select -1, award_code, version + 1, effective_from, legal_basis, definition,
                         'committed late', 'test'
                  from rule_set where award_code = 'LDTT' and version = ?""")
              .param(latest)
              .update();
          assertThat(ruleSets.inForce("LDTT", FAR).orElseThrow().version()).isEqualTo(latest + 1);
          status.setRollbackOnly();
        });
    // and the rolled-back version is gone again at the next check
    assertThat(ruleSets.inForce("LDTT", FAR).orElseThrow().note()).isNotEqualTo("committed late");
  }
}
