package org.laurel.organisation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.laurel.access.Access;
import org.laurel.audit.AuditLog;
import org.laurel.organisation.PersonView.Gender;
import org.laurel.shared.ConflictException;
import org.laurel.shared.InvalidInputException;
import org.laurel.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The registry of individuals. A unit's reporter keeps their own unit's people; the secretariat
 * keeps everyone's.
 */
@Service
@Validated
public class People {

  public record PersonForm(
      @NotBlank String unitCode,
      @NotBlank @Size(max = 200) String fullName,
      @Nullable @Size(max = 200) String position,
      @Nullable Gender gender,
      @Nullable @Past LocalDate birthDate,
      boolean active,
      @PositiveOrZero int version) {

    public static PersonForm of(String unit, String name, @Nullable String position, Gender g) {
      return new PersonForm(unit, name, position, g, null, true, 0);
    }
  }

  private static final String SELECT =
      "select p.*, u.code as unit_code, u.name as unit_name from person p join unit u on u.id = p.unit_id ";

  private final JdbcClient jdbc;
  private final Units units;
  private final Access access;
  private final AuditLog audit;

  People(JdbcClient jdbc, Units units, Access access, AuditLog audit) {
    this.jdbc = jdbc;
    this.units = units;
    this.access = access;
    this.audit = audit;
  }

  @Transactional(readOnly = true)
  public PersonView get(long id) {
    return find(id).orElseThrow(() -> new NotFoundException("error.person.notFound", id));
  }

  @Transactional(readOnly = true)
  public Optional<PersonView> find(long id) {
    return jdbc.sql(SELECT + "where p.id = ?").param(id).query(People::map).optional();
  }

  /** People by id in one query; unknown ids are left out. */
  @Transactional(readOnly = true)
  public java.util.Map<Long, PersonView> findAll(java.util.Collection<Long> ids) {
    java.util.Map<Long, PersonView> out = new java.util.HashMap<>();
    if (!ids.isEmpty()) {
      jdbc.sql(SELECT + "where p.id = any(?)")
          .param(ids.toArray(Long[]::new))
          .query(People::map)
          .list()
          .forEach(p -> out.put(p.id(), p));
    }
    return out;
  }

  /** People of a unit (all units when null), by name. */
  @Transactional(readOnly = true)
  public List<PersonView> list(@Nullable String unitCode, @Nullable String nameContains) {
    return jdbc.sql(
            SELECT
                + """
                where (cast(:unit as text) is null or u.code = :unit)
                  and (cast(:q as text) is null or p.full_name ilike '%' || :q || '%')
                order by u.code, p.full_name limit 1000""")
        .param("unit", blankToNull(unitCode))
        .param("q", blankToNull(nameContains))
        .query(People::map)
        .list();
  }

  @Transactional
  public PersonView create(@Valid PersonForm f) {
    UnitView unit = unit(f.unitCode());
    access.requireUnitData(unit.id());
    long id =
        jdbc.sql(
                """
                insert into person(unit_id, full_name, position, gender, birth_date, active)
                values (?, ?, ?, ?, ?, ?) returning id""")
            .params(
                unit.id(),
                f.fullName().trim(),
                blankToNull(f.position()),
                f.gender() == null ? null : f.gender().name(),
                f.birthDate() == null ? null : Date.valueOf(f.birthDate()),
                f.active())
            .query(Long.class)
            .single();
    PersonView created = get(id);
    audit.record("person.created", "person", Long.toString(id), null, created);
    return created;
  }

  @Transactional
  public PersonView update(long id, @Valid PersonForm f) {
    PersonView before = get(id);
    UnitView unit = unit(f.unitCode());
    // both the unit they leave and the unit they join must be the actor's to write
    access.requireUnitData(units.get(before.unitCode()).id());
    access.requireUnitData(unit.id());
    int n =
        jdbc.sql(
                """
                update person set unit_id = ?, full_name = ?, position = ?, gender = ?,
                       birth_date = ?, active = ?, version = version + 1
                where id = ? and version = ?""")
            .params(
                unit.id(),
                f.fullName().trim(),
                blankToNull(f.position()),
                f.gender() == null ? null : f.gender().name(),
                f.birthDate() == null ? null : Date.valueOf(f.birthDate()),
                f.active(),
                id,
                f.version())
            .update();
    if (n == 0) {
      throw ConflictException.staleVersion();
    }
    PersonView after = get(id);
    audit.record("person.updated", "person", Long.toString(id), before, after);
    return after;
  }

  private UnitView unit(String code) {
    return units
        .find(code)
        .orElseThrow(() -> new InvalidInputException("unitCode", "error.unit.unknown", code));
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static PersonView map(ResultSet rs, int n) throws SQLException {
    Date birth = rs.getDate("birth_date");
    String gender = rs.getString("gender");
    return new PersonView(
        rs.getLong("id"),
        rs.getString("unit_code"),
        rs.getString("unit_name"),
        rs.getString("full_name"),
        rs.getString("position"),
        gender == null ? null : Gender.valueOf(gender),
        birth == null ? null : birth.toLocalDate(),
        rs.getBoolean("active"),
        rs.getInt("version"));
  }
}
