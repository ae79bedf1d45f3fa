package org.laurel.scoring;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What the scoring module's writes take. */
public final class ScoringCommands {
  private ScoringCommands() {}

  /**
   * Replaces a draft pact's definition; once the pact is frozen, makes a new version of it, which
   * needs a {@code reason}.
   */
  public record PactChange(
      @NotNull Integer version,
      @NotNull @Valid PactDefinition definition,
      @Nullable @Size(max = 1000) String reason) {

    public PactChange(Integer version, PactDefinition definition) {
      this(version, definition, null);
    }
  }

  /** Where a copied pact comes from. */
  public enum CopySource {
    /** The province's template of a bloc pact. */
    TEMPLATE,
    /** The pact of the bloc with the same code in the year before. */
    LAST_YEAR
  }

  /** Starts a bloc's pact as a draft copy, to be edited before assessment starts. */
  public record CopyPact(@NotNull CopySource source) {}

  /**
   * A sheet's scores, saved as a draft; {@code version} when the sheet exists already. With {@code
   * recuse} the assessor declares a conflict of interest with the assessed unit (cross round only):
   * no scores, and a {@code recusalReason} is required.
   */
  public record SheetForm(
      @NotNull @Valid List<ScoreEntry> scores,
      @Nullable Integer version,
      boolean recuse,
      @Nullable @Size(max = 1000) String recusalReason) {

    public SheetForm(List<ScoreEntry> scores, @Nullable Integer version) {
      this(scores, version, false, null);
    }
  }

  /** A score, an abstention, a comment, and a link (http or https) to the evidence. */
  public record ScoreEntry(
      @NotBlank String criterion,
      @Nullable BigDecimal points,
      boolean abstain,
      @Nullable @Size(max = 2000) String comment,
      @Nullable @Size(max = 500) String evidence) {

    public ScoreEntry(
        String criterion, @Nullable BigDecimal points, boolean abstain, @Nullable String comment) {
      this(criterion, points, abstain, comment, null);
    }
  }

  public record Submit(@NotNull Integer version) {}

  /** The secretariat reopens a submitted sheet so that the assessor can change it. */
  public record Reopen(@NotNull Integer version, @NotBlank @Size(max = 1000) String reason) {}

  /**
   * Publishing the results; while expected sheets are not submitted it needs an {@code
   * incompleteReason}, which is kept with the version.
   */
  public record Publish(@Nullable @Size(max = 1000) String incompleteReason) {}

  /** A bonus or penalty item for a unit on a BONUS or PENALTY criterion. */
  public record NewItem(
      @NotBlank String unit,
      @NotBlank String criterion,
      @NotNull @DecimalMin(value = "0", inclusive = false) BigDecimal points,
      @NotBlank @Size(max = 1000) String reason) {}

  /** Withdraws a bonus or penalty item; the reason is kept with it. */
  public record WithdrawItem(@NotBlank @Size(max = 1000) String reason) {}
}
