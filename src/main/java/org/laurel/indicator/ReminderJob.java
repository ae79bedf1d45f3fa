package org.laurel.indicator;

import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the reminders on every instance: deciding is idempotent (one outbox row per user, period and
 * kind) and sending claims rows with SKIP LOCKED, so instances never send the same mail. Only when
 * an SMTP host is configured, and not for command-line runs.
 */
@Component
@Profile("!command")
@ConditionalOnExpression("'${spring.mail.host:}' != ''")
class ReminderJob {

  private static final Logger log = LoggerFactory.getLogger(ReminderJob.class);

  private final Reminders reminders;
  private final ReminderSender sender;
  private final ReminderProperties props;
  private final Clock clock;
  private final java.util.List<ReminderDecider> others;

  ReminderJob(
      Reminders reminders,
      ReminderSender sender,
      ReminderProperties props,
      Clock clock,
      java.util.List<ReminderDecider> others) {
    this.others = others;
    this.reminders = reminders;
    this.sender = sender;
    this.props = props;
    this.clock = clock;
  }

  @Scheduled(
      fixedDelayString = "${laurel.reminders.decide-interval:PT1H}",
      initialDelayString = "${laurel.reminders.decide-initial-delay:PT1M}")
  void decide() {
    try {
      int n = reminders.decide(LocalDate.now(clock));
      for (ReminderDecider other : others) {
        n += other.decide(LocalDate.now(clock));
      }
      if (n > 0) {
        log.info("{} reminders queued", n);
      }
    } catch (RuntimeException e) {
      log.error("Deciding reminders failed", e);
    }
  }

  @Scheduled(
      fixedDelayString = "${laurel.reminders.send-interval:PT1M}",
      initialDelayString = "${laurel.reminders.send-interval:PT1M}")
  void send() {
    try {
      ReminderSender.Outcome o;
      do {
        o = sender.sendDue();
      } while (o.sent() + o.failed() >= props.batchSize() && o.sent() > 0);
    } catch (RuntimeException e) {
      log.error("Sending reminders failed", e);
    }
  }
}
