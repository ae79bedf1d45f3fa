package org.laurel.access;

import java.math.BigDecimal;
import java.util.List;
import org.laurel.bloc.BlocCommands.NewBloc;
import org.laurel.bloc.Blocs;
import org.laurel.scoring.Assessments;
import org.laurel.scoring.PactDefinition;
import org.laurel.scoring.PactDefinition.Band;
import org.laurel.scoring.PactDefinition.Criterion;
import org.laurel.scoring.PactDefinition.Group;
import org.laurel.scoring.PactDefinition.Method;
import org.laurel.scoring.PactDefinition.Round;
import org.laurel.scoring.PactDefinition.Weights;
import org.laurel.scoring.Pacts;
import org.laurel.scoring.ScoringCommands.ScoreEntry;
import org.laurel.scoring.ScoringCommands.SheetForm;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pacts the matrix acts on, committed once: MXB-SCORE (members MX.A and MX.B, head MX.A) with a
 * frozen pact and draft cross sheets MX.A → MX.B and MX.B → MX.A (to submit), and MXB-DRAFT with a
 * draft pact (to edit). MXB-OWN and MXB-FOREIGN have no pact (to create one).
 */
final class ScoringFixtures {
  private ScoringFixtures() {}

  static volatile long scorePact;
  static volatile long draftBloc;

  static PactDefinition definition() {
    return new PactDefinition(
        null,
        null,
        List.of(
            new Group(
                "G",
                "Công tác thi đua",
                new BigDecimal("100"),
                List.of(
                    new Criterion(
                        "M",
                        "Tổ chức phong trào",
                        new BigDecimal("100"),
                        Method.MANUAL,
                        null,
                        null,
                        null,
                        null),
                    new Criterion(
                        "B",
                        "Khen thưởng",
                        new BigDecimal("5"),
                        Method.BONUS,
                        null,
                        null,
                        null,
                        null)))),
        new Weights(new BigDecimal("0.2"), new BigDecimal("0.3"), new BigDecimal("0.5")),
        List.of(new Band(new BigDecimal("90"), "EXCELLENT")),
        "NOT_COMPLETE",
        List.of("COUNCIL"),
        false);
  }

  static synchronized void ensure(
      Blocs blocs, Pacts pacts, Assessments assessments, PlatformTransactionManager tx) {
    if (scorePact != 0) {
      return;
    }
    TransactionTemplate t = new TransactionTemplate(tx);
    t.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
    Access.runAsSystem(
        "matrix-setup",
        () ->
            t.executeWithoutResult(
                s -> {
                  long score =
                      blocs
                          .create(
                              new NewBloc(
                                  "MXB-SCORE",
                                  "Khối chấm điểm",
                                  2024,
                                  null,
                                  List.of("MX.A", "MX.B"),
                                  "MX.A",
                                  "MX.B"))
                          .id();
                  long pact = pacts.create(score, definition()).id();
                  for (String[] pair : new String[][] {{"MX.A", "MX.B"}, {"MX.B", "MX.A"}}) {
                    assessments.save(
                        pact,
                        Round.CROSS,
                        pair[0],
                        pair[1],
                        new SheetForm(
                            List.of(new ScoreEntry("M", new BigDecimal("80"), false, null)), null));
                  }
                  long draft =
                      blocs
                          .create(
                              new NewBloc(
                                  "MXB-DRAFT",
                                  "Khối dự thảo",
                                  2024,
                                  null,
                                  List.of("MX.A", "MX.B"),
                                  "MX.A",
                                  "MX.B"))
                          .id();
                  pacts.create(draft, definition());
                  scorePact = pact;
                  draftBloc = draft;
                }));
  }

  /** Runs the work as the system in a transaction of its own, committed at once. */
  static void committed(PlatformTransactionManager tx, Runnable work) {
    TransactionTemplate t = new TransactionTemplate(tx);
    t.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
    Access.runAsSystem("matrix-setup", () -> t.executeWithoutResult(s -> work.run()));
  }
}
