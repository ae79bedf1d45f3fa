package org.laurel.movement;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.laurel.access.Access;
import org.laurel.access.Actor;
import org.laurel.audit.AuditLog;
import org.laurel.movement.ExampleView.Kind;
import org.laurel.movement.ExampleView.Replication;
import org.laurel.movement.ExampleView.Status;
import org.laurel.movement.Movements.Step;
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
 * Advanced examples and new models: a unit nominates (nominated), the secretariat verifies
 * (verified) and publishes or unpublishes; other units record that they replicate a published one.
 * Each step is a guarded method that refuses any other order.
 */
@Service
@Validated
public class Examples {

  public record Nomination(
      @NotBlank String unitCode,
      @Nullable Long movementId,
      @NotNull Kind kind,
      @NotBlank @Size(max = 300) String name,
      @Nullable Long personId,
      @NotBlank @Size(max = 8000) String story,
      @Nullable @Size(max = 2000) String evidence) {}

  public record ReplicationForm(
      @NotBlank String unitCode,
      @NotNull LocalDate startedOn,
      @Nullable @Size(max = 4000) String results) {}

  /** How far a model has spread: the units replicating it. */
  public record Spread(long exampleId, String name, String unitName, int units) {}

  private final JdbcClient jdbc;
  private final Movements movements;
  private final Units units;
  private final People people;
  private final Access access;
  private final AuditLog audit;
  private final Clock clock;

  Examples(
      JdbcClient jdbc,
      Movements movements,
      Units units,
      People people,
      Access access,
      AuditLog audit,
      Clock clock) {
    this.jdbc = jdbc;
    this.movements = movements;
    this.units = units;
    this.people = people;
    this.access = access;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public ExampleView get(long id) {
    return jdbc.sql("select * from example where id = ?")
        .param(id)
        .query(this::map)
        .optional()
        .orElseThrow(() -> new NotFoundException("error.example.notFound", id));
  }

  /** All examples (the secretariat's and units' view), newest first. */
  @Transactional(readOnly = true)
  public List<ExampleView> list(boolean publishedOnly, @Nullable String q) {
    String like = q == null || q.isBlank() ? null : "%" + q.trim() + "%";
    return jdbc.sql(
            """
            select * from example
            where (not ? or published)
              and (cast(? as text) is null or name ilike ? or story ilike ?)
            order by nominated_at desc, id desc limit 500""")
        .params(publishedOnly, like, like, like)
        .query(this::map)
        .list();
  }

  /** Published examples by the number of units replicating them, most first. */
  @Transactional(readOnly = true)
  public List<Spread> spread(boolean publishedOnly) {
    List<Spread> out = new ArrayList<>();
    for (ExampleView e : list(publishedOnly, null)) {
      out.add(new Spread(e.id(), e.name(), e.unitName(), e.replications().size()));
    }
    out.sort((a, b) -> Integer.compare(b.units(), a.units()));
    return out;
  }

  @Transactional
  public ExampleView nominate(@Valid Nomination n) {
    UnitView unit =
        units
            .find(n.unitCode().trim())
            .orElseThrow(
                () -> new InvalidInputException("unitCode", "error.unit.unknown", n.unitCode()));
    Actor actor = access.requireUnitData(unit.id());
    if (n.movementId() != null && movements.find(n.movementId()).isEmpty()) {
      throw new InvalidInputException(
          "movementId", "error.movement.notFound", n.movementId().longValue());
    }
    if (n.kind() == Kind.PERSON && n.personId() == null) {
      throw new InvalidInputException("personId", "error.example.personRequired");
    }
    if (n.personId() != null) {
      PersonView p =
          people
              .find(n.personId())
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          "personId", "error.initiative.unknownAuthor", n.personId()));
      if (!units.isWithin(units.get(p.unitCode()).id(), unit.id())) {
        throw new InvalidInputException(
            "personId", "error.registration.personNotOfUnit", p.fullName(), unit.name());
      }
    }
    long id =
        jdbc.sql(
                """
                insert into example(movement_id, unit_id, kind, name, person_id, story, evidence,
                                    nominated_by)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
            .params(
                n.movementId(),
                unit.id(),
                n.kind().name(),
                n.name().trim(),
                n.personId(),
                n.story().trim(),
                Initiatives.blankToNull(n.evidence()),
                actor.username())
            .query(Long.class)
            .single();
    ExampleView created = get(id);
    audit.record("example.nominated", "example", Long.toString(id), null, created);
    return created;
  }

  /** Nominated → verified, by the secretariat. */
  @Transactional
  public ExampleView verify(long id, @Valid Step s) {
    Actor a = access.requireSecretariat();
    ExampleView e = get(id);
    if (e.status() != Status.NOMINATED) {
      throw new ConflictException("error.example.notNominated", e.name());
    }
    return change(
        e,
        s,
        "status = 'VERIFIED', verified_by = ?, verified_at = now()",
        List.of(a.username()),
        "example.verified");
  }

  /** Verified and unpublished → published; an unverified example is never published. */
  @Transactional
  public ExampleView publish(long id, @Valid Step s) {
    access.requireSecretariat();
    ExampleView e = get(id);
    if (e.status() != Status.VERIFIED) {
      throw new ConflictException("error.example.notVerified", e.name());
    }
    if (e.published()) {
      throw new ConflictException("error.example.alreadyPublished", e.name());
    }
    return change(e, s, "published = true, published_at = now()", List.of(), "example.published");
  }

  /** Published → unpublished: it leaves the portal at once. */
  @Transactional
  public ExampleView unpublish(long id, @Valid Step s) {
    access.requireSecretariat();
    ExampleView e = get(id);
    if (!e.published()) {
      throw new ConflictException("error.example.notPublished", e.name());
    }
    return change(e, s, "published = false", List.of(), "example.unpublished");
  }

  private ExampleView change(
      ExampleView before, Step s, String set, List<Object> params, String action) {
    List<Object> all = new ArrayList<>(params);
    all.add(before.id());
    all.add(s.version());
    int n =
        jdbc.sql(
                "update example set "
                    + set
                    + ", version = version + 1 where id = ? and version = ?")
            .params(all)
            .update();
    if (n == 0) {
      throw ConflictException.staleVersion();
    }
    ExampleView after = get(before.id());
    audit.record(action, "example", Long.toString(before.id()), before, after);
    return after;
  }

  /** Another unit records that it replicates a published example. */
  @Transactional
  public ExampleView replicate(long id, @Valid ReplicationForm f) {
    ExampleView e = get(id);
    UnitView unit =
        units
            .find(f.unitCode().trim())
            .orElseThrow(
                () -> new InvalidInputException("unitCode", "error.unit.unknown", f.unitCode()));
    Actor actor = access.requireUnitData(unit.id());
    if (!e.published()) {
      throw new ConflictException("error.example.notPublished", e.name());
    }
    if (unit.code().equals(e.unitCode())) {
      throw new InvalidInputException("unitCode", "error.replication.ownExample", unit.name());
    }
    if (f.startedOn().isAfter(LocalDate.now(clock)) || f.startedOn().getYear() < 2000) {
      throw new InvalidInputException("startedOn", "error.replication.startedOn", f.startedOn());
    }
    if (e.replications().stream().anyMatch(r -> r.unitCode().equals(unit.code()))) {
      throw new ConflictException("error.replication.duplicate", unit.name(), e.name());
    }
    long rid =
        jdbc.sql(
                """
                insert into replication(example_id, unit_id, started_on, results, recorded_by)
                values (?, ?, ?, ?, ?) returning id""")
            .params(
                id,
                unit.id(),
                Date.valueOf(f.startedOn()),
                Initiatives.blankToNull(f.results()),
                actor.username())
            .query(Long.class)
            .single();
    audit.record(
        "example.replicated",
        "example",
        Long.toString(id),
        null,
        Map.of("replication", rid, "unit", unit.code(), "startedOn", f.startedOn().toString()));
    return get(id);
  }

  private ExampleView map(ResultSet rs, int n) throws SQLException {
    long id = rs.getLong("id");
    UnitView u = units.findById(rs.getLong("unit_id")).orElseThrow();
    Long movementId = rs.getObject("movement_id", Long.class);
    String movementTitle =
        movementId == null
            ? null
            : movements.find(movementId).map(MovementView::title).orElse(null);
    List<Replication> reps =
        jdbc.sql("select * from replication where example_id = ? order by started_on, id")
            .param(id)
            .query(
                (r, i) -> {
                  UnitView ru = units.findById(r.getLong("unit_id")).orElseThrow();
                  return new Replication(
                      r.getLong("id"),
                      ru.code(),
                      ru.name(),
                      r.getDate("started_on").toLocalDate(),
                      r.getString("results"));
                })
            .list();
    return new ExampleView(
        id,
        movementId,
        movementTitle,
        u.code(),
        u.name(),
        Kind.valueOf(rs.getString("kind")),
        rs.getString("name"),
        rs.getObject("person_id", Long.class),
        rs.getString("story"),
        rs.getString("evidence"),
        Status.valueOf(rs.getString("status")),
        rs.getBoolean("published"),
        rs.getTimestamp("nominated_at").toInstant(),
        reps,
        rs.getInt("version"));
  }
}
