package org.laurel.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.laurel.access.Access;
import org.laurel.bloc.BlocCommands.NewBloc;
import org.laurel.bloc.Blocs;
import org.laurel.scoring.PactDefinition.Band;
import org.laurel.scoring.PactDefinition.Criterion;
import org.laurel.scoring.PactDefinition.Group;
import org.laurel.scoring.PactDefinition.Method;
import org.laurel.scoring.PactDefinition.Weights;
import org.laurel.support.LaurelTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two publications of the same pact at once: the second answers 409 (never a 500, never two
 * versions computed from the same state). On a bloc of 2022 of its own, committed once.
 */
@LaurelTest
class ConcurrentPublishTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired Blocs blocs;
  @Autowired Pacts pacts;
  @Autowired Results results;
  @Autowired PlatformTransactionManager tx;

  static volatile long pact;

  /** The pact has no sheets at all: it is published on purpose with its rounds incomplete. */
  static final ScoringCommands.Publish NO_SHEETS =
      new ScoringCommands.Publish("Thử công bố song song, chưa có phiếu");

  @BeforeEach
  void pact() {
    if (pact != 0) {
      return;
    }
    TransactionTemplate t = new TransactionTemplate(tx);
    Access.runAsSystem(
        "concurrency-test",
        () ->
            t.executeWithoutResult(
                s -> {
                  long bloc =
                      blocs
                          .create(
                              new NewBloc(
                                  "KHOI-SONG-SONG",
                                  "Khối thử công bố song song",
                                  2022,
                                  null,
                                  List.of("NS", "NG", "TM"),
                                  "NS",
                                  "NG"))
                          .id();
                  pact =
                      pacts
                          .create(
                              bloc,
                              new PactDefinition(
                                  null,
                                  null,
                                  List.of(
                                      new Group(
                                          "G",
                                          "Nhóm",
                                          new BigDecimal("100"),
                                          List.of(
                                              new Criterion(
                                                  "M",
                                                  "Tiêu chí",
                                                  new BigDecimal("100"),
                                                  Method.MANUAL,
                                                  null,
                                                  null,
                                                  null,
                                                  null)))),
                                  new Weights(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE),
                                  List.of(new Band(new BigDecimal("90"), "EXCELLENT")),
                                  "NOT_COMPLETE",
                                  List.of(),
                                  false))
                          .id();
                }));
  }

  int publishOverHttp() throws Exception {
    return mvc.perform(
            post("/api/v1/pacts/" + pact + "/results")
                .with(httpBasic("secretariat", "demo"))
                .header("Accept-Language", "en")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content("{\"incompleteReason\":\"" + NO_SHEETS.incompleteReason() + "\"}"))
        .andReturn()
        .getResponse()
        .getStatus();
  }

  int versions() {
    return jdbc.sql("select count(*) from result_version where pact_id = ?")
        .param(pact)
        .query(Integer.class)
        .single();
  }

  @Test
  void aPublicationWhileAnotherIsUnderWayIsAConflict() throws Exception {
    int before = versions();
    CountDownLatch published = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      // thread 1 publishes and holds its transaction open
      Future<?> first =
          pool.submit(
              () ->
                  Access.runAsSystem(
                      "publisher-1",
                      () ->
                          new TransactionTemplate(tx)
                              .executeWithoutResult(
                                  s -> {
                                    results.publish(pact, NO_SHEETS);
                                    published.countDown();
                                    try {
                                      release.await(30, TimeUnit.SECONDS);
                                    } catch (InterruptedException e) {
                                      Thread.currentThread().interrupt();
                                    }
                                  })));
      assertThat(published.await(30, TimeUnit.SECONDS)).isTrue();
      // thread 2 (this one) publishes the same pact meanwhile
      assertThat(publishOverHttp()).isEqualTo(409);
      release.countDown();
      first.get(30, TimeUnit.SECONDS);
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
    assertThat(versions()).isEqualTo(before + 1);
    // once the first is done, the next publication is the next version
    assertThat(publishOverHttp()).isEqualTo(200);
    assertThat(versions()).isEqualTo(before + 2);
  }

  @Test
  void twoSimultaneousPublicationsNeverFailWithA500() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 5; round++) {
        int before = versions();
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
          answers.add(
              pool.submit(
                  () -> {
                    start.await(30, TimeUnit.SECONDS);
                    return publishOverHttp();
                  }));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : answers) {
          statuses.add(f.get(60, TimeUnit.SECONDS));
        }
        assertThat(statuses).as("round %d", round).allMatch(s -> s == 200 || s == 409);
        assertThat(statuses).as("round %d", round).contains(200);
        // one version per 200, no gap, no duplicate
        long ok = statuses.stream().filter(s -> s == 200).count();
        assertThat(versions()).as("round %d", round).isEqualTo(before + (int) ok);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(
            jdbc.sql("select max(version) = count(*) from result_version where pact_id = ?")
                .param(pact)
                .query(Boolean.class)
                .single())
        .isTrue();
  }
}
