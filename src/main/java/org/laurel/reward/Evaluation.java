package org.laurel.reward;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.laurel.reward.RuleSet.Type;

/**
 * The eligibility of a nominee for an award and a year under one version of the award's rule set:
 * every condition checked, with the evidence used. The same inputs and version give the same
 * result.
 */
public record Evaluation(
    Nominee nominee,
    String awardCode,
    int year,
    @Nullable Integer ruleSetVersion,
    @Nullable String legalBasis,
    boolean eligible,
    List<ConditionResult> conditions) {

  /** One condition: met or not, what was found, and where the condition comes from. */
  public record ConditionResult(Type type, boolean met, String evidence, String source) {}
}
