package org.laurel.movement;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.laurel.access.Access;
import org.laurel.access.Actor;
import org.laurel.audit.AuditLog;
import org.laurel.indicator.Summaries;
import org.laurel.movement.MovementView.Ref;
import org.laurel.movement.RegistrationView.Entrant;
import org.laurel.movement.RegistrationView.Target;
import org.laurel.organisation.People;
import org.laurel.organisation.PersonView;
import org.laurel.organisation.UnitView;
import org.laurel.organisation.Units;
import org.laurel.shared.ConflictException;
import org.laurel.shared.InvalidInputException;
import org.laurel.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Registrations (đăng ký thi đua). A unit in the movement's scope registers once, while the
 * movement is launched or under way and before its registration deadline; after the deadline only
 * while the secretariat has reopened registration for that unit.
 */
@Service
@Validated
public class Registrations {

  public record TargetForm(
      @NotBlank @Size(max = 60) String indicatorCode,
      @NotNull @DecimalMin("0") BigDecimal target) {}

  public record EntrantForm(@NotNull Long personId, @NotBlank @Size(max = 100) String title) {}

  /** A registration as entered; {@code version} is 0 for a new one. */
  public record RegistrationForm(
      @NotBlank String unitCode,
      @Nullable @Size(max = 20)
          List<@Pattern(regexp = "^[A-Z0-9][A-Z0-9_]{0,39}$", message = "{validation.code}") String>
              titles,
      @Nullable @Size(max = 50) List<@Valid TargetForm> targets,
      @Nullable @Size(max = 500) List<@Valid EntrantForm> people,
      @Nullable @Size(max = 2000) String note,
      @PositiveOrZero int version) {}

  public record Reopen(@NotNull LocalDate openUntil, @NotBlank @Size(max = 2000) String reason) {}

  /** A unit expected to register, and whether it has. */
  public record Participant(
      String unitCode,
      String unitName,
      boolean registered,
      @Nullable LocalDate reopenedUntil,
      int titles,
      int targets,
      int people) {}

  private final JdbcClient jdbc;
  private final Movements movements;
  private final Units units;
  private final People people;
  private final Summaries indicators;
  private final Access access;
  private final AuditLog audit;
  private final Clock clock;

  Registrations(
      JdbcClient jdbc,
      Movements movements,
      Units units,
      People people,
      Summaries indicators,
      Access access,
      AuditLog audit,
      Clock clock) {
    this.jdbc = jdbc;
    this.movements = movements;
    this.units = units;
    this.people = people;
    this.indicators = indicators;
    this.access = access;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public List<RegistrationView> list(long movementId) {
    movements.get(movementId);
    return views(
        jdbc.sql("select id from registration where movement_id = ? order by id")
            .param(movementId)
            .query(Long.class)
            .list());
  }

  @Transactional(readOnly = true)
  public RegistrationView get(long movementId, String unitCode) {
    UnitView unit = units.find(unitCode).orElse(null);
    return (unit == null ? java.util.Optional.<Long>empty() : id(movementId, unit.id()))
        .map(this::view)
        .orElseThrow(
            () -> new NotFoundException("error.registration.notFound", unitCode, movementId));
  }

  @Transactional
  public RegistrationView register(long movementId, @Valid RegistrationForm f) {
    MovementView m = movements.get(movementId);
    UnitView unit = unit(f.unitCode());
    Actor actor = access.requireUnitData(unit.id());
    Checked c = check(m, unit, f);
    if (id(movementId, unit.id()).isPresent()) {
      throw new ConflictException("error.registration.duplicate", unit.name(), m.code());
    }
    long id =
        jdbc.sql(
                """
                insert into registration(movement_id, unit_id, titles, note, registered_by)
                values (?, ?, ?, ?, ?) returning id""")
            .params(
                movementId,
                unit.id(),
                c.titles(),
                Initiatives.blankToNull(f.note()),
                actor.username())
            .query(Long.class)
            .single();
    children(id, f);
    RegistrationView created = view(id);
    audit.record("registration.created", "registration", Long.toString(id), null, created);
    return created;
  }

  @Transactional
  public RegistrationView change(long movementId, String unitCode, @Valid RegistrationForm f) {
    MovementView m = movements.get(movementId);
    RegistrationView before = get(movementId, unitCode);
    UnitView unit = units.get(before.unitCode());
    access.requireUnitData(unit.id());
    if (!f.unitCode().trim().equals(unitCode)) {
      throw new InvalidInputException("unitCode", "error.registration.otherUnit", f.unitCode());
    }
    Checked c = check(m, unit, f);
    int n =
        jdbc.sql(
                """
                update registration set titles = ?, note = ?, version = version + 1
                where id = ? and version = ?""")
            .params(c.titles(), Initiatives.blankToNull(f.note()), before.id(), f.version())
            .update();
    if (n == 0) {
      throw ConflictException.staleVersion();
    }
    jdbc.sql("delete from registration_target where registration_id = ?")
        .param(before.id())
        .update();
    jdbc.sql("delete from registration_person where registration_id = ?")
        .param(before.id())
        .update();
    children(before.id(), f);
    RegistrationView after = view(before.id());
    audit.record("registration.changed", "registration", Long.toString(before.id()), before, after);
    return after;
  }

  /** The secretariat lets a unit register (or change) after the deadline, until a date. */
  @Transactional
  public void reopen(long movementId, String unitCode, @Valid Reopen r) {
    access.requireSecretariat();
    MovementView m = movements.get(movementId);
    UnitView unit = unit(unitCode);
    if (!m.status().open()) {
      throw new ConflictException("error.registration.notOpen", m.code(), m.status());
    }
    if (r.openUntil().isBefore(LocalDate.now(clock))) {
      throw new InvalidInputException("openUntil", "error.registration.reopenPast", r.openUntil());
    }
    if (r.openUntil().isAfter(m.endsOn())) {
      throw new InvalidInputException(
          "openUntil", "error.movement.deadlineAfterEnd", r.openUntil());
    }
    if (!movements.inScope(m, unit.id())) {
      throw new InvalidInputException(
          "unitCode", "error.registration.outOfScope", unit.name(), m.code());
    }
    jdbc.sql(
            """
            insert into registration_reopening(movement_id, unit_id, open_until, reason, reopened_by)
            values (?, ?, ?, ?, ?)
            on conflict (movement_id, unit_id) do update
              set open_until = excluded.open_until, reason = excluded.reason,
                  reopened_by = excluded.reopened_by, reopened_at = now()""")
        .params(
            movementId,
            unit.id(),
            Date.valueOf(r.openUntil()),
            r.reason().trim(),
            Access.current().username())
        .update();
    audit.record(
        "registration.reopened",
        "movement",
        Long.toString(movementId),
        null,
        Map.of("unit", unit.code(), "openUntil", r.openUntil().toString(), "reason", r.reason()));
  }

  /** Who has and has not registered, in the order of the scope. */
  @Transactional(readOnly = true)
  public List<Participant> participation(long movementId) {
    MovementView m = movements.get(movementId);
    // counts only, in one query: the page and the portal need no registration's details
    Map<Long, int[]> byUnit = new HashMap<>();
    jdbc.sql(
            """
            select r.unit_id, cardinality(r.titles),
                   (select count(*) from registration_target t where t.registration_id = r.id),
                   (select count(*) from registration_person p where p.registration_id = r.id)
            from registration r where r.movement_id = ?""")
        .param(movementId)
        .query(
            rs -> {
              byUnit.put(rs.getLong(1), new int[] {rs.getInt(2), rs.getInt(3), rs.getInt(4)});
            });
    Map<Long, LocalDate> reopened = new HashMap<>();
    jdbc.sql("select unit_id, open_until from registration_reopening where movement_id = ?")
        .param(movementId)
        .query(
            rs -> {
              reopened.put(rs.getLong(1), rs.getDate(2).toLocalDate());
            });
    List<Participant> out = new ArrayList<>();
    Set<Long> listed = new HashSet<>();
    for (Ref u : movements.expectedRegistrants(m)) {
      listed.add(u.id());
      out.add(participant(u.code(), u.name(), byUnit.get(u.id()), reopened.get(u.id())));
    }
    // units below a scope unit that registered without being listed themselves
    for (var e : byUnit.entrySet()) {
      if (!listed.contains(e.getKey())) {
        UnitView u = units.findById(e.getKey()).orElseThrow();
        out.add(participant(u.code(), u.name(), e.getValue(), reopened.get(e.getKey())));
      }
    }
    return out;
  }

  /** {@code counts}: titles, targets and people of the unit's registration; null if none. */
  private static Participant participant(
      String code, String name, int @Nullable [] counts, @Nullable LocalDate reopened) {
    return new Participant(
        code,
        name,
        counts != null,
        reopened,
        counts == null ? 0 : counts[0],
        counts == null ? 0 : counts[1],
        counts == null ? 0 : counts[2]);
  }

  /** Whether the unit may register now: the deadline has not passed, or it was reopened. */
  @Transactional(readOnly = true)
  public boolean openFor(MovementView m, long unitId) {
    LocalDate today = LocalDate.now(clock);
    if (m.registrationDeadline() == null || !today.isAfter(m.registrationDeadline())) {
      return true;
    }
    return jdbc.sql(
                """
                select count(*) from registration_reopening
                where movement_id = ? and unit_id = ? and open_until >= ?""")
            .params(m.id(), unitId, Date.valueOf(today))
            .query(Long.class)
            .single()
        > 0;
  }

  record Checked(String[] titles) {}

  private Checked check(MovementView m, UnitView unit, RegistrationForm f) {
    if (!m.status().open()) {
      throw new ConflictException("error.registration.notOpen", m.code(), m.status());
    }
    if (!movements.inScope(m, unit.id())) {
      throw new InvalidInputException(
          "unitCode", "error.registration.outOfScope", unit.name(), m.code());
    }
    if (!openFor(m, unit.id())) {
      throw new ConflictException(
          "error.registration.pastDeadline", m.code(), m.registrationDeadline());
    }
    List<String> titles =
        f.titles() == null ? List.of() : f.titles().stream().map(String::trim).distinct().toList();
    List<TargetForm> targets = f.targets() == null ? List.of() : f.targets();
    List<EntrantForm> entrants = f.people() == null ? List.of() : f.people();
    if (titles.isEmpty() && targets.isEmpty() && entrants.isEmpty()) {
      throw new InvalidInputException("titles", "error.registration.empty");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < targets.size(); i++) {
      String code = targets.get(i).indicatorCode().trim();
      if (indicators.indicator(code).isEmpty()) {
        throw new InvalidInputException(
            "targets[" + i + "].indicatorCode", "error.movement.unknownIndicator", code);
      }
      if (!seen.add(code)) {
        throw new InvalidInputException(
            "targets[" + i + "].indicatorCode", "error.registration.duplicateTarget", code);
      }
    }
    if (!entrants.isEmpty() && !m.individualsAllowed()) {
      throw new InvalidInputException("people", "error.registration.noIndividuals", m.code());
    }
    Set<Long> persons = new HashSet<>();
    for (int i = 0; i < entrants.size(); i++) {
      long pid = entrants.get(i).personId();
      String field = "people[" + i + "].personId";
      PersonView p =
          people
              .find(pid)
              .orElseThrow(
                  () -> new InvalidInputException(field, "error.initiative.unknownAuthor", pid));
      if (!units.isWithin(units.get(p.unitCode()).id(), unit.id())) {
        throw new InvalidInputException(
            "people[" + i + "].personId",
            "error.registration.personNotOfUnit",
            p.fullName(),
            unit.name());
      }
      if (!persons.add(pid)) {
        throw new InvalidInputException(
            "people[" + i + "].personId", "error.registration.duplicatePerson", p.fullName());
      }
    }
    return new Checked(titles.toArray(String[]::new));
  }

  private void children(long id, RegistrationForm f) {
    if (f.targets() != null) {
      for (TargetForm t : f.targets()) {
        jdbc.sql(
                "insert into registration_target(registration_id, indicator_code, target) values (?, ?, ?)")
            .params(id, t.indicatorCode().trim(), t.target())
            .update();
      }
    }
    if (f.people() != null) {
      for (EntrantForm e : f.people()) {
        jdbc.sql(
                "insert into registration_person(registration_id, person_id, title) values (?, ?, ?)")
            .params(id, e.personId(), e.title().trim())
            .update();
      }
    }
  }

  private UnitView unit(String code) {
    return units
        .find(code.trim())
        .orElseThrow(() -> new InvalidInputException("unitCode", "error.unit.unknown", code));
  }

  private java.util.Optional<Long> id(long movementId, long unitId) {
    return jdbc.sql("select id from registration where movement_id = ? and unit_id = ?")
        .params(movementId, unitId)
        .query(Long.class)
        .optional();
  }

  private RegistrationView view(long id) {
    return views(List.of(id)).get(0);
  }

  /**
   * Registrations by id, in that order, with their unit, targets and entrants' names: six queries
   * whatever their number (they were six per registration, one more per entrant).
   */
  private List<RegistrationView> views(List<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    record Head(
        long id,
        long movementId,
        long unitId,
        List<String> titles,
        @Nullable String note,
        java.time.Instant at,
        String by,
        int version) {}
    Long[] keys = ids.toArray(Long[]::new);
    Map<Long, Head> heads = new HashMap<>();
    jdbc.sql("select * from registration where id = any(?)")
        .param(keys)
        .query(
            (rs, n) ->
                new Head(
                    rs.getLong("id"),
                    rs.getLong("movement_id"),
                    rs.getLong("unit_id"),
                    List.of((String[]) rs.getArray("titles").getArray()),
                    rs.getString("note"),
                    rs.getTimestamp("registered_at").toInstant(),
                    rs.getString("registered_by"),
                    rs.getInt("version")))
        .list()
        .forEach(h -> heads.put(h.id(), h));
    Map<Long, UnitView> unitsById = new HashMap<>();
    units
        .findAllById(heads.values().stream().map(Head::unitId).distinct().toList())
        .forEach(u -> unitsById.put(u.id(), u));
    Map<Long, List<Target>> targets = new HashMap<>();
    jdbc.sql(
            """
            select registration_id, indicator_code, target from registration_target
            where registration_id = any(?) order by registration_id, indicator_code""")
        .param(keys)
        .query(
            (rs, n) -> {
              targets
                  .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                  .add(new Target(rs.getString(2), rs.getBigDecimal(3).stripTrailingZeros()));
              return 0;
            })
        .list();
    record Row(long registration, long person, String title) {}
    List<Row> rows =
        jdbc.sql(
                """
                select registration_id, person_id, title from registration_person
                where registration_id = any(?) order by registration_id, person_id""")
            .param(keys)
            .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3)))
            .list();
    Map<Long, PersonView> named = people.findAll(rows.stream().map(Row::person).toList());
    Map<Long, List<Entrant>> entrants = new HashMap<>();
    for (Row r : rows) {
      PersonView p = named.get(r.person());
      entrants
          .computeIfAbsent(r.registration(), k -> new ArrayList<>())
          .add(new Entrant(r.person(), p == null ? "#" : p.fullName(), r.title()));
    }
    List<RegistrationView> out = new ArrayList<>(ids.size());
    for (long id : ids) {
      Head h = heads.get(id);
      if (h == null) {
        throw new java.util.NoSuchElementException("registration " + id);
      }
      UnitView u = unitsById.get(h.unitId());
      if (u == null) {
        throw new java.util.NoSuchElementException("unit " + h.unitId());
      }
      out.add(
          new RegistrationView(
              h.id(),
              h.movementId(),
              u.code(),
              u.name(),
              h.titles(),
              targets.getOrDefault(id, List.of()),
              entrants.getOrDefault(id, List.of()),
              h.note(),
              h.at(),
              h.by(),
              h.version()));
    }
    return out;
  }
}
