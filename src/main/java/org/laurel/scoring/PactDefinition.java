package org.laurel.scoring;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a pact says: the criteria tree (groups → criteria with their scoring method), the weight of
 * each assessment round, the classification bands and the tie-break chain. Written and read as one
 * JSON document.
 */
public record PactDefinition(
    @Nullable LocalDate signedOn,
    @Nullable @Size(max = 2000) String signatories,
    @NotEmpty @Valid List<Group> groups,
    @NotNull @Valid Weights weights,
    @NotEmpty @Valid List<Band> classification,
    @NotBlank @Size(max = 40) String otherwise,
    @Nullable List<@NotBlank String> tieBreak,
    boolean trimmedMean,
    boolean normalise) {

  /** A pact without per-assessor normalisation. */
  public PactDefinition(
      @Nullable LocalDate signedOn,
      @Nullable String signatories,
      List<Group> groups,
      Weights weights,
      List<Band> classification,
      String otherwise,
      @Nullable List<String> tieBreak,
      boolean trimmedMean) {
    this(
        signedOn,
        signatories,
        groups,
        weights,
        classification,
        otherwise,
        tieBreak,
        trimmedMean,
        false);
  }

  public static final String CODE = "^[A-Z0-9][A-Z0-9_.-]{0,39}$";

  /** The council component, as a tie-break key: the sum of the council round's means. */
  public static final String COUNCIL = "COUNCIL";

  public enum Method {
    /** Computed from a linked indicator's accepted figures. */
    INDICATOR,
    /** Assessors give 0..max. */
    MANUAL,
    /** Items with reasons, added up to the criterion's max. */
    BONUS,
    /** Items with reasons, subtracted up to the criterion's max. */
    PENALTY
  }

  public enum Measure {
    /** Value as a percentage of the year's estimate. */
    ACHIEVEMENT,
    /** Growth in percent over the same period last year. */
    GROWTH
  }

  public enum Round {
    SELF,
    CROSS,
    COUNCIL
  }

  public record Group(
      @NotBlank @Pattern(regexp = CODE) String code,
      @NotBlank @Size(max = 200) String name,
      @NotNull @DecimalMin(value = "0", inclusive = false) BigDecimal maxPoints,
      @NotEmpty @Valid List<Criterion> criteria) {}

  /**
   * A leaf. INDICATOR needs {@code indicator}, {@code measure} and {@code rule}; {@code period}
   * defaults to the pact's year.
   */
  public record Criterion(
      @NotBlank @Pattern(regexp = CODE) String code,
      @NotBlank @Size(max = 300) String name,
      @NotNull @DecimalMin(value = "0", inclusive = false) BigDecimal maxPoints,
      @NotNull Method method,
      @Nullable String indicator,
      @Nullable Measure measure,
      @Nullable String period,
      @Nullable @Valid Rule rule) {}

  /**
   * How a percentage becomes points: either ordered {@code bands} (the highest band whose {@code
   * from} is reached gives its points), or linear: the criterion's max at {@code fullAt} % or more,
   * {@code minusPerPercent} less per 1 % short, never below 0. Either way capped at the max, plus
   * {@code bonusPoints} above {@code bonusAbove} %. A pact's bands have distinct thresholds and
   * points that never fall as the threshold rises, and the linear rule never gains points as the
   * value falls ({@code minusPerPercent} ≥ 0), so a better value never gives fewer points.
   */
  public record Rule(
      @Nullable @Valid List<Step> bands,
      @Nullable BigDecimal fullAt,
      @Nullable @DecimalMin("0") BigDecimal minusPerPercent,
      @Nullable BigDecimal bonusAbove,
      @Nullable @DecimalMin("0") BigDecimal bonusPoints) {}

  public record Step(@NotNull BigDecimal from, @NotNull @DecimalMin("0") BigDecimal points) {}

  public record Weights(
      @NotNull @DecimalMin("0") BigDecimal self,
      @NotNull @DecimalMin("0") BigDecimal cross,
      @NotNull @DecimalMin("0") BigDecimal council) {

    BigDecimal of(Round r) {
      return switch (r) {
        case SELF -> self;
        case CROSS -> cross;
        case COUNCIL -> council;
      };
    }
  }

  /** A classification: reached at {@code min} total points or more. */
  public record Band(@NotNull BigDecimal min, @NotBlank @Size(max = 40) String label) {}

  List<Criterion> criteria() {
    return groups.stream().flatMap(g -> g.criteria().stream()).toList();
  }

  List<String> tieBreakChain() {
    return tieBreak == null ? List.of() : tieBreak;
  }
}
