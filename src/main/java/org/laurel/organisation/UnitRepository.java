package org.laurel.organisation;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UnitRepository {

  private static final String SELECT_AS_OF =
      """
      select u.id, u.code, coalesce(f.name, u.name) as name, coalesce(f.kind, u.kind) as kind,
             u.valid_from, u.valid_to, u.synthetic, u.version, p.code as parent_code
      from unit u
      left join unit_parent l on l.unit_id = u.id and l.valid_from <= :day
                              and (l.valid_to is null or l.valid_to >= :day)
      left join unit p on p.id = l.parent_id
      left join unit_former_name f on f.unit_id = u.id and f.valid_from <= :day and f.valid_to >= :day
      """;

  private final JdbcClient jdbc;

  UnitRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The unit with its parent on {@code day} (or its last parent, if it ended before). */
  Optional<UnitView> findByCode(String code, LocalDate day) {
    return jdbc.sql(SELECT_AS_OF + " where u.code = :code")
        .param("day", Date.valueOf(effectiveDay(code, day)))
        .param("code", code)
        .query(UnitRepository::map)
        .optional();
  }

  /**
   * Units by code in one query, each as {@link #findByCode} gives it: with its name and parent on
   * {@code day}, or on its last day if it ended before.
   */
  List<UnitView> findByCodes(Collection<String> codes, LocalDate day) {
    return jdbc.sql(
            """
            select u.id, u.code, coalesce(f.name, u.name) as name, coalesce(f.kind, u.kind) as kind,
                   u.valid_from, u.valid_to, u.synthetic, u.version, p.code as parent_code
            from unit u
            cross join lateral (
              select case when u.valid_to < cast(:day as date) then u.valid_to
                          else cast(:day as date) end as d) e
            left join unit_parent l on l.unit_id = u.id and l.valid_from <= e.d
                                    and (l.valid_to is null or l.valid_to >= e.d)
            left join unit p on p.id = l.parent_id
            left join unit_former_name f on f.unit_id = u.id and f.valid_from <= e.d
                                         and f.valid_to >= e.d
            where u.code = any(:codes)""")
        .param("day", Date.valueOf(day))
        .param("codes", codes.toArray(String[]::new))
        .query(UnitRepository::map)
        .list();
  }

  Optional<Long> idOf(String code) {
    return jdbc.sql("select id from unit where code = ?").param(code).query(Long.class).optional();
  }

  List<String> codesOf(Collection<Long> ids) {
    return jdbc.sql("select code from unit where id = any(?)")
        .param(ids.toArray(Long[]::new))
        .query(String.class)
        .list();
  }

  Optional<String> codeOf(long id) {
    return jdbc.sql("select code from unit where id = ?").param(id).query(String.class).optional();
  }

  /** Units valid on {@code day}, optionally only those of one kind or below one parent. */
  List<UnitView> validOn(LocalDate day, @Nullable UnitKind kind, @Nullable String parentCode) {
    return jdbc.sql(
            SELECT_AS_OF
                + """
                 where u.valid_from <= :day and (u.valid_to is null or u.valid_to >= :day)
                   and (cast(:kind as text) is null or coalesce(f.kind, u.kind) = :kind)
                   and (cast(:parent as text) is null or p.code = :parent)
                 order by case u.kind when 'PROVINCE' then 0 when 'CITY' then 1 when 'TOWN' then 2
                          when 'DISTRICT' then 3 when 'DEPARTMENT' then 4 when 'AGENCY' then 5 else 6 end,
                          coalesce(f.name, u.name) collate "C", u.code""")
        .param("day", Date.valueOf(day))
        .param("kind", kind == null ? null : kind.name())
        .param("parent", parentCode)
        .query(UnitRepository::map)
        .list();
  }

  List<UnitView> all() {
    return jdbc.sql(SELECT_AS_OF + " order by u.code")
        .param("day", Date.valueOf(LocalDate.of(9999, 12, 31)))
        .query(UnitRepository::map)
        .list();
  }

  long insert(String code, String name, UnitKind kind, LocalDate validFrom, boolean synthetic) {
    return jdbc.sql(
            "insert into unit(code, name, kind, valid_from, synthetic) values (?, ?, ?, ?, ?) returning id")
        .params(code, name, kind.name(), Date.valueOf(validFrom), synthetic)
        .query(Long.class)
        .single();
  }

  void linkParent(long unitId, long parentId, LocalDate from) {
    linkParent(unitId, parentId, from, null);
  }

  void linkParent(long unitId, long parentId, LocalDate from, @Nullable LocalDate to) {
    jdbc.sql(
            "insert into unit_parent(unit_id, parent_id, valid_from, valid_to) values (?, ?, ?, ?)")
        .params(unitId, parentId, Date.valueOf(from), to == null ? null : Date.valueOf(to))
        .update();
  }

  /**
   * Ends the parent link in force on {@code day} the day before. Returns when that link would have
   * ended (null: open), which is when the new link ends too.
   */
  Optional<@Nullable LocalDate> closeParent(long unitId, LocalDate day) {
    List<Optional<LocalDate>> ends =
        jdbc.sql(
                """
                update unit_parent l set valid_to = ?
                from (select unit_id, valid_from, valid_to from unit_parent
                      where unit_id = ? and valid_from < ? and (valid_to is null or valid_to >= ?)) old
                where l.unit_id = old.unit_id and l.valid_from = old.valid_from
                returning old.valid_to""")
            .params(Date.valueOf(day.minusDays(1)), unitId, Date.valueOf(day), Date.valueOf(day))
            .query((rs, n) -> Optional.ofNullable(rs.getDate(1)).map(Date::toLocalDate))
            .list();
    return ends.isEmpty() ? Optional.empty() : Optional.ofNullable(ends.get(0).orElse(null));
  }

  /** The open parent link starts on or after {@code day}: nothing to close before it. */
  boolean hasParentLinkFrom(long unitId, LocalDate day) {
    return jdbc.sql(
            "select exists(select 1 from unit_parent where unit_id = ? and valid_from >= ?)")
        .params(unitId, Date.valueOf(day))
        .query(Boolean.class)
        .single();
  }

  int update(long id, String name, UnitKind kind, int version) {
    return jdbc.sql(
            "update unit set name = ?, kind = ?, version = version + 1 where id = ? and version = ?")
        .params(name, kind.name(), id, version)
        .update();
  }

  /** The day the unit's current name took effect: its start, or its last rename. */
  LocalDate currentNameSince(long id) {
    return jdbc.sql(
            """
            select coalesce((select max(valid_to) + 1 from unit_former_name where unit_id = u.id),
                            u.valid_from)
            from unit u where u.id = ?""")
        .param(id)
        .query((rs, n) -> rs.getDate(1).toLocalDate())
        .single();
  }

  void keepFormerName(long id, String name, UnitKind kind, LocalDate from, LocalDate to) {
    jdbc.sql(
            "insert into unit_former_name(unit_id, name, kind, valid_from, valid_to) values (?, ?, ?, ?, ?)")
        .params(id, name, kind.name(), Date.valueOf(from), Date.valueOf(to))
        .update();
  }

  void rename(long id, String name, UnitKind kind) {
    jdbc.sql("update unit set name = ?, kind = ?, version = version + 1 where id = ?")
        .params(name, kind.name(), id)
        .update();
  }

  void end(long id, LocalDate lastDay) {
    jdbc.sql("update unit set valid_to = ?, version = version + 1 where id = ?")
        .params(Date.valueOf(lastDay), id)
        .update();
    jdbc.sql("update unit_parent set valid_to = ? where unit_id = ? and valid_to is null")
        .params(Date.valueOf(lastDay), id)
        .update();
  }

  /** Codes of the units whose parent on {@code day} is {@code parentId}. */
  List<String> childrenOn(long parentId, LocalDate day) {
    return jdbc.sql(
            """
            select u.code from unit_parent l join unit u on u.id = l.unit_id
            where l.parent_id = ? and l.valid_from <= ? and (l.valid_to is null or l.valid_to >= ?)
              and (u.valid_to is null or u.valid_to >= ?)
            order by u.code""")
        .params(parentId, Date.valueOf(day), Date.valueOf(day), Date.valueOf(day))
        .query(String.class)
        .list();
  }

  /** Ids of the unit and every unit below it, on {@code day}. */
  List<Long> subtree(long rootId, LocalDate day) {
    return jdbc.sql(
            """
            with recursive down(id, depth) as (
              select cast(? as bigint), 0
              union all
              select l.unit_id, down.depth + 1 from down
              join unit_parent l on l.parent_id = down.id and l.valid_from <= ?
                               and (l.valid_to is null or l.valid_to >= ?)
              where down.depth < 20
            )
            select distinct id from down""")
        .params(rootId, Date.valueOf(day), Date.valueOf(day))
        .query(Long.class)
        .list();
  }

  /** Whether {@code unitId} is {@code ancestorId} or below it, on {@code day}. */
  boolean isWithin(long unitId, long ancestorId, LocalDate day) {
    return jdbc.sql(
            """
            with recursive up(id, depth) as (
              select cast(? as bigint), 0
              union all
              select l.parent_id, up.depth + 1 from up
              join unit_parent l on l.unit_id = up.id and l.valid_from <= ?
                               and (l.valid_to is null or l.valid_to >= ?)
              where up.depth < 20
            )
            select exists(select 1 from up where id = ?)""")
        .params(unitId, Date.valueOf(day), Date.valueOf(day), ancestorId)
        .query(Boolean.class)
        .single();
  }

  long insertReorganisation(
      ReorganisationKind kind,
      LocalDate effective,
      @Nullable String reference,
      @Nullable String description,
      boolean synthetic,
      @Nullable Long subject,
      @Nullable String oldValue,
      @Nullable String newValue,
      String recordedBy) {
    return jdbc.sql(
            """
            insert into reorganisation(kind, effective_date, reference, description, synthetic,
                                       subject_unit_id, old_value, new_value, recorded_by)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
        .params(
            kind.name(),
            Date.valueOf(effective),
            reference,
            description,
            synthetic,
            subject,
            oldValue,
            newValue,
            recordedBy)
        .query(Long.class)
        .single();
  }

  void insertLink(long reorganisationId, long predecessor, long successor, BigDecimal share) {
    jdbc.sql(
            "insert into lineage(reorganisation_id, predecessor_id, successor_id, share) values (?, ?, ?, ?)")
        .params(reorganisationId, predecessor, successor, share)
        .update();
  }

  /** Share of the predecessor already passed on by earlier reorganisations. */
  BigDecimal sharePassedOn(long predecessor) {
    return jdbc.sql("select coalesce(sum(share), 0) from lineage where predecessor_id = ?")
        .param(predecessor)
        .query(BigDecimal.class)
        .single();
  }

  private static final String SELECT_LINKS =
      """
      select l.reorganisation_id, r.kind, r.effective_date, p.id as p_id, p.code as p_code,
             p.name as p_name, s.id as s_id, s.code as s_code, s.name as s_name, l.share
      from lineage l join reorganisation r on r.id = l.reorganisation_id
      join unit p on p.id = l.predecessor_id join unit s on s.id = l.successor_id
      """;

  List<LineageLink> linksInto(long successor) {
    return jdbc.sql(SELECT_LINKS + " where l.successor_id = ? order by r.effective_date, p.code")
        .param(successor)
        .query(UnitRepository::mapLink)
        .list();
  }

  /** Links into any of the given units, in one query. */
  List<LineageLink> linksInto(Collection<Long> successors) {
    return jdbc.sql(
            SELECT_LINKS + " where l.successor_id = any(?) order by r.effective_date, p.code")
        .param(successors.toArray(Long[]::new))
        .query(UnitRepository::mapLink)
        .list();
  }

  List<LineageLink> linksOutOf(long predecessor) {
    return jdbc.sql(SELECT_LINKS + " where l.predecessor_id = ? order by r.effective_date, s.code")
        .param(predecessor)
        .query(UnitRepository::mapLink)
        .list();
  }

  Optional<ReorganisationView> reorganisation(long id) {
    return reorganisations(null, id).stream().findFirst();
  }

  List<ReorganisationView> reorganisations(@Nullable Long unitId) {
    return reorganisations(unitId, null);
  }

  private List<ReorganisationView> reorganisations(@Nullable Long unitId, @Nullable Long id) {
    List<ReorganisationView> rows =
        jdbc.sql(
                """
                select r.*, u.code as subject_code from reorganisation r
                left join unit u on u.id = r.subject_unit_id
                where (cast(:id as bigint) is null or r.id = :id)
                  and (cast(:unit as bigint) is null or r.subject_unit_id = :unit
                   or exists(select 1 from lineage l where l.reorganisation_id = r.id
                             and (l.predecessor_id = :unit or l.successor_id = :unit)))
                order by r.effective_date desc, r.id desc""")
            .param("unit", unitId)
            .param("id", id)
            .query(
                (rs, n) ->
                    new ReorganisationView(
                        rs.getLong("id"),
                        ReorganisationKind.valueOf(rs.getString("kind")),
                        rs.getDate("effective_date").toLocalDate(),
                        rs.getString("reference"),
                        rs.getString("description"),
                        rs.getBoolean("synthetic"),
                        rs.getString("subject_code"),
                        rs.getString("old_value"),
                        rs.getString("new_value"),
                        rs.getTimestamp("recorded_at").toInstant(),
                        rs.getString("recorded_by"),
                        List.of()))
            .list();
    if (rows.isEmpty()) {
      return rows;
    }
    // the links of all of them in one query, not one per reorganisation
    java.util.Map<Long, List<LineageLink>> links = new java.util.HashMap<>();
    jdbc.sql(SELECT_LINKS + " where l.reorganisation_id = any(?) order by p.code, s.code")
        .param(rows.stream().map(ReorganisationView::id).toArray(Long[]::new))
        .query(UnitRepository::mapLink)
        .list()
        .forEach(
            l ->
                links
                    .computeIfAbsent(l.reorganisationId(), k -> new java.util.ArrayList<>())
                    .add(l));
    return rows.stream()
        .map(
            r ->
                new ReorganisationView(
                    r.id(),
                    r.kind(),
                    r.effectiveDate(),
                    r.reference(),
                    r.description(),
                    r.synthetic(),
                    r.subjectCode(),
                    r.oldValue(),
                    r.newValue(),
                    r.recordedAt(),
                    r.recordedBy(),
                    links.getOrDefault(r.id(), List.of())))
        .toList();
  }

  /** A unit that has ended is shown with the parent it had on its last day. */
  private LocalDate effectiveDay(String code, LocalDate day) {
    return jdbc.sql("select valid_to from unit where code = ?")
        .param(code)
        .query((rs, n) -> rs.getDate(1))
        .optional()
        .map(Date::toLocalDate)
        .filter(end -> end.isBefore(day))
        .orElse(day);
  }

  private static UnitView map(ResultSet rs, int n) throws SQLException {
    Date to = rs.getDate("valid_to");
    return new UnitView(
        rs.getLong("id"),
        rs.getString("code"),
        rs.getString("name"),
        UnitKind.valueOf(rs.getString("kind")),
        rs.getString("parent_code"),
        rs.getDate("valid_from").toLocalDate(),
        to == null ? null : to.toLocalDate(),
        rs.getBoolean("synthetic"),
        rs.getInt("version"));
  }

  private static LineageLink mapLink(ResultSet rs, int n) throws SQLException {
    return new LineageLink(
        rs.getLong("reorganisation_id"),
        ReorganisationKind.valueOf(rs.getString("kind")),
        rs.getDate("effective_date").toLocalDate(),
        rs.getLong("p_id"),
        rs.getString("p_code"),
        rs.getString("p_name"),
        rs.getLong("s_id"),
        rs.getString("s_code"),
        rs.getString("s_name"),
        rs.getBigDecimal("share"));
  }
}
