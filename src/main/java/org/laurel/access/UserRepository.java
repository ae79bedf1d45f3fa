package org.laurel.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

  record UserRow(
      long id,
      String username,
      String displayName,
      String passwordHash,
      Role role,
      long unitId,
      @Nullable Long personId,
      boolean enabled,
      int failedLogins,
      @Nullable Instant lockedUntil,
      int version,
      @Nullable String email,
      @Nullable String language) {

    LaurelUser principal() {
      return new LaurelUser(
          id, username, displayName, passwordHash, role, unitId, personId, enabled);
    }
  }

  private final JdbcClient jdbc;

  UserRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<UserRow> findByUsername(String username) {
    return jdbc.sql("select * from app_user where username = ?")
        .param(username)
        .query(UserRepository::map)
        .optional();
  }

  Optional<UserRow> findById(long id) {
    return jdbc.sql("select * from app_user where id = ?")
        .param(id)
        .query(UserRepository::map)
        .optional();
  }

  List<UserRow> findAll() {
    return jdbc.sql("select * from app_user order by username").query(UserRepository::map).list();
  }

  long count() {
    return jdbc.sql("select count(*) from app_user").query(Long.class).single();
  }

  long insert(
      String username,
      String displayName,
      String passwordHash,
      Role role,
      long unitId,
      @Nullable Long personId) {
    return jdbc.sql(
            """
            insert into app_user(username, display_name, password_hash, role, unit_id, person_id)
            values (?, ?, ?, ?, ?, ?) returning id""")
        .params(username, displayName, passwordHash, role.name(), unitId, personId)
        .query(Long.class)
        .single();
  }

  int update(
      long id,
      String displayName,
      Role role,
      long unitId,
      @Nullable Long personId,
      boolean enabled,
      int version) {
    return jdbc.sql(
            """
            update app_user set display_name = ?, role = ?, unit_id = ?, person_id = ?,
                   enabled = ?, failed_logins = case when ? then 0 else failed_logins end,
                   locked_until = case when ? then null else locked_until end,
                   version = version + 1
            where id = ? and version = ?""")
        .params(displayName, role.name(), unitId, personId, enabled, enabled, enabled, id, version)
        .update();
  }

  /** E-mail address and language are not versioned: they change with the row they belong to. */
  void updateContact(long id, @Nullable String email, @Nullable String language) {
    jdbc.sql("update app_user set email = ?, language = ? where id = ?")
        .params(email, language, id)
        .update();
  }

  void updatePassword(long id, String hash) {
    jdbc.sql("update app_user set password_hash = ?, version = version + 1 where id = ?")
        .params(hash, id)
        .update();
  }

  void recordFailure(long id, int failedLogins, @Nullable Instant lockedUntil) {
    jdbc.sql("update app_user set failed_logins = ?, locked_until = ? where id = ?")
        .params(failedLogins, lockedUntil == null ? null : Timestamp.from(lockedUntil), id)
        .update();
  }

  void resetFailures(long id) {
    jdbc.sql(
            "update app_user set failed_logins = 0, locked_until = null where id = ? and failed_logins > 0")
        .param(id)
        .update();
  }

  /** Ends every session of the user, on every instance, since sessions live in the database. */
  int deleteSessions(String username) {
    return jdbc.sql("delete from spring_session where principal_name = ?").param(username).update();
  }

  private static UserRow map(ResultSet rs, int n) throws SQLException {
    Timestamp locked = rs.getTimestamp("locked_until");
    long personId = rs.getLong("person_id");
    Long person = rs.wasNull() ? null : personId;
    return new UserRow(
        rs.getLong("id"),
        rs.getString("username"),
        rs.getString("display_name"),
        rs.getString("password_hash"),
        Role.valueOf(rs.getString("role")),
        rs.getLong("unit_id"),
        person,
        rs.getBoolean("enabled"),
        rs.getInt("failed_logins"),
        locked == null ? null : locked.toInstant(),
        rs.getInt("version"),
        rs.getString("email"),
        rs.getString("language"));
  }
}
