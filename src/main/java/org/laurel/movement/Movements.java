package org.laurel.movement;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.laurel.access.Access;
import org.laurel.audit.AuditLog;
import org.laurel.bloc.BlocView;
import org.laurel.bloc.Blocs;
import org.laurel.indicator.Summaries;
import org.laurel.movement.MovementView.Goal;
import org.laurel.movement.MovementView.Kind;
import org.laurel.movement.MovementView.Milestone;
import org.laurel.movement.MovementView.MilestoneKind;
import org.laurel.movement.MovementView.Ref;
import org.laurel.organisation.UnitView;
import org.laurel.organisation.Units;
import org.laurel.shared.ConflictException;
import org.laurel.shared.InvalidInputException;
import org.laurel.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Emulation movements: the secretariat sets them up, moves them through draft → launched → in
 * progress → reviewed → closed (each step a guarded method that refuses any other order), and
 * decides whether they appear on the public portal.
 */
@Service
@Validated
public class Movements {

  public record MilestoneForm(
      @NotNull MilestoneKind kind,
      @NotBlank @Size(max = 300) String title,
      @NotNull LocalDate dueOn) {}

  public record GoalForm(
      @NotBlank @Size(max = 60) String indicatorCode,
      @Nullable @Size(max = 500) String description,
      @Nullable @DecimalMin("0") BigDecimal target) {}

  /** A movement as entered; scope blocs are the movement year's blocs, by code. */
  public record MovementForm(
      @NotBlank @Pattern(regexp = "^[A-Z0-9][A-Z0-9_.-]{0,39}$", message = "{validation.code}")
          String code,
      @NotBlank @Size(max = 300) String title,
      @Nullable @Size(max = 500) String motto,
      @NotNull Kind kind,
      @Min(2000) @Max(2100) int year,
      @NotBlank String launchingUnitCode,
      @Nullable @Size(max = 300) String launchingBody,
      @Nullable @Size(max = 100) String decisionNumber,
      @Nullable LocalDate decisionDate,
      @Nullable @Size(max = 500) String decisionDocument,
      @NotNull LocalDate startsOn,
      @NotNull LocalDate endsOn,
      @Nullable LocalDate registrationDeadline,
      boolean individualsAllowed,
      boolean householdsAllowed,
      @Nullable @Size(max = 100) List<@NotBlank String> blocCodes,
      @Nullable @Size(max = 500) List<@NotBlank String> unitCodes,
      @Nullable @Size(max = 50) List<@Valid MilestoneForm> milestones,
      @Nullable @Size(max = 50) List<@Valid GoalForm> goals,
      @Nullable @Size(max = 20)
          List<@Pattern(regexp = "^[A-Z0-9][A-Z0-9_]{0,39}$", message = "{validation.code}") String>
              awardTypes,
      @Nullable @Size(max = 4000) String description,
      @PositiveOrZero int version) {}

  /** A guarded step: the version read, to refuse a step taken on a stale page. */
  public record Step(@PositiveOrZero int version) {}

  /** How long after its end a movement's milestones (the year-end review) may still fall. */
  static final int MONTHS_AFTER_END = 6;

  private final JdbcClient jdbc;
  private final Units units;
  private final Blocs blocs;
  private final Summaries indicators;
  private final Access access;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final java.time.Clock clock;

  Movements(
      JdbcClient jdbc,
      Units units,
      Blocs blocs,
      Summaries indicators,
      Access access,
      AuditLog audit,
      ApplicationEventPublisher events,
      java.time.Clock clock) {
    this.clock = clock;
    this.jdbc = jdbc;
    this.units = units;
    this.blocs = blocs;
    this.indicators = indicators;
    this.access = access;
    this.audit = audit;
    this.events = events;
  }

  @Transactional(readOnly = true)
  public MovementView get(long id) {
    return find(id).orElseThrow(() -> new NotFoundException("error.movement.notFound", id));
  }

  @Transactional(readOnly = true)
  public java.util.Optional<MovementView> find(long id) {
    return jdbc.sql("select * from movement where id = ?")
        .param(id)
        .query(this::row)
        .optional()
        .map(this::view);
  }

  /** Movements of a year (all when null), newest first. */
  @Transactional(readOnly = true)
  public List<MovementView> list(@Nullable Integer year) {
    return jdbc
        .sql(
            """
            select * from movement where (cast(? as int) is null or year = ?)
            order by year desc, starts_on, code""")
        .params(year, year)
        .query(this::row)
        .list()
        .stream()
        .map(this::view)
        .toList();
  }

  /** Published movements that are not closed, for the portal. */
  @Transactional(readOnly = true)
  public List<MovementView> published() {
    return jdbc
        .sql(
            """
            select * from movement
            where published and status in ('LAUNCHED', 'IN_PROGRESS', 'REVIEWED')
            order by year desc, starts_on, code""")
        .query(this::row)
        .list()
        .stream()
        .map(this::view)
        .toList();
  }

  @Transactional
  public MovementView create(@Valid MovementForm f) {
    access.requireSecretariat();
    Resolved r = resolve(f);
    if (jdbc.sql("select count(*) from movement where code = ?")
            .param(f.code())
            .query(Long.class)
            .single()
        > 0) {
      throw new ConflictException("error.movement.duplicateCode", f.code());
    }
    long id =
        jdbc.sql(
                """
                insert into movement(code, title, motto, kind, year, launching_unit_id,
                  launching_body, decision_number, decision_date, decision_document, starts_on,
                  ends_on, registration_deadline, individuals_allowed, households_allowed,
                  award_types, description)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
            .params(with(List.of(f.code()), values(f, r), List.of()))
            .query(Long.class)
            .single();
    children(id, f, r);
    MovementView created = get(id);
    audit.record("movement.created", "movement", Long.toString(id), null, created);
    return created;
  }

  @Transactional
  public MovementView update(long id, @Valid MovementForm f) {
    access.requireSecretariat();
    MovementView before = get(id);
    if (before.status() == MovementStatus.REVIEWED || before.status() == MovementStatus.CLOSED) {
      throw new ConflictException("error.movement.noChanges", before.code(), before.status());
    }
    Resolved r = resolve(f);
    int n =
        jdbc.sql(
                """
                update movement set title = ?, motto = ?, kind = ?, year = ?, launching_unit_id = ?,
                  launching_body = ?, decision_number = ?, decision_date = ?, decision_document = ?,
                  starts_on = ?, ends_on = ?, registration_deadline = ?, individuals_allowed = ?,
                  households_allowed = ?, award_types = ?, description = ?, version = version + 1
                where id = ? and version = ?""")
            .params(with(List.of(), values(f, r), List.of(id, f.version())))
            .update();
    if (n == 0) {
      throw ConflictException.staleVersion();
    }
    for (String t :
        List.of("movement_bloc", "movement_unit", "movement_milestone", "movement_goal")) {
      jdbc.sql("delete from " + t + " where movement_id = ?").param(id).update();
    }
    children(id, f, r);
    MovementView after = get(id);
    audit.record("movement.updated", "movement", Long.toString(id), before, after);
    return after;
  }

  /** Draft → launched; the launching decision must be on record. */
  @Transactional
  public MovementView launch(long id, @Valid Step s) {
    MovementView m = get(id);
    if (m.status() == MovementStatus.DRAFT
        && (m.decisionNumber() == null || m.decisionDate() == null)) {
      throw new ConflictException("error.movement.launchNeedsDecision", m.code());
    }
    return step(m, s, MovementStatus.DRAFT, MovementStatus.LAUNCHED, "movement.launched");
  }

  /** Launched → in progress. */
  @Transactional
  public MovementView start(long id, @Valid Step s) {
    return step(
        get(id), s, MovementStatus.LAUNCHED, MovementStatus.IN_PROGRESS, "movement.started");
  }

  /** In progress → reviewed (the year-end review is done). */
  @Transactional
  public MovementView review(long id, @Valid Step s) {
    return step(
        get(id), s, MovementStatus.IN_PROGRESS, MovementStatus.REVIEWED, "movement.reviewed");
  }

  /** Reviewed → closed: nothing about it changes any more. */
  @Transactional
  public MovementView close(long id, @Valid Step s) {
    return step(get(id), s, MovementStatus.REVIEWED, MovementStatus.CLOSED, "movement.closed");
  }

  /** Shows the movement on the public portal, or takes it off; a draft is never shown. */
  @Transactional
  public MovementView publish(long id, boolean published, @Valid Step s) {
    access.requireSecretariat();
    MovementView before = get(id);
    if (published && before.status() == MovementStatus.DRAFT) {
      throw new ConflictException("error.movement.publishDraft", before.code());
    }
    int n =
        jdbc.sql(
                "update movement set published = ?, version = version + 1 where id = ? and version = ?")
            .params(published, id, s.version())
            .update();
    if (n == 0) {
      throw ConflictException.staleVersion();
    }
    MovementView after = get(id);
    audit.record(
        published ? "movement.published" : "movement.unpublished",
        "movement",
        Long.toString(id),
        before,
        after);
    return after;
  }

  private MovementView step(
      MovementView m, Step s, MovementStatus from, MovementStatus to, String action) {
    access.requireSecretariat();
    if (m.status() != from) {
      throw new ConflictException("error.movement.transition", m.code(), m.status(), to);
    }
    int n =
        jdbc.sql(
                """
                update movement set status = ?, version = version + 1
                where id = ? and version = ? and status = ?""")
            .params(to.name(), m.id(), s.version(), from.name())
            .update();
    if (n == 0) {
      throw ConflictException.staleVersion();
    }
    MovementView after = get(m.id());
    audit.record(action, "movement", Long.toString(m.id()), m, after);
    events.publishEvent(new MovementStatusChanged(m.id(), m.code(), from, to));
    return after;
  }

  // ---- scope

  /**
   * Whether a unit takes part: a member of a scope bloc, or a scope unit or a unit below one. A
   * movement with no scope at all is for the launching unit and every unit below it.
   */
  public boolean inScope(MovementView m, long unitId) {
    // the hierarchy of the movement's time: today while it runs, its end once it is over
    LocalDate day = clamp(LocalDate.now(clock), m.startsOn(), m.endsOn());
    Map<Long, Long> parents = parentsOn(day);
    if (m.blocs().isEmpty() && m.units().isEmpty()) {
      return within(unitId, units.get(m.launchingUnitCode()).id(), parents);
    }
    for (Ref b : m.blocs()) {
      if (blocs.get(b.id()).hasMember(unitId)) {
        return true;
      }
    }
    for (Ref u : m.units()) {
      if (within(unitId, u.id(), parents)) {
        return true;
      }
    }
    return false;
  }

  private static LocalDate clamp(LocalDate d, LocalDate from, LocalDate to) {
    return d.isBefore(from) ? from : d.isAfter(to) ? to : d;
  }

  /** Each unit valid on the day and its parent on that day. */
  private Map<Long, Long> parentsOn(LocalDate day) {
    List<UnitView> valid = units.validOn(day, null, null);
    Map<String, Long> ids = new java.util.HashMap<>();
    valid.forEach(u -> ids.put(u.code(), u.id()));
    Map<Long, Long> parents = new java.util.HashMap<>();
    for (UnitView u : valid) {
      if (u.parentCode() != null && ids.containsKey(u.parentCode())) {
        parents.put(u.id(), ids.get(u.parentCode()));
      }
    }
    return parents;
  }

  private static boolean within(long unitId, long ancestorId, Map<Long, Long> parents) {
    Long at = unitId;
    for (int depth = 0; at != null && depth < 20; depth++) {
      if (at == ancestorId) {
        return true;
      }
      at = parents.get(at);
    }
    return false;
  }

  /**
   * The units expected to register: the scope blocs' members and the scope units (or, with no
   * scope, the units directly below the launching unit on the movement's start).
   */
  public List<Ref> expectedRegistrants(MovementView m) {
    Map<Long, Ref> out = new LinkedHashMap<>();
    if (m.blocs().isEmpty() && m.units().isEmpty()) {
      List<String> children = units.childrenOn(m.launchingUnitCode(), m.startsOn());
      Map<String, UnitView> byCode = new java.util.HashMap<>();
      units.findAll(children).forEach(u -> byCode.put(u.code(), u));
      for (String code : children) {
        UnitView u = byCode.get(code);
        if (u == null) {
          throw new NotFoundException("error.unit.notFound", code);
        }
        out.put(u.id(), new Ref(u.id(), u.code(), u.name()));
      }
    }
    Map<Long, BlocView> byId = new java.util.HashMap<>();
    blocs.getAll(m.blocs().stream().map(Ref::id).toList()).forEach(b -> byId.put(b.id(), b));
    for (Ref b : m.blocs()) {
      BlocView bloc = byId.get(b.id());
      if (bloc == null) {
        throw new NotFoundException("error.bloc.notFound", b.id());
      }
      for (BlocView.UnitRef u : bloc.members()) {
        out.putIfAbsent(u.id(), new Ref(u.id(), u.code(), u.name()));
      }
    }
    for (Ref u : m.units()) {
      out.putIfAbsent(u.id(), u);
    }
    return List.copyOf(out.values());
  }

  // ---- checks

  record Resolved(UnitView launching, List<Ref> blocs, List<Ref> units, String[] awardTypes) {}

  private Resolved resolve(MovementForm f) {
    if (f.endsOn().isBefore(f.startsOn())) {
      throw new InvalidInputException(
          "endsOn", "error.movement.datesOrder", f.startsOn(), f.endsOn());
    }
    if (f.startsOn().getYear() != f.year()) {
      throw new InvalidInputException("year", "error.movement.year", f.year(), f.startsOn());
    }
    if (f.registrationDeadline() != null && f.registrationDeadline().isAfter(f.endsOn())) {
      throw new InvalidInputException(
          "registrationDeadline", "error.movement.deadlineAfterEnd", f.registrationDeadline());
    }
    if (f.decisionDate() != null && f.decisionDate().isAfter(f.endsOn())) {
      throw new InvalidInputException(
          "decisionDate", "error.movement.decisionAfterEnd", f.decisionDate());
    }
    UnitView launching =
        units
            .find(f.launchingUnitCode().trim())
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "launchingUnitCode", "error.unit.unknown", f.launchingUnitCode()));
    List<Ref> blocRefs = new ArrayList<>();
    List<BlocView> ofYear = blocs.list(f.year());
    for (String code : distinct(f.blocCodes())) {
      BlocView b =
          ofYear.stream()
              .filter(x -> x.code().equals(code))
              .findFirst()
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          "blocCodes", "error.movement.unknownBloc", code, f.year()));
      blocRefs.add(new Ref(b.id(), b.code(), b.name()));
    }
    List<Ref> unitRefs = new ArrayList<>();
    for (String code : distinct(f.unitCodes())) {
      UnitView u =
          units
              .find(code)
              .orElseThrow(
                  () -> new InvalidInputException("unitCodes", "error.unit.unknown", code));
      unitRefs.add(new Ref(u.id(), u.code(), u.name()));
    }
    LocalDate latest = f.endsOn().plusMonths(MONTHS_AFTER_END);
    List<MilestoneForm> ms = f.milestones() == null ? List.of() : f.milestones();
    for (int i = 0; i < ms.size(); i++) {
      LocalDate d = ms.get(i).dueOn();
      if (d.isBefore(f.startsOn()) || d.isAfter(latest)) {
        throw new InvalidInputException(
            "milestones[" + i + "].dueOn",
            "error.movement.milestoneOutside",
            d,
            f.startsOn(),
            latest);
      }
    }
    List<GoalForm> gs = f.goals() == null ? List.of() : f.goals();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < gs.size(); i++) {
      String code = gs.get(i).indicatorCode().trim();
      if (indicators.indicator(code).isEmpty()) {
        throw new InvalidInputException(
            "goals[" + i + "].indicatorCode", "error.movement.unknownIndicator", code);
      }
      if (!seen.add(code)) {
        throw new InvalidInputException(
            "goals[" + i + "].indicatorCode", "error.movement.duplicateGoal", code);
      }
    }
    return new Resolved(
        launching, blocRefs, unitRefs, distinct(f.awardTypes()).toArray(String[]::new));
  }

  /** The columns from title to description, in the order insert and update list them. */
  private static List<@Nullable Object> values(MovementForm f, Resolved r) {
    return java.util.Arrays.asList(
        f.title().trim(),
        Initiatives.blankToNull(f.motto()),
        f.kind().name(),
        f.year(),
        r.launching().id(),
        Initiatives.blankToNull(f.launchingBody()),
        Initiatives.blankToNull(f.decisionNumber()),
        date(f.decisionDate()),
        Initiatives.blankToNull(f.decisionDocument()),
        Date.valueOf(f.startsOn()),
        Date.valueOf(f.endsOn()),
        date(f.registrationDeadline()),
        f.individualsAllowed(),
        f.householdsAllowed(),
        r.awardTypes(),
        Initiatives.blankToNull(f.description()));
  }

  private static List<@Nullable Object> with(
      List<Object> before, List<@Nullable Object> middle, List<Object> after) {
    List<@Nullable Object> all = new ArrayList<>(before);
    all.addAll(middle);
    all.addAll(after);
    return all;
  }

  private static List<String> distinct(@Nullable List<String> codes) {
    return codes == null
        ? List.of()
        : codes.stream().map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
  }

  private void children(long id, MovementForm f, Resolved r) {
    for (Ref b : r.blocs()) {
      jdbc.sql("insert into movement_bloc(movement_id, bloc_id) values (?, ?)")
          .params(id, b.id())
          .update();
    }
    for (Ref u : r.units()) {
      jdbc.sql("insert into movement_unit(movement_id, unit_id) values (?, ?)")
          .params(id, u.id())
          .update();
    }
    if (f.milestones() != null) {
      for (MilestoneForm m : f.milestones()) {
        jdbc.sql(
                "insert into movement_milestone(movement_id, kind, title, due_on) values (?, ?, ?, ?)")
            .params(id, m.kind().name(), m.title().trim(), Date.valueOf(m.dueOn()))
            .update();
      }
    }
    if (f.goals() != null) {
      for (GoalForm g : f.goals()) {
        jdbc.sql(
                """
                insert into movement_goal(movement_id, indicator_code, description, target)
                values (?, ?, ?, ?)""")
            .params(
                id, g.indicatorCode().trim(), Initiatives.blankToNull(g.description()), g.target())
            .update();
      }
    }
  }

  // ---- reading

  /** The movement row before its children are read. */
  record Row(
      long id,
      String code,
      String title,
      @Nullable String motto,
      Kind kind,
      int year,
      long launchingUnitId,
      @Nullable String launchingBody,
      @Nullable String decisionNumber,
      @Nullable LocalDate decisionDate,
      @Nullable String decisionDocument,
      LocalDate startsOn,
      LocalDate endsOn,
      @Nullable LocalDate registrationDeadline,
      boolean individualsAllowed,
      boolean householdsAllowed,
      List<String> awardTypes,
      @Nullable String description,
      MovementStatus status,
      boolean published,
      int version) {}

  private Row row(ResultSet rs, int n) throws SQLException {
    return new Row(
        rs.getLong("id"),
        rs.getString("code"),
        rs.getString("title"),
        rs.getString("motto"),
        Kind.valueOf(rs.getString("kind")),
        rs.getInt("year"),
        rs.getLong("launching_unit_id"),
        rs.getString("launching_body"),
        rs.getString("decision_number"),
        local(rs.getDate("decision_date")),
        rs.getString("decision_document"),
        rs.getDate("starts_on").toLocalDate(),
        rs.getDate("ends_on").toLocalDate(),
        local(rs.getDate("registration_deadline")),
        rs.getBoolean("individuals_allowed"),
        rs.getBoolean("households_allowed"),
        List.of((String[]) rs.getArray("award_types").getArray()),
        rs.getString("description"),
        MovementStatus.valueOf(rs.getString("status")),
        rs.getBoolean("published"),
        rs.getInt("version"));
  }

  private MovementView view(Row r) {
    UnitView launching = units.findById(r.launchingUnitId()).orElseThrow();
    List<Ref> blocRefs =
        jdbc
            .sql("select bloc_id from movement_bloc where movement_id = ? order by bloc_id")
            .param(r.id())
            .query(Long.class)
            .list()
            .stream()
            .map(blocs::get)
            .map(b -> new Ref(b.id(), b.code(), b.name()))
            .toList();
    List<Ref> unitRefs =
        jdbc
            .sql("select unit_id from movement_unit where movement_id = ? order by unit_id")
            .param(r.id())
            .query(Long.class)
            .list()
            .stream()
            .map(id -> units.findById(id).orElseThrow())
            .map(u -> new Ref(u.id(), u.code(), u.name()))
            .toList();
    List<Milestone> milestones =
        jdbc.sql("select * from movement_milestone where movement_id = ? order by due_on, id")
            .param(r.id())
            .query(
                (rs, n) ->
                    new Milestone(
                        rs.getLong("id"),
                        MilestoneKind.valueOf(rs.getString("kind")),
                        rs.getString("title"),
                        rs.getDate("due_on").toLocalDate()))
            .list();
    List<Goal> goals =
        jdbc.sql("select * from movement_goal where movement_id = ? order by id")
            .param(r.id())
            .query(
                (rs, n) ->
                    new Goal(
                        rs.getString("indicator_code"),
                        rs.getString("description"),
                        rs.getBigDecimal("target")))
            .list();
    return new MovementView(
        r.id(),
        r.code(),
        r.title(),
        r.motto(),
        r.kind(),
        r.year(),
        launching.code(),
        launching.name(),
        r.launchingBody(),
        r.decisionNumber(),
        r.decisionDate(),
        r.decisionDocument(),
        r.startsOn(),
        r.endsOn(),
        r.registrationDeadline(),
        r.individualsAllowed(),
        r.householdsAllowed(),
        r.awardTypes(),
        r.description(),
        r.status(),
        r.published(),
        blocRefs,
        unitRefs,
        milestones,
        goals,
        r.version());
  }

  static @Nullable Date date(@Nullable LocalDate d) {
    return d == null ? null : Date.valueOf(d);
  }

  static @Nullable LocalDate local(java.sql.@Nullable Date d) {
    return d == null ? null : d.toLocalDate();
  }
}
