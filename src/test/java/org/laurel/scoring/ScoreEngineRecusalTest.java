package org.laurel.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.laurel.scoring.ScoreEngineTest.d;
import static org.laurel.scoring.ScoreEngineTest.manual;
import static org.laurel.scoring.ScoreEngineTest.pact;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.laurel.scoring.PactDefinition.Round;
import org.laurel.scoring.ScoreEngine.Inputs;
import org.laurel.scoring.ScoreEngine.Mark;
import org.laurel.scoring.ScoreEngine.Recusal;
import org.laurel.scoring.ScoreEngine.Result;
import org.laurel.scoring.ScoreEngine.RoundPart;
import org.laurel.scoring.ScoreEngine.UnitIn;

/**
 * A recusal (conflict of interest) leaves the denominator like an abstention, on every manual
 * criterion of the assessed unit, and is explained apart with its reason. Figures by hand.
 */
class ScoreEngineRecusalTest {

  static final String REASON = "Giám đốc C là trưởng đoàn kiểm tra A";

  static Mark score(Round r, String assessor, String criterion, String points) {
    return new Mark(r, assessor, "A", criterion, points == null ? null : d(points), null);
  }

  /** What a submitted recused sheet gives: a mark without points, with the reason. */
  static Mark recused(String assessor, String criterion) {
    return new Mark(Round.CROSS, assessor, "A", criterion, null, null, null, REASON);
  }

  static Result run(List<Mark> marks) {
    return ScoreEngine.compute(
            new Inputs(
                pact(false, List.of(), manual("M", "10"), manual("N", "10")),
                2024,
                List.of(new UnitIn("A", "A")),
                Map.of(),
                marks,
                List.of()))
        .get(0);
  }

  static List<Mark> marks(boolean cRecuses) {
    List<Mark> out = new ArrayList<>();
    for (String c : List.of("M", "N")) {
      out.add(score(Round.SELF, "A", c, "6"));
      out.add(score(Round.CROSS, "B", c, "8"));
      out.add(cRecuses ? recused("C", c) : score(Round.CROSS, "C", c, "0"));
      out.add(score(Round.CROSS, "D", c, c.equals("M") ? null : "9"));
      out.add(score(Round.CROSS, "E", c, "10"));
      out.add(score(Round.COUNCIL, "COUNCIL", c, "7"));
    }
    return out;
  }

  @Test
  void aRecusalLeavesTheDenominatorOfEveryCriterionAndIsExplainedWithItsReason() {
    Result r = run(marks(true));
    // M: cross (8 + 10) / 2 = 9 (C recused, D abstained); 0.2 × 6 + 0.3 × 9 + 0.5 × 7 = 7.40
    RoundPart crossM = r.explanation().criteria().get(0).rounds().get(1);
    assertThat(crossM.round()).isEqualTo(Round.CROSS);
    assertThat(crossM.mean()).isEqualByComparingTo("9.00");
    assertThat(crossM.scores()).extracting(ScoreEngine.Score::assessor).containsExactly("B", "E");
    assertThat(crossM.recused()).containsExactly(new Recusal("C", REASON));
    assertThat(crossM.abstained()).containsExactly("D");
    assertThat(r.explanation().criteria().get(0).points()).isEqualByComparingTo("7.40");
    // N: cross (8 + 9 + 10) / 3 = 9; the same 7.40
    RoundPart crossN = r.explanation().criteria().get(1).rounds().get(1);
    assertThat(crossN.mean()).isEqualByComparingTo("9.00");
    assertThat(crossN.recused()).containsExactly(new Recusal("C", REASON));
    assertThat(crossN.abstained()).isEmpty();
    // the total (computed without the line objects) agrees: 7.40 + 7.40
    assertThat(r.total()).isEqualByComparingTo("14.80");
    // had C scored 0 instead: M (8 + 0 + 10) / 3 = 6 → 1.2 + 1.8 + 3.5 = 6.50;
    // N (8 + 0 + 9 + 10) / 4 = 6.75 → 1.2 + 2.03 (2.025 half up) + 3.5 = 6.73
    Result scored = run(marks(false));
    assertThat(scored.explanation().criteria().get(0).points()).isEqualByComparingTo("6.50");
    assertThat(scored.explanation().criteria().get(1).points()).isEqualByComparingTo("6.73");
    assertThat(scored.explanation().criteria().get(0).rounds().get(1).recused()).isEmpty();
  }

  @Test
  void theExportHasARecusedRowWithTheReasonApartFromAbstentions() {
    List<List<Object>> rows = new ArrayList<>();
    ExplanationExport.rows(run(marks(true)).explanation(), 1, List.of())
        .forEach(x -> rows.add(new ArrayList<>(x)));
    // key (unit, group, criterion, name, method, max), then part, who, value, normalised, comment
    assertThat(rows)
        .filteredOn(x -> new ExplanationExport.Part("recused", Round.CROSS).equals(x.get(6)))
        .hasSize(2)
        .allSatisfy(
            x -> {
              assertThat(x.get(7)).isEqualTo("C");
              assertThat(x.get(8)).isNull();
              assertThat(x.get(10)).isEqualTo(REASON);
            });
    assertThat(rows)
        .filteredOn(x -> new ExplanationExport.Part("abstained", Round.CROSS).equals(x.get(6)))
        .extracting(x -> x.get(7))
        .containsExactly("D");
  }

  @Test
  void explanationsStoredBeforeRecusalsReadWithNone() {
    // an explanation as stored before recusals existed: the same JSON without "recused"
    tools.jackson.databind.json.JsonMapper json =
        tools.jackson.databind.json.JsonMapper.builder().build();
    tools.jackson.databind.JsonNode tree = json.valueToTree(run(marks(true)).explanation());
    List<tools.jackson.databind.JsonNode> parts = tree.findParents("recused");
    assertThat(parts).isNotEmpty();
    parts.forEach(n -> ((tools.jackson.databind.node.ObjectNode) n).remove("recused"));
    ScoreEngine.Explanation old = json.treeToValue(tree, ScoreEngine.Explanation.class);
    List<RoundPart> rounds =
        old.criteria().stream()
            .filter(l -> l.rounds() != null)
            .flatMap(l -> l.rounds().stream())
            .toList();
    assertThat(rounds).isNotEmpty().allSatisfy(r -> assertThat(r.recused()).isEmpty());
  }
}
