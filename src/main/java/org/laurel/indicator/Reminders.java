package org.laurel.indicator;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.laurel.access.Access;
import org.laurel.access.Contacts;
import org.laurel.access.Contacts.Contact;
import org.laurel.access.Role;
import org.laurel.audit.AuditLog;
import org.laurel.bloc.BlocView;
import org.laurel.bloc.BlocView.UnitRef;
import org.laurel.bloc.Blocs;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decides who is reminded of what, and writes the mails into the outbox in the same transaction;
 * {@link ReminderSender} sends them. Before a deadline ({@code leadDays} ahead until the day
 * itself) the reporters of each member unit whose report is neither submitted nor accepted are
 * reminded; after it, the bloc head's officers get the list of missing reports. Each user gets each
 * kind of reminder once per period, whoever decides it and however often.
 */
@Service
class Reminders {

  enum Kind {
    DUE_SOON,
    MISSING
  }

  /** Report states that need no reminder. */
  private static final Set<String> DONE = Set.of("SUBMITTED", "ACCEPTED");

  /** What a run did; {@code enabled} is false when no SMTP host is configured. */
  record RunResult(boolean enabled, int queued, int sent, int failed) {}

  private record Deadline(long blocId, String period, LocalDate due) {}

  private final JdbcClient jdbc;
  private final Blocs blocs;
  private final Contacts contacts;
  private final MessageSource messages;
  private final AuditLog audit;
  private final Access access;
  private final ReminderSender sender;
  private final ReminderProperties props;
  private final TransactionTemplate tx;
  private final Clock clock;

  Reminders(
      JdbcClient jdbc,
      Blocs blocs,
      Contacts contacts,
      MessageSource messages,
      AuditLog audit,
      Access access,
      ReminderSender sender,
      ReminderProperties props,
      PlatformTransactionManager txManager,
      Clock clock) {
    this.jdbc = jdbc;
    this.blocs = blocs;
    this.contacts = contacts;
    this.messages = messages;
    this.audit = audit;
    this.access = access;
    this.sender = sender;
    this.props = props;
    this.tx = new TransactionTemplate(txManager);
    this.clock = clock;
  }

  /** The secretariat's trigger: decide for today, then send what is due, now. */
  RunResult runNow() {
    access.requireSecretariat();
    if (!sender.enabled()) {
      return new RunResult(false, 0, 0, 0);
    }
    int queued = decide(LocalDate.now(clock));
    ReminderSender.Outcome o = sender.sendDue();
    return new RunResult(true, queued, o.sent(), o.failed());
  }

  /** Writes the reminders due on {@code today} into the outbox; returns how many are new. */
  int decide(LocalDate today) {
    Integer n = tx.execute(s -> decideInTransaction(today));
    return n == null ? 0 : n;
  }

  private int decideInTransaction(LocalDate today) {
    List<Deadline> deadlines =
        jdbc.sql(
                """
                select bloc_id, period, due_date from report_deadline
                where due_date between ? and ? order by due_date, bloc_id, period""")
            .params(today.minusDays(props.overdueDays()), today.plusDays(props.leadDays()))
            .query(
                (rs, i) ->
                    new Deadline(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate()))
            .list();
    int queued = 0;
    for (Deadline d : deadlines) {
      BlocView bloc = blocs.get(d.blocId());
      Map<Long, String> status = statuses(bloc, d.period());
      List<UnitRef> missing =
          bloc.members().stream()
              .filter(m -> !DONE.contains(status.getOrDefault(m.id(), "NONE")))
              .toList();
      if (missing.isEmpty()) {
        continue;
      }
      if (!today.isAfter(d.due())) {
        for (UnitRef unit : missing) {
          for (Contact c : contacts.of(unit.id(), Contacts.reporters())) {
            queued += dueSoon(c, bloc, unit, d);
          }
        }
      } else {
        for (Contact c : contacts.of(bloc.head().id(), Set.of(Role.BLOC_HEAD))) {
          queued += missing(c, bloc, missing, status, d);
        }
      }
    }
    return queued;
  }

  private int dueSoon(Contact c, BlocView bloc, UnitRef unit, Deadline d) {
    Locale l = c.locale();
    String due = date(d.due(), l);
    String link = props.baseUrl() + "/reports/" + unit.code() + "/" + d.period();
    String subject = msg(l, "reminder.dueSoon.subject", d.period(), unit.name(), due);
    String body =
        msg(l, "reminder.dueSoon.body", d.period(), unit.name(), due, c.displayName(), link);
    return enqueue(c, bloc, d, Kind.DUE_SOON, subject, body, List.of(unit.code()));
  }

  private int missing(
      Contact c, BlocView bloc, List<UnitRef> missing, Map<Long, String> status, Deadline d) {
    Locale l = c.locale();
    StringBuilder list = new StringBuilder();
    for (UnitRef u : missing) {
      String s = msg(l, "export.status." + status.getOrDefault(u.id(), "NONE"));
      list.append(msg(l, "reminder.missing.line", u.code(), u.name(), s)).append('\n');
    }
    String link = props.baseUrl() + "/blocs/" + bloc.id();
    String subject =
        msg(
            l,
            "reminder.missing.subject",
            d.period(),
            bloc.name(),
            Integer.toString(missing.size()));
    String body =
        msg(
            l,
            "reminder.missing.body",
            d.period(),
            bloc.name(),
            Integer.toString(missing.size()),
            c.displayName(),
            date(d.due(), l),
            list.toString().stripTrailing(),
            link);
    return enqueue(
        c, bloc, d, Kind.MISSING, subject, body, missing.stream().map(UnitRef::code).toList());
  }

  /** One row per user, period and kind: a second decision finds it there and writes nothing. */
  private int enqueue(
      Contact c,
      BlocView bloc,
      Deadline d,
      Kind kind,
      String subject,
      String body,
      List<String> units) {
    int n =
        jdbc.sql(
                """
                insert into reminder_outbox(user_id, period, kind, bloc_id, recipient, subject, body)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (user_id, period, kind) do nothing""")
            .params(c.userId(), d.period(), kind.name(), bloc.id(), c.email(), subject, body)
            .update();
    if (n == 1) {
      Map<String, Object> after = new HashMap<>();
      after.put("to", c.username());
      after.put("bloc", bloc.code());
      after.put("due", d.due().toString());
      after.put("units", new ArrayList<>(units));
      audit.record(
          "reminder.queued",
          "reminder",
          kind.name() + "/" + d.period() + "/" + c.username(),
          null,
          after);
    }
    return n;
  }

  private Map<Long, String> statuses(BlocView bloc, String period) {
    Map<Long, String> out = new HashMap<>();
    List<Long> ids = bloc.members().stream().map(UnitRef::id).toList();
    if (ids.isEmpty()) {
      return out;
    }
    jdbc.sql("select unit_id, status from report where period = ? and unit_id = any(?)")
        .params(period, ids.toArray(Long[]::new))
        .query(
            rs -> {
              out.put(rs.getLong(1), rs.getString(2));
            });
    return out;
  }

  private String date(LocalDate d, Locale l) {
    return d.format(DateTimeFormatter.ofPattern(msg(l, "reminder.dateFormat"), l));
  }

  private String msg(Locale l, String key, Object... args) {
    return messages.getMessage(key, args, l);
  }
}
