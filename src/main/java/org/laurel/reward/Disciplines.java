package org.laurel.reward;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.laurel.access.Access;
import org.laurel.audit.AuditLog;
import org.laurel.organisation.People;
import org.laurel.organisation.PersonView;
import org.laurel.organisation.Units;
import org.laurel.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Discipline decisions (kỷ luật) against a person or a collective: a period with one bars the
 * titles whose rules say "no discipline". The unit's officer records their own unit's.
 */
@Service
@Validated
public class Disciplines {

  /** A person (personId) or a collective (unitCode) disciplined on a day. */
  public record NewDiscipline(
      @Nullable Long personId,
      @Nullable @Size(max = 40) String unitCode,
      @NotBlank @Size(max = 100) String form,
      @NotNull LocalDate decidedOn,
      @Nullable @Size(max = 100) String reference) {}

  public record Discipline(
      long id,
      @Nullable Long personId,
      long unitId,
      String form,
      LocalDate decidedOn,
      @Nullable String reference) {}

  private final JdbcClient jdbc;
  private final People people;
  private final Units units;
  private final Access access;
  private final AuditLog audit;

  Disciplines(JdbcClient jdbc, People people, Units units, Access access, AuditLog audit) {
    this.jdbc = jdbc;
    this.people = people;
    this.units = units;
    this.access = access;
    this.audit = audit;
  }

  @Transactional
  public Discipline record(@Valid NewDiscipline cmd) {
    Long personId = cmd.personId();
    long unitId;
    if (personId != null) {
      PersonView p =
          people
              .find(personId)
              .orElseThrow(
                  () -> new InvalidInputException("personId", "error.person.notFound", personId));
      unitId = units.get(p.unitCode()).id();
    } else if (cmd.unitCode() != null && !cmd.unitCode().isBlank()) {
      unitId =
          units
              .find(cmd.unitCode())
              .orElseThrow(
                  () -> new InvalidInputException("unitCode", "error.unit.unknown", cmd.unitCode()))
              .id();
    } else {
      throw new InvalidInputException("personId", "error.award.personRequired");
    }
    access.requireUnitData(unitId);
    long id =
        jdbc.sql(
                """
                insert into discipline(person_id, unit_id, form, decided_on, reference)
                values (?, ?, ?, ?, ?) returning id""")
            .params(
                personId,
                unitId,
                cmd.form().trim(),
                Date.valueOf(cmd.decidedOn()),
                AwardHistory.blank(cmd.reference()))
            .query(Long.class)
            .single();
    Discipline d =
        new Discipline(
            id,
            personId,
            unitId,
            cmd.form().trim(),
            cmd.decidedOn(),
            AwardHistory.blank(cmd.reference()));
    audit.record("discipline.recorded", "discipline", Long.toString(id), null, d);
    return d;
  }

  /** Disciplines of people (by person id) decided between two days, inclusive. */
  List<Discipline> ofPeople(Collection<Long> personIds, LocalDate from, LocalDate to) {
    if (personIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            """
            select * from discipline where person_id in (:ids)
              and decided_on between :from and :to order by decided_on""")
        .param("ids", personIds)
        .param("from", Date.valueOf(from))
        .param("to", Date.valueOf(to))
        .query(Disciplines::map)
        .list();
  }

  /** Disciplines of collectives (by unit id) decided between two days, inclusive. */
  List<Discipline> ofUnits(Collection<Long> unitIds, LocalDate from, LocalDate to) {
    if (unitIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            """
            select * from discipline where person_id is null and unit_id in (:ids)
              and decided_on between :from and :to order by decided_on""")
        .param("ids", unitIds)
        .param("from", Date.valueOf(from))
        .param("to", Date.valueOf(to))
        .query(Disciplines::map)
        .list();
  }

  private static Discipline map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    long person = rs.getLong("person_id");
    boolean none = rs.wasNull();
    return new Discipline(
        rs.getLong("id"),
        none ? null : person,
        rs.getLong("unit_id"),
        rs.getString("form"),
        rs.getDate("decided_on").toLocalDate(),
        rs.getString("reference"));
  }
}
