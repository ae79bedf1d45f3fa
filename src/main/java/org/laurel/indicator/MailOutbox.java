package org.laurel.indicator;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reminders' outbox for other modules: a mail queued here is sent by the same sender as the
 * report reminders (claimed with SKIP LOCKED, retried with back-off), only when an SMTP host is
 * configured. One row per user, key and kind: queuing it again does nothing.
 */
@Service
public class MailOutbox {

  /** The kinds other modules queue. */
  public enum Kind {
    MILESTONE,
    REGISTRATION
  }

  private final JdbcClient jdbc;

  MailOutbox(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Queues a mail in the caller's transaction; false when this user already has it. */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean queue(
      long userId, String key, Kind kind, String recipient, String subject, String body) {
    return jdbc.sql(
                """
                insert into reminder_outbox(user_id, period, kind, recipient, subject, body)
                values (?, ?, ?, ?, ?, ?) on conflict (user_id, period, kind) do nothing""")
            .params(userId, key, kind.name(), recipient, subject, body)
            .update()
        == 1;
  }
}
