package org.laurel.indicator;

import java.time.LocalDate;

/**
 * Another module's reminders: the reminder job asks each such bean, after the report reminders, to
 * queue what is due (through {@link MailOutbox}); the same sender sends it all.
 */
public interface ReminderDecider {

  /** Queues the reminders due on {@code today}; returns how many were queued. Idempotent. */
  int decide(LocalDate today);
}
