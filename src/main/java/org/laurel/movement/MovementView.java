package org.laurel.movement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A movement with its scope, milestones and goals. */
public record MovementView(
    long id,
    String code,
    String title,
    @Nullable String motto,
    Kind kind,
    int year,
    String launchingUnitCode,
    String launchingUnitName,
    @Nullable String launchingBody,
    @Nullable String decisionNumber,
    @Nullable LocalDate decisionDate,
    @Nullable String decisionDocument,
    LocalDate startsOn,
    LocalDate endsOn,
    @Nullable LocalDate registrationDeadline,
    boolean individualsAllowed,
    boolean householdsAllowed,
    List<String> awardTypes,
    @Nullable String description,
    MovementStatus status,
    boolean published,
    List<Ref> blocs,
    List<Ref> units,
    List<Milestone> milestones,
    List<Goal> goals,
    int version) {

  public enum Kind {
    REGULAR,
    THEMATIC
  }

  /** A bloc or unit of the scope. */
  public record Ref(long id, String code, String name) {}

  public enum MilestoneKind {
    LAUNCH,
    MID_YEAR_REVIEW,
    YEAR_END_REVIEW,
    DEADLINE,
    OTHER
  }

  public record Milestone(long id, MilestoneKind kind, String title, LocalDate dueOn) {}

  public record Goal(
      String indicatorCode, @Nullable String description, @Nullable BigDecimal target) {}
}
