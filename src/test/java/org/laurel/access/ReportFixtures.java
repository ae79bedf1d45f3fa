package org.laurel.access;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reports the matrix acts on, committed once: a complete draft of 2024-Q2 (to submit) for MX.A and
 * MX.B, and a submitted 2024-Q3 (to accept, return, reopen) for MX.A and for MX.C, which no matrix
 * bloc contains.
 */
final class ReportFixtures {
  private ReportFixtures() {}

  private static volatile boolean done;

  static final String REQUIRED =
      "('BUDGET_REVENUE',100),('INDUSTRIAL_OUTPUT',200),('AGRICULTURAL_OUTPUT',50),"
          + "('DOSSIERS_ON_TIME',97),('COMPLAINTS_RESOLVED',90),('POVERTY_RATE',2),"
          + "('SOCIAL_INSURANCE',35)";

  static synchronized void ensure(JdbcClient jdbc, PlatformTransactionManager tx) {
    if (done) {
      return;
    }
    TransactionTemplate t = new TransactionTemplate(tx);
    t.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
    t.executeWithoutResult(
        s -> {
          report(jdbc, "MX.A", "2024-Q2", 6, "DRAFT");
          report(jdbc, "MX.B", "2024-Q2", 6, "DRAFT");
          report(jdbc, "MX.A", "2024-Q3", 9, "SUBMITTED");
          report(jdbc, "MX.C", "2024-Q3", 9, "SUBMITTED");
        });
    done = true;
  }

  private static void report(
      JdbcClient jdbc, String unit, String period, int endMonth, String status) {
    long id =
        jdbc.sql(
                """
                insert into report(unit_id, period, year, end_month, status)
                select id, ?, 2024, ?, ? from unit where code = ? returning id""")
            .params(period, endMonth, status, unit)
            .query(Long.class)
            .single();
    jdbc.sql(
            "insert into report_value(report_id, indicator_id, value) select ?, i.id, v.value"
                + " from (values "
                + REQUIRED
                + ") v(code, value) join indicator i on i.code = v.code")
        .param(id)
        .update();
  }
}
