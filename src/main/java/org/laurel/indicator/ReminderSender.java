package org.laurel.indicator;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox. Each run claims a batch of due rows with {@code FOR UPDATE SKIP LOCKED}, so
 * several instances never send the same row; a sent row is marked sent, a failed one counts the
 * attempt and waits longer each time (1, 2, 4 … minutes, at most 6 hours) until {@code
 * maxAttempts}. A crash between sending and committing sends that mail again: at least once.
 */
@Component
class ReminderSender {

  private static final Logger log = LoggerFactory.getLogger(ReminderSender.class);
  private static final long MAX_BACKOFF_SECONDS = 6 * 3600;

  record Outcome(int sent, int failed) {}

  private record Mail(long id, String recipient, String subject, String body, int attempts) {}

  private final JdbcClient jdbc;
  private final ObjectProvider<JavaMailSender> mail;
  private final ReminderProperties props;
  private final TransactionTemplate tx;
  private final boolean hostConfigured;

  ReminderSender(
      JdbcClient jdbc,
      ObjectProvider<JavaMailSender> mail,
      ReminderProperties props,
      PlatformTransactionManager txManager,
      @Value("${spring.mail.host:}") String host) {
    this.jdbc = jdbc;
    this.mail = mail;
    this.hostConfigured = !host.isBlank();
    this.props = props;
    this.tx = new TransactionTemplate(txManager);
  }

  /** Whether an SMTP server is configured; without one nothing is decided or sent. */
  boolean enabled() {
    return hostConfigured && mail.getIfAvailable() != null;
  }

  /** Sends one batch of due mails. */
  Outcome sendDue() {
    JavaMailSender sender = mail.getIfAvailable();
    if (!hostConfigured || sender == null) {
      return new Outcome(0, 0);
    }
    Outcome o = tx.execute(s -> sendBatch(sender));
    return o == null ? new Outcome(0, 0) : o;
  }

  private Outcome sendBatch(JavaMailSender sender) {
    List<Mail> batch =
        jdbc.sql(
                """
                select id, recipient, subject, body, attempts from reminder_outbox
                where sent_at is null and attempts < ? and next_attempt_at <= now()
                order by next_attempt_at, id limit ? for update skip locked""")
            .params(props.maxAttempts(), props.batchSize())
            .query(
                (rs, n) ->
                    new Mail(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getInt(5)))
            .list();
    int sent = 0;
    int failed = 0;
    for (Mail m : batch) {
      SimpleMailMessage msg = new SimpleMailMessage();
      msg.setFrom(props.from());
      msg.setTo(m.recipient());
      msg.setSubject(m.subject());
      msg.setText(m.body());
      try {
        sender.send(msg);
        jdbc.sql("update reminder_outbox set sent_at = now(), last_error = null where id = ?")
            .param(m.id())
            .update();
        sent++;
      } catch (MailException e) {
        long wait = Math.min(MAX_BACKOFF_SECONDS, 60L << Math.min(m.attempts(), 20));
        jdbc.sql(
                """
                update reminder_outbox set attempts = attempts + 1, last_error = ?,
                       next_attempt_at = now() + make_interval(secs => ?)
                where id = ?""")
            .params(truncate(e.getMessage()), wait, m.id())
            .update();
        failed++;
        log.warn(
            "Reminder {} to {} not sent (attempt {}): {}",
            m.id(),
            m.recipient(),
            m.attempts() + 1,
            e.getMessage());
      }
    }
    return new Outcome(sent, failed);
  }

  private static @Nullable String truncate(@Nullable String s) {
    return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
  }
}
