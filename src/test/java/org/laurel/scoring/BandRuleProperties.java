package org.laurel.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.laurel.scoring.PactDefinition.Criterion;
import org.laurel.scoring.PactDefinition.Measure;
import org.laurel.scoring.PactDefinition.Method;
import org.laurel.scoring.PactDefinition.Rule;
import org.laurel.scoring.PactDefinition.Step;
import org.laurel.shared.InvalidInputException;

/**
 * The pact check on bands (jqwik) against the engine: a pact's bands are accepted exactly when
 * their thresholds differ and no better percentage gets fewer points from {@link ScoreEngine#base},
 * so an accepted pact keeps "raising a value never lowers the unit's points".
 */
class BandRuleProperties {

  static final BigDecimal MAX = BigDecimal.valueOf(100);

  @Provide
  Arbitrary<List<Step>> bands() {
    Arbitrary<Step> step =
        Combinators.combine(
                Arbitraries.integers().between(-20, 150), Arbitraries.integers().between(0, 100))
            .as((from, points) -> new Step(BigDecimal.valueOf(from), BigDecimal.valueOf(points)));
    return step.list().ofMinSize(1).ofMaxSize(5);
  }

  @Property(tries = 500)
  void bandsAreAcceptedExactlyWhenNoBetterPercentageGetsFewerPoints(
      @ForAll("bands") List<Step> bands) {
    Rule rule = new Rule(bands, null, null, null, null);
    Criterion c =
        new Criterion("K", "K", MAX, Method.INDICATOR, "X", Measure.ACHIEVEMENT, null, rule);
    boolean accepted;
    try {
      Pacts.checkBands(c, bands, "c");
      accepted = true;
    } catch (InvalidInputException e) {
      accepted = false;
    }
    // the engine's points are a step function: probing each threshold and just below it suffices
    List<BigDecimal> probes = new ArrayList<>();
    for (Step s : bands) {
      probes.add(s.from());
      probes.add(s.from().subtract(new BigDecimal("0.5")));
    }
    probes.sort(null);
    boolean monotone = true;
    for (int i = 1; i < probes.size(); i++) {
      monotone &=
          ScoreEngine.base(rule, MAX, probes.get(i - 1))
                  .compareTo(ScoreEngine.base(rule, MAX, probes.get(i)))
              <= 0;
    }
    boolean distinct = bands.stream().map(Step::from).distinct().count() == bands.size();
    assertThat(accepted).as("accepted %s", bands).isEqualTo(monotone && distinct);
  }
}
