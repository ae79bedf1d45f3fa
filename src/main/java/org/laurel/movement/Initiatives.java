package org.laurel.movement;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.laurel.access.Access;
import org.laurel.audit.AuditLog;
import org.laurel.movement.InitiativeView.Author;
import org.laurel.movement.RecognisedInitiative.Level;
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
 * The registry of initiatives (sáng kiến). A unit's reporter records their own unit's; the
 * secretariat records everyone's. Reward eligibility asks {@link #recognisedFor} which initiatives
 * of a person were recognised in a period.
 */
@Service
@Validated
public class Initiatives {

  /** What is entered for an initiative; {@code version} is the one read (0 when new). */
  public record InitiativeForm(
      @NotBlank @Size(max = 300) String title,
      @NotBlank String unitCode,
      @NotEmpty @Size(max = 20) List<@NotNull Long> authorPersonIds,
      @NotBlank @Size(max = 200) String field,
      @Nullable @Size(max = 4000) String description,
      @NotBlank @Size(max = 100) String decisionNumber,
      @NotNull LocalDate decisionDate,
      @NotNull Level level,
      @Nullable @Size(max = 500) String scope,
      @PositiveOrZero int version) {}

  /** A filter of the list; nulls and blanks match everything. */
  public record Filter(@Nullable String unitCode, @Nullable String q, @Nullable Integer year) {}

  /** The earliest decision date accepted: older ones are typing mistakes. */
  static final LocalDate EARLIEST = LocalDate.of(1945, 9, 2);

  private final JdbcClient jdbc;
  private final Units units;
  private final People people;
  private final Access access;
  private final AuditLog audit;
  private final java.time.Clock clock;

  Initiatives(
      JdbcClient jdbc,
      Units units,
      People people,
      Access access,
      AuditLog audit,
      java.time.Clock clock) {
    this.jdbc = jdbc;
    this.units = units;
    this.people = people;
    this.access = access;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * The initiatives that {@code personId} is an author of and that were recognised between {@code
   * from} and {@code to} (decision dates, both inclusive), oldest decision first.
   */
  @Transactional(readOnly = true)
  public List<RecognisedInitiative> recognisedFor(long personId, LocalDate from, LocalDate to) {
    return jdbc.sql(
            """
            select i.*, array(select a.person_id from initiative_author a
                              where a.initiative_id = i.id order by a.position) as authors
            from initiative i
            where exists (select 1 from initiative_author a
                          where a.initiative_id = i.id and a.person_id = ?)
              and i.decision_date between ? and ?
            order by i.decision_date, i.id""")
        .params(personId, Date.valueOf(from), Date.valueOf(to))
        .query(Initiatives::recognised)
        .list();
  }

  /**
   * The same for many people in one query: each person's recognised initiatives in the period,
   * oldest decision first; people without any are absent from the map.
   */
  @Transactional(readOnly = true)
  public java.util.Map<Long, List<RecognisedInitiative>> recognisedFor(
      java.util.Collection<Long> personIds, LocalDate from, LocalDate to) {
    java.util.Map<Long, List<RecognisedInitiative>> out = new java.util.HashMap<>();
    if (personIds.isEmpty()) {
      return out;
    }
    jdbc.sql(
            """
            select w.person_id as for_person, i.*,
                   array(select a.person_id from initiative_author a
                         where a.initiative_id = i.id order by a.position) as authors
            from initiative_author w join initiative i on i.id = w.initiative_id
            where w.person_id = any(?) and i.decision_date between ? and ?
            order by i.decision_date, i.id""")
        .params(personIds.toArray(Long[]::new), Date.valueOf(from), Date.valueOf(to))
        .query(
            rs -> {
              out.computeIfAbsent(rs.getLong("for_person"), k -> new java.util.ArrayList<>())
                  .add(recognised(rs, 0));
            });
    return out;
  }

  @Transactional(readOnly = true)
  public InitiativeView get(long id) {
    List<InitiativeView> found = views("where i.id = ?", List.of(id));
    if (found.isEmpty()) {
      throw new NotFoundException("error.initiative.notFound", id);
    }
    return found.get(0);
  }

  /** Initiatives matching the filter, newest decision first (at most 500). */
  @Transactional(readOnly = true)
  public List<InitiativeView> list(Filter f) {
    StringBuilder where = new StringBuilder("where true");
    List<Object> params = new ArrayList<>();
    if (f.unitCode() != null && !f.unitCode().isBlank()) {
      UnitView u = units.find(f.unitCode().trim()).orElse(null);
      where.append(" and i.unit_id = ?");
      params.add(u == null ? -1L : u.id());
    }
    if (f.q() != null && !f.q().isBlank()) {
      where.append(" and (i.title ilike ? or i.field ilike ? or i.decision_number ilike ?)");
      String like = "%" + f.q().trim().replace("%", "\\%").replace("_", "\\_") + "%";
      params.addAll(List.of(like, like, like));
    }
    if (f.year() != null) {
      where.append(" and extract(year from i.decision_date) = ?");
      params.add(f.year());
    }
    return views(where.toString(), params);
  }

  @Transactional
  public InitiativeView create(@Valid InitiativeForm f) {
    Checked c = check(f, null);
    long id = insert(f, c);
    InitiativeView created = get(id);
    audit.record("initiative.created", "initiative", Long.toString(id), null, created);
    return created;
  }

  @Transactional
  public InitiativeView update(long id, @Valid InitiativeForm f) {
    InitiativeView before = get(id);
    // the unit it leaves must be the actor's too
    access.requireUnitData(units.get(before.unitCode()).id());
    Checked c = check(f, id);
    int n =
        jdbc.sql(
                """
                update initiative set title = ?, unit_id = ?, field = ?, description = ?,
                       decision_number = ?, decision_date = ?, level = ?, scope = ?,
                       version = version + 1
                where id = ? and version = ?""")
            .params(
                f.title().trim(),
                c.unit().id(),
                f.field().trim(),
                blankToNull(f.description()),
                f.decisionNumber().trim(),
                Date.valueOf(f.decisionDate()),
                f.level().name(),
                blankToNull(f.scope()),
                id,
                f.version())
            .update();
    if (n == 0) {
      throw ConflictException.staleVersion();
    }
    jdbc.sql("delete from initiative_author where initiative_id = ?").param(id).update();
    authors(id, c.authors());
    InitiativeView after = get(id);
    audit.record("initiative.updated", "initiative", Long.toString(id), before, after);
    return after;
  }

  /** The unit and authors of a form, checked; the actor must write the unit's data. */
  record Checked(UnitView unit, List<Long> authors) {}

  Checked check(InitiativeForm f, @Nullable Long id) {
    UnitView unit =
        units
            .find(f.unitCode().trim())
            .orElseThrow(
                () -> new InvalidInputException("unitCode", "error.unit.unknown", f.unitCode()));
    access.requireUnitData(unit.id());
    checkDate(f.decisionDate());
    List<Long> authors = new ArrayList<>(new LinkedHashSet<>(f.authorPersonIds()));
    for (Long p : authors) {
      if (people.find(p).isEmpty()) {
        throw new InvalidInputException(
            "authorPersonIds", "error.initiative.unknownAuthor", Long.toString(p));
      }
    }
    if (exists(f.decisionNumber().trim(), f.title().trim(), id)) {
      throw new ConflictException(
          "error.initiative.duplicate", f.title().trim(), f.decisionNumber().trim());
    }
    return new Checked(unit, authors);
  }

  void checkDate(LocalDate d) {
    if (d.isBefore(EARLIEST) || d.isAfter(LocalDate.now(clock))) {
      throw new InvalidInputException("decisionDate", "error.initiative.decisionDate", d);
    }
  }

  boolean exists(String decisionNumber, String title, @Nullable Long exceptId) {
    return jdbc.sql(
                """
            select count(*) from initiative where decision_number = ? and title = ?
              and id is distinct from ?""")
            .params(decisionNumber, title, exceptId)
            .query(Long.class)
            .single()
        > 0;
  }

  long insert(InitiativeForm f, Checked c) {
    long id =
        jdbc.sql(
                """
                insert into initiative(title, unit_id, field, description, decision_number,
                                       decision_date, level, scope)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
            .params(
                f.title().trim(),
                c.unit().id(),
                f.field().trim(),
                blankToNull(f.description()),
                f.decisionNumber().trim(),
                Date.valueOf(f.decisionDate()),
                f.level().name(),
                blankToNull(f.scope()))
            .query(Long.class)
            .single();
    authors(id, c.authors());
    return id;
  }

  private void authors(long id, List<Long> authors) {
    for (int i = 0; i < authors.size(); i++) {
      jdbc.sql("insert into initiative_author(initiative_id, person_id, position) values (?, ?, ?)")
          .params(id, authors.get(i), i)
          .update();
    }
  }

  /** A row with what the view adds to the recognised initiative. */
  private record Row(RecognisedInitiative r, @Nullable String description, int version) {}

  private List<InitiativeView> views(String where, List<Object> params) {
    List<Row> rows =
        jdbc.sql(
                """
                select i.*, array(select a.person_id from initiative_author a
                                  where a.initiative_id = i.id order by a.position) as authors
                from initiative i\s"""
                    + where
                    + " order by i.decision_date desc, i.id desc limit 500")
            .params(params)
            .query(
                (rs, n) ->
                    new Row(recognised(rs, n), rs.getString("description"), rs.getInt("version")))
            .list();
    Map<Long, UnitView> unitsById = new HashMap<>();
    Map<Long, String> names = new HashMap<>();
    List<InitiativeView> out = new ArrayList<>(rows.size());
    for (Row row : rows) {
      RecognisedInitiative r = row.r();
      UnitView u = unitsById.computeIfAbsent(r.unitId(), k -> units.findById(k).orElseThrow());
      List<Author> authors =
          r.authorPersonIds().stream()
              .map(
                  p ->
                      new Author(
                          p,
                          names.computeIfAbsent(
                              p, k -> people.find(k).map(PersonView::fullName).orElse("#" + k))))
              .toList();
      out.add(
          new InitiativeView(
              r.id(),
              r.title(),
              u.code(),
              u.name(),
              authors,
              r.field(),
              row.description(),
              r.decisionNumber(),
              r.decisionDate(),
              r.level(),
              r.scope(),
              row.version()));
    }
    return out;
  }

  private static RecognisedInitiative recognised(ResultSet rs, int n) throws SQLException {
    Array a = rs.getArray("authors");
    Long[] ids = (Long[]) a.getArray();
    return new RecognisedInitiative(
        rs.getLong("id"),
        rs.getString("title"),
        rs.getLong("unit_id"),
        List.copyOf(Arrays.asList(ids)),
        rs.getString("field"),
        rs.getString("decision_number"),
        rs.getDate("decision_date").toLocalDate(),
        Level.valueOf(rs.getString("level")),
        rs.getString("scope"));
  }

  static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
