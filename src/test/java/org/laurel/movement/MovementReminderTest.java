package org.laurel.movement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.laurel.access.Access;
import org.laurel.support.LaurelTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/** Reminders are decided into the outbox (the sender, shared with reports, is tested there). */
@LaurelTest
@Transactional
class MovementReminderTest {

  @Autowired MovementReminders reminders;
  @Autowired Movements movements;
  @Autowired Registrations registrations;
  @Autowired JdbcClient jdbc;

  @Test
  void remindsTheReportersOfAMilestoneAndTheUnitsNotRegisteredOnce() {
    jdbc.sql("update app_user set email = username || '@example.org' where username in (?, ?)")
        .params("reporter", "blochead")
        .update();
    LocalDate today = LocalDate.now();
    int y = today.getYear();
    long[] id = new long[1];
    Access.runAsSystem(
        "test",
        () -> {
          MovementView m =
              movements.create(
                  new Movements.MovementForm(
                      "REMIND-T",
                      "Phong trào nhắc việc",
                      null,
                      MovementView.Kind.THEMATIC,
                      y,
                      "HD",
                      null,
                      "5/QĐ",
                      LocalDate.of(y, 1, 2),
                      null,
                      LocalDate.of(y, 1, 1),
                      LocalDate.of(y, 12, 31),
                      today.plusDays(1),
                      false,
                      false,
                      List.of(),
                      List.of("TK", "CL"),
                      List.of(
                          new Movements.MilestoneForm(
                              MovementView.MilestoneKind.MID_YEAR_REVIEW,
                              "Sơ kết",
                              today.plusDays(2))),
                      List.of(),
                      List.of(),
                      null,
                      0));
          m = movements.launch(m.id(), new Movements.Step(m.version()));
          registrations.register(
              m.id(),
              new Registrations.RegistrationForm(
                  "CL",
                  List.of(),
                  List.of(new Registrations.TargetForm("BUDGET_REVENUE", BigDecimal.TEN)),
                  List.of(),
                  null,
                  0));
          id[0] = m.id();
        });
    reminders.decide(today);
    List<String> rows =
        jdbc.sql(
                """
                select o.kind || ' ' || u.username from reminder_outbox o
                join app_user u on u.id = o.user_id
                where o.period like ? order by 1""")
            .param("movement/" + id[0] + "/%")
            .query(String.class)
            .list();
    assertThat(rows)
        .containsExactly("MILESTONE blochead", "MILESTONE reporter", "REGISTRATION reporter");
    assertThat(
            jdbc.sql(
                    "select subject from reminder_outbox where period = ? and kind = 'REGISTRATION'")
                .param("movement/" + id[0] + "/registration")
                .query(String.class)
                .single())
        .contains("Phong trào nhắc việc");
    reminders.decide(today);
    assertThat(
            jdbc.sql("select count(*) from reminder_outbox where period like ?")
                .param("movement/" + id[0] + "/%")
                .query(Long.class)
                .single())
        .as("deciding again queues nothing more")
        .isEqualTo(3);
    // before the lead time nothing is due
    assertThat(reminders.decide(today.minusDays(10))).isZero();
  }
}
