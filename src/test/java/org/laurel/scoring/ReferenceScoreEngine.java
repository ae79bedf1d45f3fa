package org.laurel.scoring;

import static org.laurel.scoring.ScoreEngine.counted;
import static org.laurel.scoring.ScoreEngine.normalise;
import static org.laurel.scoring.ScoreEngine.spread;
import static org.laurel.scoring.ScoreEngine.weighted;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.laurel.scoring.PactDefinition.Round;
import org.laurel.scoring.ScoreEngine.Inputs;
import org.laurel.scoring.ScoreEngine.Mark;
import org.laurel.scoring.ScoreEngine.RoundPart;
import org.laurel.scoring.ScoreEngine.Score;

/**
 * The manual criteria's lines as the engine computed them before it was made fast: marks grouped by
 * string keys, per line streams and sorts per round, each round's mean computed raw and counted,
 * the spread by a decimal square root. Kept as the reference {@link ScoreEngineReferenceTest}
 * compares {@link ScoreEngine} with; the rest of the engine is shared.
 */
final class ReferenceScoreEngine {

  private ReferenceScoreEngine() {}

  /** The manual criteria's lines as they were computed. */
  static ScoreEngine.ManualLines lines(Inputs in) {
    PactDefinition pact = in.pact();
    Map<Mark, BigDecimal> normalised =
        pact.normalise() ? normalise(pact, in.marks()) : new IdentityHashMap<>();
    Map<String, List<Mark>> marksByUnitCriterion = new HashMap<>();
    for (Mark m : in.marks()) {
      marksByUnitCriterion
          .computeIfAbsent(m.unit() + "\u0000" + m.criterion(), k -> new ArrayList<>())
          .add(m);
    }
    return (g, c, u) -> {
      List<Mark> marks =
          marksByUnitCriterion.getOrDefault(u.code() + "\u0000" + c.code(), List.of());
      List<RoundPart> rounds = rounds(pact, marks, normalised);
      return ScoreEngine.manualLine(
          g,
          c,
          rounds,
          weighted(rounds, RoundPart::mean),
          weighted(rounds, RoundPart::rawMean),
          spread(marks.stream().map(Mark::points).filter(Objects::nonNull).toList()));
    };
  }

  static List<RoundPart> rounds(
      PactDefinition pact, List<Mark> marks, Map<Mark, BigDecimal> normalised) {
    List<RoundPart> out = new ArrayList<>();
    for (Round r : Round.values()) {
      List<Mark> of =
          marks.stream()
              .filter(m -> m.round() == r)
              .sorted(Comparator.comparing(Mark::assessor))
              .toList();
      List<Score> scores =
          of.stream()
              .filter(m -> m.points() != null)
              .map(
                  m ->
                      new Score(
                          m.assessor(), m.points(), m.comment(), normalised.get(m), m.evidence()))
              .toList();
      List<String> abstained =
          of.stream()
              .filter(m -> m.points() == null && m.recusal() == null)
              .map(Mark::assessor)
              .toList();
      List<ScoreEngine.Recusal> recused =
          of.stream()
              .filter(m -> m.points() == null && m.recusal() != null)
              .map(m -> new ScoreEngine.Recusal(m.assessor(), m.recusal()))
              .toList();
      List<String> dropped = new ArrayList<>();
      BigDecimal mean = counted(pact, scores, Score::counted, dropped);
      BigDecimal rawMean = counted(pact, scores, Score::points, new ArrayList<>());
      out.add(
          new RoundPart(
              r,
              pact.weights().of(r),
              scores,
              abstained,
              dropped,
              mean,
              rawMean,
              spread(scores.stream().map(Score::points).toList()),
              recused));
    }
    return out;
  }
}
