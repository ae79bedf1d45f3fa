package org.laurel.reward;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.laurel.access.Access;
import org.laurel.organisation.UnitCommands.NewUnit;
import org.laurel.organisation.UnitKind;
import org.laurel.organisation.Units;
import org.laurel.reward.InitiativeSource.Recognised;
import org.laurel.reward.RuleSet.InitiativeLevel;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A small world for rule tests, written inside the test's transaction: a fresh unit, people,
 * awards, disciplines, and the initiatives a test source reports.
 */
final class RuleWorld implements InitiativeSource {

  private static final AtomicInteger SEQ = new AtomicInteger();

  final JdbcClient jdbc;
  final String unitCode;
  final long unitId;
  final Map<Long, List<Recognised>> initiatives = new HashMap<>();

  RuleWorld(JdbcClient jdbc, Units units) {
    this.jdbc = jdbc;
    this.unitCode = "RWT" + SEQ.incrementAndGet();
    String[] holder = new String[1];
    Access.runAsSystem(
        "test",
        () ->
            holder[0] =
                Long.toString(
                    units
                        .create(
                            new NewUnit(
                                unitCode,
                                "Xã thử " + unitCode,
                                UnitKind.COMMUNE,
                                "HD",
                                LocalDate.of(2010, 1, 1)))
                        .id()));
    this.unitId = Long.parseLong(holder[0]);
  }

  long person(String name) {
    return jdbc.sql(
            "insert into person(unit_id, full_name, active) values (?, ?, true) returning id")
        .params(unitId, name)
        .query(Long.class)
        .single();
  }

  RuleWorld personAward(long person, String code, int... years) {
    for (int y : years) {
      jdbc.sql(
              """
              insert into award(recipient, person_id, unit_id, award_code, year, source)
              values ('INDIVIDUAL', ?, ?, ?, ?, 'IMPORTED')""")
          .params(person, unitId, code, y)
          .update();
    }
    return this;
  }

  RuleWorld unitAward(String code, int... years) {
    for (int y : years) {
      jdbc.sql(
              """
              insert into award(recipient, unit_id, award_code, year, source)
              values ('COLLECTIVE', ?, ?, ?, 'IMPORTED')""")
          .params(unitId, code, y)
          .update();
    }
    return this;
  }

  RuleWorld householdAward(String household, String code, int year) {
    jdbc.sql(
            """
            insert into award(recipient, unit_id, household_name, award_code, year, source)
            values ('HOUSEHOLD', ?, ?, ?, ?, 'IMPORTED')""")
        .params(unitId, household, code, year)
        .update();
    return this;
  }

  /** {@code n} other people of the unit with {@code code} in {@code year}. */
  RuleWorld others(String code, int year, int n) {
    for (int i = 0; i < n; i++) {
      personAward(person("Người khác " + i), code, year);
    }
    return this;
  }

  RuleWorld discipline(Long person, LocalDate day) {
    jdbc.sql(
            "insert into discipline(person_id, unit_id, form, decided_on) values (?, ?, 'Khiển trách', ?)")
        .params(person, unitId, java.sql.Date.valueOf(day))
        .update();
    return this;
  }

  RuleWorld initiative(long person, InitiativeLevel level, LocalDate day) {
    initiatives
        .computeIfAbsent(person, k -> new ArrayList<>())
        .add(new Recognised("Sáng kiến " + day, level, day));
    return this;
  }

  @Override
  public List<Recognised> recognisedFor(long personId, LocalDate from, LocalDate to) {
    return initiatives.getOrDefault(personId, List.of()).stream()
        .filter(i -> !i.decisionDate().isBefore(from) && !i.decisionDate().isAfter(to))
        .toList();
  }
}
