package org.laurel.indicator;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ReportRepository {

  record Row(
      long id,
      long unitId,
      String period,
      ReportView.Status status,
      ReportView.Source source,
      @Nullable Instant submittedAt,
      @Nullable String submittedBy,
      @Nullable Instant decidedAt,
      @Nullable String decidedBy,
      @Nullable String reason,
      boolean reopened,
      int version) {}

  record Value(BigDecimal value, @Nullable String comment) {}

  private final JdbcClient jdbc;

  ReportRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Row> find(long unitId, String period) {
    return jdbc.sql("select * from report where unit_id = ? and period = ?")
        .params(unitId, period)
        .query(ReportRepository::map)
        .optional();
  }

  /**
   * A new report starts at version 1: version 0 is "no report yet", so of two people who opened the
   * same empty form, the second to save gets the conflict instead of overwriting the first.
   */
  long insertDraft(long unitId, Period p) {
    return jdbc.sql(
            """
            insert into report(unit_id, period, year, end_month, status, version)
            values (?, ?, ?, ?, 'DRAFT', 1)
            returning id""")
        .params(unitId, p.toString(), p.year(), p.endMonth())
        .query(Long.class)
        .single();
  }

  /** Values by indicator id. */
  Map<Long, Value> values(long reportId) {
    Map<Long, Value> out = new HashMap<>();
    jdbc.sql("select indicator_id, value, comment from report_value where report_id = ?")
        .param(reportId)
        .query(
            rs -> {
              out.put(rs.getLong(1), new Value(rs.getBigDecimal(2), rs.getString(3)));
            });
    return out;
  }

  void replaceValues(long reportId, Map<Long, Value> values) {
    jdbc.sql("delete from report_value where report_id = ?").param(reportId).update();
    for (var e : values.entrySet()) {
      jdbc.sql(
              "insert into report_value(report_id, indicator_id, value, comment) values (?, ?, ?, ?)")
          .params(reportId, e.getKey(), e.getValue().value(), e.getValue().comment())
          .update();
    }
  }

  /** Moves the report on if its version still matches; false when someone else was quicker. */
  boolean transition(
      long id,
      int version,
      ReportView.Status to,
      @Nullable String actor,
      @Nullable String reason,
      boolean submitted,
      boolean reopened) {
    return jdbc.sql(
                """
                update report set status = ?, reason = ?, reopened = ?,
                       submitted_at = case when ? then now() else submitted_at end,
                       submitted_by = case when ? then ? else submitted_by end,
                       decided_at = case when ? then decided_at else now() end,
                       decided_by = case when ? then decided_by else ? end,
                       version = version + 1
                where id = ? and version = ?""")
            .params(
                to.name(), reason, reopened, submitted, submitted, actor, submitted, submitted,
                actor, id, version)
            .update()
        == 1;
  }

  boolean touch(long id, int version) {
    return jdbc.sql("update report set version = version + 1 where id = ? and version = ?")
            .params(id, version)
            .update()
        == 1;
  }

  /**
   * The largest value of the indicator that the unit reported, submitted or accepted, for an
   * earlier period of the same year: year-to-date figures may not fall below it.
   */
  Optional<Object[]> earlierYearToDate(long unitId, long indicatorId, Period p) {
    return jdbc.sql(
            """
            select r.period, v.value from report r join report_value v on v.report_id = r.id
            where r.unit_id = ? and v.indicator_id = ? and r.year = ? and r.end_month < ?
              and r.status in ('SUBMITTED', 'ACCEPTED')
            order by v.value desc limit 1""")
        .params(unitId, indicatorId, p.year(), p.endMonth())
        .query((rs, n) -> new Object[] {rs.getString(1), rs.getBigDecimal(2)})
        .optional();
  }

  /** The unit's reports of a year, with how many values each holds. */
  java.util.List<Reports.Summary> list(long unitId, int year) {
    return jdbc.sql(
            """
            select r.period, r.status, r.source, r.version,
                   (select count(*) from report_value v where v.report_id = r.id) as n
            from report r where r.unit_id = ? and r.year = ?""")
        .params(unitId, year)
        .query(
            (rs, n) ->
                new Reports.Summary(
                    rs.getString("period"),
                    ReportView.Status.valueOf(rs.getString("status")),
                    ReportView.Source.valueOf(rs.getString("source")),
                    rs.getInt("n"),
                    rs.getInt("version")))
        .list();
  }

  /** The earliest deadline of the period among the blocs the unit belongs to that year. */
  Optional<LocalDate> dueDate(long unitId, Period p) {
    return jdbc.sql(
            """
            select min(d.due_date) from report_deadline d
            join bloc b on b.id = d.bloc_id join bloc_member m on m.bloc_id = b.id
            where m.unit_id = ? and d.period = ?""")
        .params(unitId, p.toString())
        .query((rs, n) -> rs.getDate(1))
        .optional()
        .filter(d -> d != null)
        .map(Date::toLocalDate);
  }

  void setDeadline(long blocId, String period, LocalDate due) {
    jdbc.sql(
            """
            insert into report_deadline(bloc_id, period, due_date) values (?, ?, ?)
            on conflict (bloc_id, period) do update set due_date = excluded.due_date""")
        .params(blocId, period, Date.valueOf(due))
        .update();
  }

  private static @Nullable Instant instant(ResultSet rs, String col) throws SQLException {
    Timestamp t = rs.getTimestamp(col);
    return t == null ? null : t.toInstant();
  }

  static Row map(ResultSet rs, int n) throws SQLException {
    return new Row(
        rs.getLong("id"),
        rs.getLong("unit_id"),
        rs.getString("period"),
        ReportView.Status.valueOf(rs.getString("status")),
        ReportView.Source.valueOf(rs.getString("source")),
        instant(rs, "submitted_at"),
        rs.getString("submitted_by"),
        instant(rs, "decided_at"),
        rs.getString("decided_by"),
        rs.getString("reason"),
        rs.getBoolean("reopened"),
        rs.getInt("version"));
  }
}
