package org.laurel.access;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How enabled users are reached by e-mail, for the modules' notifications (not an endpoint: it does
 * not check the caller).
 */
@Service
public class Contacts {

  /** A user with an e-mail address, and the language their mail is written in. */
  public record Contact(
      long userId, String username, String displayName, String email, Locale locale, Role role) {}

  /** The language of users who have not chosen one. */
  public static final Locale DEFAULT_LOCALE = Locale.forLanguageTag("vi");

  private final JdbcClient jdbc;

  Contacts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Enabled users of the unit with one of the roles and an e-mail address, by username. */
  @Transactional(readOnly = true)
  public List<Contact> of(long unitId, Collection<Role> roles) {
    if (roles.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            """
            select id, username, display_name, email, language, role from app_user
            where unit_id = ? and enabled and email is not null and role = any(?)
            order by username""")
        .params(unitId, roles.stream().map(Role::name).toArray(String[]::new))
        .query(
            (rs, n) ->
                new Contact(
                    rs.getLong("id"),
                    rs.getString("username"),
                    rs.getString("display_name"),
                    rs.getString("email"),
                    rs.getString("language") == null
                        ? DEFAULT_LOCALE
                        : Locale.forLanguageTag(rs.getString("language")),
                    Role.valueOf(rs.getString("role"))))
        .list();
  }

  /** The roles whose users report for their unit. */
  public static Set<Role> reporters() {
    return Set.of(Role.UNIT_REPORTER, Role.BLOC_HEAD);
  }
}
