package org.laurel.movement;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.laurel.access.Contacts;
import org.laurel.access.Contacts.Contact;
import org.laurel.audit.AuditLog;
import org.laurel.indicator.MailOutbox;
import org.laurel.indicator.ReminderDecider;
import org.laurel.movement.MovementView.Ref;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * E-mail reminders of the calendar: from {@code lead-days} before a milestone of a launched or
 * running movement until its day, the reporters of every unit expected to take part get one mail;
 * before the registration deadline, those of the units that have not registered get one. Mails go
 * through the indicator module's outbox and sender; its reminder job calls this one.
 */
@Service
class MovementReminders implements ReminderDecider {

  private final Movements movements;
  private final Registrations registrations;
  private final Contacts contacts;
  private final MailOutbox outbox;
  private final AuditLog audit;
  private final MessageSource messages;
  private final int leadDays;
  private final String baseUrl;

  MovementReminders(
      Movements movements,
      Registrations registrations,
      Contacts contacts,
      MailOutbox outbox,
      AuditLog audit,
      MessageSource messages,
      @Value("${laurel.reminders.lead-days:3}") int leadDays,
      @Value("${laurel.reminders.base-url:http://localhost:8080}") String baseUrl) {
    this.movements = movements;
    this.registrations = registrations;
    this.contacts = contacts;
    this.outbox = outbox;
    this.audit = audit;
    this.messages = messages;
    this.leadDays = leadDays;
    this.baseUrl = baseUrl;
  }

  /** Queues the reminders due on {@code today}; returns how many mails were queued. */
  @Override
  @Transactional
  public int decide(LocalDate today) {
    int queued = 0;
    LocalDate horizon = today.plusDays(leadDays);
    for (MovementView m : movements.list(null)) {
      if (!m.status().open()) {
        continue;
      }
      List<Ref> expected = movements.expectedRegistrants(m);
      String link = baseUrl + "/movements/" + m.id();
      for (MovementView.Milestone x : m.milestones()) {
        if (x.dueOn().isBefore(today) || x.dueOn().isAfter(horizon)) {
          continue;
        }
        for (Ref u : expected) {
          queued +=
              send(
                  u,
                  "movement/" + m.id() + "/milestone/" + x.id(),
                  MailOutbox.Kind.MILESTONE,
                  l ->
                      new String[] {
                        msg(
                            l,
                            "movement.reminder.milestone.subject",
                            m.title(),
                            date(x.dueOn(), l)),
                        msg(
                            l,
                            "movement.reminder.milestone.body",
                            m.title(),
                            x.title(),
                            date(x.dueOn(), l),
                            link)
                      });
        }
      }
      LocalDate deadline = m.registrationDeadline();
      if (deadline != null && !deadline.isBefore(today) && !deadline.isAfter(horizon)) {
        Set<String> registered = new HashSet<>();
        registrations.participation(m.id()).stream()
            .filter(Registrations.Participant::registered)
            .forEach(p -> registered.add(p.unitCode()));
        for (Ref u : expected) {
          if (registered.contains(u.code())) {
            continue;
          }
          queued +=
              send(
                  u,
                  "movement/" + m.id() + "/registration",
                  MailOutbox.Kind.REGISTRATION,
                  l ->
                      new String[] {
                        msg(
                            l,
                            "movement.reminder.registration.subject",
                            m.title(),
                            date(deadline, l)),
                        msg(
                            l,
                            "movement.reminder.registration.body",
                            m.title(),
                            u.name(),
                            date(deadline, l),
                            link)
                      });
        }
      }
    }
    return queued;
  }

  private int send(
      Ref unit,
      String key,
      MailOutbox.Kind kind,
      java.util.function.Function<Locale, String[]> text) {
    int n = 0;
    for (Contact c : contacts.of(unit.id(), Contacts.reporters())) {
      String[] t = text.apply(c.locale());
      if (outbox.queue(c.userId(), key, kind, c.email(), t[0], t[1])) {
        audit.record(
            "movement.reminder.queued",
            "reminder",
            kind.name() + "/" + key + "/" + c.username(),
            null,
            Map.of("to", c.username(), "unit", unit.code()));
        n++;
      }
    }
    return n;
  }

  private String date(LocalDate d, Locale l) {
    return d.format(DateTimeFormatter.ofPattern("dd/MM/yyyy", l));
  }

  private String msg(Locale l, String key, Object... args) {
    return messages.getMessage(key, args, l);
  }
}
