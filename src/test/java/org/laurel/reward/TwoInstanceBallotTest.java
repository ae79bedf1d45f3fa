package org.laurel.reward;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.laurel.LaurelApplication;
import org.laurel.access.Access;
import org.laurel.reward.BallotWorld.Council;
import org.laurel.shared.ConflictException;
import org.laurel.support.LaurelTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two application instances on one PostgreSQL (the test's), the same members' votes sent to both at
 * once from many threads: each member's vote is counted once, the other attempt refused; none lost,
 * none counted twice. Not transactional: everything here is committed.
 */
@LaurelTest
class TwoInstanceBallotTest {

  static final int MEMBERS = 12;

  @Autowired ApplicationContext context;
  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager tx;

  @Test
  void votesSentToTwoInstancesAtOnceAreCountedExactlyOnce() throws Exception {
    TransactionTemplate t = new TransactionTemplate(tx);
    Object[] made = new Object[3];
    Access.runAsSystem(
        "two-instances",
        () ->
            t.executeWithoutResult(
                st -> {
                  BallotWorld w = new BallotWorld(context);
                  Council c = w.council(MEMBERS);
                  ProposalView p = w.ready("CSTD_TQ", 2);
                  made[0] = c;
                  made[1] = p;
                  made[2] = w.session(c, List.of(p.id()), List.of(), true);
                }));
    Council council = (Council) made[0];
    ProposalView proposal = (ProposalView) made[1];
    long session = ((CouncilSessionView) made[2]).id();
    long first = proposal.nominees().get(0).id();
    long second = proposal.nominees().get(1).id();

    HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
    try (ConfigurableApplicationContext other =
        new SpringApplicationBuilder(LaurelApplication.class)
            .run(
                "--server.port=0",
                "--laurel.db.url=" + hikari.getJdbcUrl(),
                "--laurel.db.user="
                    + (hikari.getUsername() == null ? "postgres" : hikari.getUsername()),
                "--laurel.db.password="
                    + (hikari.getPassword() == null ? "" : hikari.getPassword()),
                "--laurel.demo.enabled=false",
                "--laurel.reward.attachments-dir="
                    + System.getProperty("java.io.tmpdir")
                    + "/laurel-attachments-second")) {
      assertThat(
              other
                  .getBean(JdbcClient.class)
                  .sql("select count(*) from council_session where id = ?")
                  .param(session)
                  .query(Long.class)
                  .single())
          .as("the second instance sees the first one's database")
          .isEqualTo(1);
      List<ApplicationContext> instances = List.of(context, other);
      // member m approves the first nominee unless m ≥ 10; the second unless m is odd (abstains)
      AtomicInteger accepted = new AtomicInteger();
      AtomicInteger refused = new AtomicInteger();
      Map<String, Integer> acceptedPerMember = new ConcurrentHashMap<>();
      List<Throwable> unexpected = new java.util.concurrent.CopyOnWriteArrayList<>();
      ExecutorService pool = Executors.newFixedThreadPool(2 * MEMBERS);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int m = 0; m < MEMBERS; m++) {
        String user = council.users().get(m);
        Ballots.Ballot ballot =
            new Ballots.Ballot(
                List.of(
                    new Ballots.Mark(
                        first, m < 10 ? Ballots.Choice.APPROVE : Ballots.Choice.REJECT),
                    new Ballots.Mark(
                        second, m % 2 == 0 ? Ballots.Choice.APPROVE : Ballots.Choice.ABSTAIN)));
        for (ApplicationContext instance : instances) {
          done.add(
              pool.submit(
                  () -> {
                    SecurityContextHolder.setContext(signedIn(instance, user));
                    try {
                      go.await();
                      instance.getBean(Ballots.class).vote(session, ballot);
                      accepted.incrementAndGet();
                      acceptedPerMember.merge(user, 1, Integer::sum);
                    } catch (ConflictException e) {
                      assertThat(e.messageKey()).isEqualTo("error.ballot.alreadyVoted");
                      refused.incrementAndGet();
                    } catch (Throwable e) {
                      unexpected.add(e);
                    } finally {
                      SecurityContextHolder.clearContext();
                    }
                    return null;
                  }));
        }
      }
      go.countDown();
      for (Future<?> f : done) {
        f.get(120, TimeUnit.SECONDS);
      }
      pool.shutdown();
      assertThat(unexpected).isEmpty();
      assertThat(accepted.get()).isEqualTo(MEMBERS);
      assertThat(refused.get()).isEqualTo(MEMBERS);
      assertThat(acceptedPerMember).hasSize(MEMBERS).allSatisfy((u, n) -> assertThat(n).isOne());
      assertThat(count("ballot_participation", session)).isEqualTo(2L * MEMBERS);
      assertThat(count("ballot_vote", session)).isEqualTo(2L * MEMBERS);
      // each accepted ballot was its own transaction: the votes still carry their xmin ...
      assertThat(distinctXmin(session)).isEqualTo(MEMBERS);

      java.sql.Timestamp vacuumedBefore = lastVacuum();
      // the second instance closes the ballot
      CouncilSessionView closed =
          asSecretariat(
              other,
              () ->
                  other
                      .getBean(Ballots.class)
                      .close(
                          session,
                          new CouncilSessions.Step(
                              other.getBean(CouncilSessions.class).get(session).version())));
      // ... until the close rewrote them all in one
      assertThat(distinctXmin(session)).isEqualTo(1);
      // and once it committed, the replaced row versions were vacuumed away
      java.sql.Timestamp vacuumedAfter = lastVacuum();
      assertThat(vacuumedAfter).isNotNull();
      if (vacuumedBefore != null) {
        assertThat(vacuumedAfter).isAfter(vacuumedBefore);
      }
      var lines = closed.items().get(0).nominees();
      var a = lines.get(0).tally();
      var b = lines.get(1).tally();
      assertThat(List.of(a.approve(), a.reject(), a.abstain())).containsExactly(10, 2, 0);
      assertThat(List.of(b.approve(), b.reject(), b.abstain())).containsExactly(6, 0, 6);
      // 10 of 12 = 83 % < 90 %; 6 of 12 = 50 %
      assertThat(a.outcome()).isEqualTo(CouncilSessionView.Outcome.REJECTED);
      assertThat(b.outcome()).isEqualTo(CouncilSessionView.Outcome.REJECTED);
      assertThat(count("ballot_vote", session)).isEqualTo(2L * MEMBERS);
    }
  }

  private static SecurityContext signedIn(ApplicationContext instance, String username) {
    UserDetails user = instance.getBean(UserDetailsService.class).loadUserByUsername(username);
    SecurityContext sc = SecurityContextHolder.createEmptyContext();
    sc.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    return sc;
  }

  private static <T> T asSecretariat(
      ApplicationContext instance, java.util.function.Supplier<T> s) {
    SecurityContextHolder.setContext(signedIn(instance, "secretariat"));
    try {
      return s.get();
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  private long count(String table, long session) {
    return jdbc.sql(
            "select count(*) from "
                + table
                + " t join session_item i on i.id = t.item_id where i.session_id = ?")
        .param(session)
        .query(Long.class)
        .single();
  }

  private java.sql.Timestamp lastVacuum() {
    return jdbc.sql("select last_vacuum from pg_stat_user_tables where relname = 'ballot_vote'")
        .query(java.sql.Timestamp.class)
        .optional()
        .orElse(null);
  }

  private long distinctXmin(long session) {
    return jdbc.sql(
            """
            select count(distinct v.xmin::text) from ballot_vote v
            join session_item i on i.id = v.item_id where i.session_id = ?""")
        .param(session)
        .query(Long.class)
        .single();
  }
}
