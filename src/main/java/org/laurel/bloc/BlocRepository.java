package org.laurel.bloc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.laurel.bloc.BlocView.UnitRef;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class BlocRepository {

  private final JdbcClient jdbc;

  BlocRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  private record Row(
      long id,
      String code,
      String name,
      int year,
      @Nullable String description,
      UnitRef head,
      UnitRef deputy,
      int version) {}

  Optional<BlocView> find(long id) {
    return load("where b.id = ?", id).stream().findFirst();
  }

  List<BlocView> byIds(java.util.Collection<Long> ids) {
    return load("where b.id = any(?) order by b.code", (Object) ids.toArray(Long[]::new));
  }

  List<BlocView> byYear(@Nullable Integer year) {
    return year == null
        ? load("where true order by b.year desc, b.code")
        : load("where b.year = ? order by b.code", year);
  }

  /** Blocs and their members in two queries, whatever their number. */
  private List<BlocView> load(String where, Object... params) {
    List<Row> rows =
        jdbc.sql(
                """
                select b.*, h.code as h_code, h.name as h_name, d.code as d_code, d.name as d_name
                from bloc b join unit h on h.id = b.head_unit_id join unit d on d.id = b.deputy_unit_id
                """
                    + where)
            .params(params)
            .query(
                (rs, n) ->
                    new Row(
                        rs.getLong("id"),
                        rs.getString("code"),
                        rs.getString("name"),
                        rs.getInt("year"),
                        rs.getString("description"),
                        new UnitRef(
                            rs.getLong("head_unit_id"),
                            rs.getString("h_code"),
                            rs.getString("h_name")),
                        new UnitRef(
                            rs.getLong("deputy_unit_id"),
                            rs.getString("d_code"),
                            rs.getString("d_name")),
                        rs.getInt("version")))
            .list();
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<Long, List<UnitRef>> members = new LinkedHashMap<>();
    rows.forEach(r -> members.put(r.id(), new ArrayList<>()));
    jdbc.sql(
            """
            select m.bloc_id, u.id, u.code, u.name from bloc_member m join unit u on u.id = m.unit_id
            where m.bloc_id = any(?) order by u.name collate "C", u.code""")
        .param(rows.stream().map(Row::id).toArray(Long[]::new))
        .query(
            rs -> {
              members
                  .get(rs.getLong(1))
                  .add(new UnitRef(rs.getLong(2), rs.getString(3), rs.getString(4)));
            });
    return rows.stream()
        .map(
            r ->
                new BlocView(
                    r.id(),
                    r.code(),
                    r.name(),
                    r.year(),
                    r.description(),
                    r.head(),
                    r.deputy(),
                    List.copyOf(members.get(r.id())),
                    r.version()))
        .toList();
  }

  boolean exists(String code, int year) {
    return jdbc.sql("select exists(select 1 from bloc where code = ? and year = ?)")
        .params(code, year)
        .query(Boolean.class)
        .single();
  }

  long insert(
      String code, String name, int year, @Nullable String description, long head, long deputy) {
    return jdbc.sql(
            """
            insert into bloc(code, name, year, description, head_unit_id, deputy_unit_id)
            values (?, ?, ?, ?, ?, ?) returning id""")
        .params(code, name, year, description, head, deputy)
        .query(Long.class)
        .single();
  }

  int update(
      long id, String name, @Nullable String description, long head, long deputy, int version) {
    return jdbc.sql(
            """
            update bloc set name = ?, description = ?, head_unit_id = ?, deputy_unit_id = ?,
                   version = version + 1
            where id = ? and version = ?""")
        .params(name, description, head, deputy, id, version)
        .update();
  }

  int updateDescription(long id, @Nullable String description, int version) {
    return jdbc.sql(
            "update bloc set description = ?, version = version + 1 where id = ? and version = ?")
        .params(description, id, version)
        .update();
  }

  void replaceMembers(long blocId, Collection<Long> unitIds) {
    jdbc.sql("delete from bloc_member where bloc_id = ?").param(blocId).update();
    jdbc.sql("insert into bloc_member(bloc_id, unit_id) select ?, unnest(?)")
        .params(blocId, unitIds.toArray(Long[]::new))
        .update();
  }
}
