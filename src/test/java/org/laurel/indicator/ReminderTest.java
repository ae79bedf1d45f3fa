package org.laurel.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.laurel.access.Access;
import org.laurel.access.Role;
import org.laurel.access.Users;
import org.laurel.bloc.BlocCommands.NewBloc;
import org.laurel.bloc.Blocs;
import org.laurel.organisation.UnitCommands.NewUnit;
import org.laurel.organisation.UnitKind;
import org.laurel.organisation.Units;
import org.laurel.support.LaurelTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reminders through an in-process SMTP server on the port that the test properties give Laurel.
 * Each test builds its own bloc, units and users, so other tests' data does not matter.
 */
@LaurelTest
class ReminderTest {

  @RegisterExtension
  static GreenMailExtension smtp =
      new GreenMailExtension(new ServerSetup(39251, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  private static final AtomicInteger SEQ = new AtomicInteger();

  @Autowired Reminders reminders;
  @Autowired ReminderSender sender;
  @Autowired JdbcClient jdbc;
  @Autowired Units units;
  @Autowired Blocs blocs;
  @Autowired Users users;
  @Autowired Clock clock;
  @Autowired MockMvc mvc;
  @Autowired JsonMapper json;

  @Value("${spring.mail.port}")
  int port;

  /** Units A (head), B, C; C has submitted; users of A and B and C with addresses. */
  record World(
      long bloc,
      String period,
      String a,
      String b,
      String c,
      String repA,
      String repB,
      String repC,
      String head,
      String tag) {}

  World world;
  LocalDate today;

  @BeforeEach
  void world() {
    assertThat(port).isEqualTo(39251);
    today = LocalDate.now(clock);
    String tag = "r" + (System.nanoTime() % 1_000_000) + "x" + SEQ.incrementAndGet();
    String up = tag.toUpperCase();
    String a = "RM" + up + "A";
    String b = "RM" + up + "B";
    String c = "RM" + up + "C";
    int year = today.getYear();
    // a month of this year: any period will do, each test has its own users
    String period = "%d-M%02d".formatted(year, today.getMonthValue());
    Access.runAsSystem(
        "test",
        () -> {
          LocalDate from = LocalDate.of(year, 1, 1);
          units.create(new NewUnit(a, "Phường Ánh Dương", UnitKind.WARD, "HP", from));
          units.create(new NewUnit(b, "Xã Bình Minh", UnitKind.COMMUNE, "HP", from));
          units.create(new NewUnit(c, "Xã Cẩm Thượng", UnitKind.COMMUNE, "HP", from));
          blocs.create(
              new NewBloc("RMB" + up, "Khối nhắc việc", year, null, List.of(a, b, c), a, b));
        });
    long bloc =
        jdbc.sql("select id from bloc where code = ? and year = ?")
            .params("RMB" + up, year)
            .query(Long.class)
            .single();
    user(tag + "-repa", Role.UNIT_REPORTER, a, tag + "-repa@laurel.invalid", null);
    user(tag + "-repb", Role.UNIT_REPORTER, b, tag + "-repb@laurel.invalid", "en");
    user(tag + "-nomail", Role.UNIT_REPORTER, b, null, null);
    user(tag + "-repc", Role.UNIT_REPORTER, c, tag + "-repc@laurel.invalid", null);
    user(tag + "-head", Role.BLOC_HEAD, a, tag + "-head@laurel.invalid", null);
    user(tag + "-view", Role.VIEWER, a, tag + "-view@laurel.invalid", null);
    jdbc.sql(
            """
            insert into report(unit_id, period, year, end_month, status, submitted_at, submitted_by)
            select id, ?, ?, ?, 'SUBMITTED', now(), 'test' from unit where code = ?""")
        .params(period, year, today.getMonthValue(), c)
        .update();
    world =
        new World(
            bloc,
            period,
            a,
            b,
            c,
            tag + "-repa@laurel.invalid",
            tag + "-repb@laurel.invalid",
            tag + "-repc@laurel.invalid",
            tag + "-head@laurel.invalid",
            tag);
  }

  void user(String name, Role role, String unit, String email, String language) {
    users.createInitial(
        new Users.NewUser(name, name, "long-enough-pw", role, unit, null, email, language));
  }

  void deadline(LocalDate due) {
    jdbc.sql("insert into report_deadline(bloc_id, period, due_date) values (?, ?, ?)")
        .params(world.bloc(), world.period(), Date.valueOf(due))
        .update();
  }

  /** Decides and sends until nothing is left, as the scheduled job would over time. */
  void runJob() {
    reminders.decide(today);
    while (sender.sendDue().sent() > 0) {
      // next batch
    }
  }

  List<MimeMessage> mailsTo(String address) throws Exception {
    List<MimeMessage> out = new java.util.ArrayList<>();
    for (MimeMessage m : smtp.getReceivedMessages()) {
      Address[] to = m.getAllRecipients();
      if (to != null && Arrays.stream(to).anyMatch(x -> x.toString().equals(address))) {
        out.add(m);
      }
    }
    return out;
  }

  @Test
  void beforeTheDeadlineReportersOfUnitsThatHaveNotSubmittedAreRemindedOnce() throws Exception {
    deadline(today.plusDays(2));
    runJob();
    runJob();

    List<MimeMessage> a = mailsTo(world.repA());
    assertThat(a).hasSize(1);
    assertThat(a.get(0).getSubject())
        .isEqualTo(
            "Báo cáo kỳ %s của Phường Ánh Dương đến hạn ngày %s"
                .formatted(
                    world.period(),
                    today
                        .plusDays(2)
                        .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))));
    String body = (String) a.get(0).getContent();
    assertThat(body)
        .contains("Kính gửi " + world.tag() + "-repa")
        .contains("/reports/" + world.a() + "/" + world.period());
    // the head's officer reports for unit A too
    assertThat(mailsTo(world.head())).hasSize(1);
    // B's reporter reads English
    List<MimeMessage> b = mailsTo(world.repB());
    assertThat(b).hasSize(1);
    assertThat(b.get(0).getSubject())
        .startsWith("Report " + world.period() + " of Xã Bình Minh is due on");
    // C has submitted; viewers are not reporters
    assertThat(mailsTo(world.repC())).isEmpty();
    assertThat(mailsTo(world.tag() + "-view@laurel.invalid")).isEmpty();
    assertThat(
            jdbc.sql(
                    """
                    select count(*) from reminder_outbox o join app_user u on u.id = o.user_id
                    where u.username like ? and o.sent_at is not null and o.kind = 'DUE_SOON'""")
                .param(world.tag() + "-%")
                .query(Long.class)
                .single())
        .isEqualTo(3);
    // the decisions are audited
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_entry where action = 'reminder.queued' and entity_id like ?")
                .param("DUE_SOON/" + world.period() + "/" + world.tag() + "-%")
                .query(Long.class)
                .single())
        .isEqualTo(3);
  }

  @Test
  void tooEarlyNothingIsSent() throws Exception {
    deadline(today.plusDays(30));
    runJob();
    assertThat(mailsTo(world.repA())).isEmpty();
    assertThat(mailsTo(world.head())).isEmpty();
  }

  @Test
  void afterTheDeadlineTheBlocHeadGetsTheMissingReportsOnce() throws Exception {
    deadline(today.minusDays(1));
    runJob();
    runJob();

    List<MimeMessage> head = mailsTo(world.head());
    assertThat(head).hasSize(1);
    assertThat(head.get(0).getSubject())
        .isEqualTo("Khối Khối nhắc việc: còn 2 đơn vị chưa gửi báo cáo kỳ " + world.period());
    String body = (String) head.get(0).getContent();
    assertThat(body)
        .contains("- " + world.a() + " Phường Ánh Dương (chưa nhập)")
        .contains("- " + world.b() + " Xã Bình Minh (chưa nhập)")
        .doesNotContain(world.c());
    // reporters are not reminded after the deadline, and nobody but the head's officer is told
    assertThat(mailsTo(world.repA())).isEmpty();
    assertThat(mailsTo(world.repB())).isEmpty();
    assertThat(mailsTo(world.repC())).isEmpty();
  }

  @Test
  void whenSmtpFailsTheMailStaysInTheOutboxAndTheRequestSucceeds() throws Exception {
    deadline(today.plusDays(1));
    smtp.stop();
    MvcResult r =
        mvc.perform(post("/api/v1/reminders/run").with(httpBasic("admin", "demo"))).andReturn();
    assertThat(r.getResponse().getStatus()).isEqualTo(200);
    JsonNode result = json.readTree(r.getResponse().getContentAsString());
    assertThat(result.get("enabled").asBoolean()).isTrue();
    assertThat(result.get("queued").asInt()).isGreaterThanOrEqualTo(3);
    assertThat(result.get("failed").asInt()).isGreaterThanOrEqualTo(3);

    String mine =
        "select count(*) from reminder_outbox o join app_user u on u.id = o.user_id where u.username like ? ";
    assertThat(
            jdbc.sql(
                    mine
                        + "and o.sent_at is null and o.attempts = 1 and o.last_error is not null"
                        + " and o.next_attempt_at > now()")
                .param(world.tag() + "-%")
                .query(Long.class)
                .single())
        .isEqualTo(3);

    // the server is back and the backoff has passed: the same rows go out, once
    smtp.start();
    jdbc.sql(
            """
            update reminder_outbox set next_attempt_at = now()
            where sent_at is null and user_id in (select id from app_user where username like ?)""")
        .param(world.tag() + "-%")
        .update();
    runJob();
    assertThat(mailsTo(world.repA())).hasSize(1);
    assertThat(mailsTo(world.repB())).hasSize(1);
    assertThat(mailsTo(world.head())).hasSize(1);
    assertThat(
            jdbc.sql(mine + "and o.sent_at is not null and o.attempts = 1")
                .param(world.tag() + "-%")
                .query(Long.class)
                .single())
        .isEqualTo(3);
  }

  @Test
  void onlyTheSecretariatRunsReminders() throws Exception {
    MvcResult r =
        mvc.perform(post("/api/v1/reminders/run").with(httpBasic("reporter", "demo"))).andReturn();
    assertThat(r.getResponse().getStatus()).isEqualTo(403);
    assertThat(mvc.perform(post("/api/v1/reminders/run")).andReturn().getResponse().getStatus())
        .isEqualTo(401);
  }
}
