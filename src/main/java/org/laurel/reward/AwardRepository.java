package org.laurel.reward;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import org.jspecify.annotations.Nullable;
import org.laurel.reward.AwardRecord.Source;
import org.laurel.reward.AwardType.Recipient;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The award table. Unit codes are resolved by the caller (the unit registry is not ours). */
@Repository
class AwardRepository {

  /** An award row to insert. */
  record Row(
      Recipient recipient,
      @Nullable Long personId,
      long unitId,
      @Nullable String householdName,
      String awardCode,
      int year,
      @Nullable String decisionNumber,
      java.time.@Nullable LocalDate decisionDate,
      Source source,
      @Nullable String achievement) {}

  private final JdbcClient jdbc;

  AwardRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(Row r) {
    return jdbc.sql(
            """
            insert into award(recipient, person_id, unit_id, household_name, award_code, year,
                              decision_number, decision_date, source, achievement)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
        .params(
            r.recipient().name(),
            r.personId(),
            r.unitId(),
            r.householdName(),
            r.awardCode(),
            r.year(),
            r.decisionNumber(),
            r.decisionDate() == null ? null : Date.valueOf(r.decisionDate()),
            r.source().name(),
            r.achievement())
        .query(Long.class)
        .single();
  }

  /** Whether the recipient already has this award for this year. */
  boolean exists(Row r) {
    return jdbc.sql(
            """
            select exists(select 1 from award
            where award_code = :code and year = :year and recipient = :recipient
              and revoked_by_decision is null and superseded_by_decision is null
              and (person_id = cast(:person as bigint) or (cast(:person as bigint) is null and person_id is null))
              and (:recipient = 'INDIVIDUAL' or unit_id = :unit)
              and coalesce(household_name, '') = coalesce(cast(:household as text), ''))""")
        .param("code", r.awardCode())
        .param("year", r.year())
        .param("recipient", r.recipient().name())
        .param("person", r.personId(), java.sql.Types.BIGINT)
        .param("unit", r.unitId())
        .param("household", r.householdName(), java.sql.Types.VARCHAR)
        .query(Boolean.class)
        .single();
  }

  Optional<AwardRecord> find(long id, LongFunction<String> unitCode) {
    return jdbc.sql("select * from award where id = ?")
        .param(id)
        .query(mapper(unitCode))
        .optional();
  }

  List<AwardRecord> ofPerson(long personId, LongFunction<String> unitCode) {
    return jdbc.sql("select * from award where person_id = ? order by year desc, award_code")
        .param(personId)
        .query(mapper(unitCode))
        .list();
  }

  /** Awards to the units as collectives (and households living there when asked), newest first. */
  List<AwardRecord> ofUnits(
      Collection<Long> unitIds, boolean households, LongFunction<String> unitCode) {
    if (unitIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            """
            select * from award where unit_id in (:units)
              and (recipient = 'COLLECTIVE' or (:households and recipient = 'HOUSEHOLD'))
            order by year desc, award_code, id""")
        .param("units", unitIds)
        .param("households", households)
        .query(mapper(unitCode))
        .list();
  }

  /** Individual awards of the people of a unit in a year, by award code: a quota's base. */
  long countIndividuals(long unitId, String awardCode, int year) {
    return jdbc.sql(
            "select count(*) from award where unit_id = ? and award_code = ? and year = ? and person_id is not null")
        .params(unitId, awardCode, year)
        .query(Long.class)
        .single();
  }

  static RowMapper<AwardRecord> mapper(LongFunction<String> unitCode) {
    return (rs, n) -> map(rs, unitCode);
  }

  private static AwardRecord map(ResultSet rs, LongFunction<String> unitCode) throws SQLException {
    long person = rs.getLong("person_id");
    boolean noPerson = rs.wasNull();
    Date decided = rs.getDate("decision_date");
    long unit = rs.getLong("unit_id");
    return new AwardRecord(
        rs.getLong("id"),
        Recipient.valueOf(rs.getString("recipient")),
        noPerson ? null : person,
        unit,
        unitCode.apply(unit),
        rs.getString("household_name"),
        rs.getString("award_code"),
        rs.getInt("year"),
        rs.getString("decision_number"),
        decided == null ? null : decided.toLocalDate(),
        Source.valueOf(rs.getString("source")),
        rs.getString("achievement"),
        standing(rs),
        changedBy(rs));
  }

  private static AwardRecord.Standing standing(ResultSet rs) throws SQLException {
    rs.getLong("revoked_by_decision");
    if (!rs.wasNull()) {
      return AwardRecord.Standing.REVOKED;
    }
    rs.getLong("superseded_by_decision");
    return rs.wasNull() ? AwardRecord.Standing.IN_FORCE : AwardRecord.Standing.SUPERSEDED;
  }

  private static @Nullable Long changedBy(ResultSet rs) throws SQLException {
    long revoked = rs.getLong("revoked_by_decision");
    if (!rs.wasNull()) {
      return revoked;
    }
    long superseded = rs.getLong("superseded_by_decision");
    return rs.wasNull() ? null : superseded;
  }
}
