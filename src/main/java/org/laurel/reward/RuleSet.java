package org.laurel.reward;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The conditions of one award type as data, in force from a date: one version of the award's rule
 * set. An administrator's edit is a new version; evaluations record the version they used.
 */
public record RuleSet(
    long id,
    String awardCode,
    int version,
    LocalDate effectiveFrom,
    String legalBasis,
    Definition definition,
    @Nullable String note,
    String createdBy,
    Instant createdAt) {

  /** The conditions, and the council vote the award needs (none for titles a unit head decides). */
  public record Definition(
      @NotNull @Size(max = 30) List<@Valid @NotNull Condition> conditions,
      @Nullable @Valid Vote vote) {}

  /**
   * One condition; which fields count depends on its type:
   *
   * <ul>
   *   <li>{@code PREREQUISITE}: one of {@code awards} in {@code count} years of the {@code window}
   *       years up to the year (window = count when absent), {@code consecutive} or not;
   *   <li>{@code INITIATIVES}: {@code count} initiatives recognised at {@code level} or above in
   *       the {@code window} years up to the year;
   *   <li>{@code NO_DISCIPLINE}: no discipline decided in the {@code window} years up to the year;
   *   <li>{@code QUOTA}: in the nominee's unit, this award for the year at most {@code percent} %
   *       of the people with {@code awards[0]} that year, rounded by {@code rounding};
   *   <li>{@code MIN_INTERVAL}: at least {@code window} years since the same award last went to the
   *       nominee;
   *   <li>{@code ONE_ACHIEVEMENT}: one achievement, one reward: no other reward of the same form
   *       and level for the same year.
   * </ul>
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Condition(
      @NotNull Type type,
      @Nullable @Size(max = 10) List<@NotBlank String> awards,
      @Nullable @Min(1) @Max(50) Integer count,
      @Nullable Boolean consecutive,
      @Nullable @Min(1) @Max(50) Integer window,
      @Nullable InitiativeLevel level,
      @Nullable BigDecimal percent,
      @Nullable Rounding rounding,
      @NotBlank @Size(max = 300) String source) {

    int windowOr(int fallback) {
      return window != null ? window : fallback;
    }
  }

  public enum Type {
    PREREQUISITE,
    INITIATIVES,
    NO_DISCIPLINE,
    QUOTA,
    MIN_INTERVAL,
    ONE_ACHIEVEMENT
  }

  /** Level of a recognised initiative, lowest first. */
  public enum InitiativeLevel {
    GRASSROOTS,
    PROVINCIAL,
    NATIONAL
  }

  /** How a quota's share is turned into a whole number of people. */
  public enum Rounding {
    FLOOR,
    HALF_UP,
    CEILING
  }

  /**
   * The council's secret vote: at least {@code thresholdPercent} % of the {@code denominator} (all
   * members of the council, or those present); whether absent members may vote in writing; and the
   * quorum of the session (optional: {@link Quorum#DEFAULT} when absent).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Vote(
      @Min(1) @Max(100) int thresholdPercent,
      @NotNull Denominator denominator,
      boolean absentMayVoteInWriting,
      @NotBlank @Size(max = 300) String source,
      @Nullable @Valid Quorum quorum) {

    /** A vote without its own quorum (the default applies). */
    public Vote(
        int thresholdPercent,
        Denominator denominator,
        boolean absentMayVoteInWriting,
        String source) {
      this(thresholdPercent, denominator, absentMayVoteInWriting, source, null);
    }

    /** The quorum that applies: the rule's own, or the default. */
    public Quorum quorumOrDefault() {
      return quorum != null ? quorum : Quorum.DEFAULT;
    }
  }

  /**
   * The session's quorum as an exact fraction: at least {@code numerator}/{@code denominator} of
   * the invited members present ({@code present × denominator ≥ numerator × members}).
   */
  public record Quorum(
      @Min(1) @Max(100) int numerator,
      @Min(1) @Max(100) int denominator,
      @NotBlank @Size(max = 300) String source) {

    /**
     * When a rule set names no quorum: two thirds of the members, as councils' rules of procedure
     * commonly require (Laurel's default; not taken from a decree).
     */
    public static final Quorum DEFAULT =
        new Quorum(2, 3, "Mặc định của Laurel: 2/3 tổng số thành viên (quy chế hoạt động)");
  }

  public enum Denominator {
    ALL_MEMBERS,
    PRESENT
  }
}
