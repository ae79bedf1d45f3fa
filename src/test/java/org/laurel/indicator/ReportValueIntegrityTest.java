package org.laurel.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.laurel.support.LaurelTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * report_value's references are checked per statement (V5_6), not by row-level foreign keys: the
 * database must still refuse every orphan, whichever way it is written.
 */
@LaurelTest
class ReportValueIntegrityTest {

  @Autowired JdbcClient jdbc;

  long anyReport() {
    return jdbc.sql("select min(id) from report").query(Long.class).single();
  }

  long anyIndicator() {
    return jdbc.sql("select min(id) from indicator").query(Long.class).single();
  }

  long values() {
    return jdbc.sql("select count(*) from report_value").query(Long.class).single();
  }

  @Test
  void refusesAValueOfAReportThatDoesNotExist() {
    long before = values();
    assertThatThrownBy(
            () ->
                jdbc.sql(
                        "insert into report_value(report_id, indicator_id, value) values (?, ?, 1)")
                    .params(-1L, anyIndicator())
                    .update())
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("report that does not exist");
    assertThat(values()).isEqualTo(before);
  }

  @Test
  void refusesAValueOfAnIndicatorThatDoesNotExistEvenAmongGoodRows() {
    long before = values();
    long report = anyReport();
    // one bad row in a many-row statement: the whole statement goes
    assertThatThrownBy(
            () ->
                jdbc.sql(
                        """
                        insert into report_value(report_id, indicator_id, value)
                        select ?, i.id, 1 from indicator i
                        where not exists (select 1 from report_value v
                                          where v.report_id = ? and v.indicator_id = i.id)
                        union all select ?, -7, 1""")
                    .params(report, report, report)
                    .update())
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("indicator that does not exist");
    assertThat(values()).isEqualTo(before);
  }

  @Test
  void refusesToMoveAValueToAReportThatDoesNotExist() {
    long report = jdbc.sql("select report_id from report_value limit 1").query(Long.class).single();
    assertThatThrownBy(
            () ->
                jdbc.sql("update report_value set report_id = -1 where report_id = ?")
                    .param(report)
                    .update())
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("report that does not exist");
    assertThat(
            jdbc.sql("select count(*) from report_value where report_id = ?")
                .param(report)
                .query(Long.class)
                .single())
        .isPositive();
  }

  @Test
  void neverDeletesReportsOrIndicators() {
    long report = anyReport();
    assertThatThrownBy(() -> jdbc.sql("delete from report where id = ?").param(report).update())
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("never deleted");
    assertThatThrownBy(
            () -> jdbc.sql("delete from indicator where id = ?").param(anyIndicator()).update())
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("never deleted");
    assertThat(
            jdbc.sql("select count(*) from report where id = ?")
                .param(report)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }
}
