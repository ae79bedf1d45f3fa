package org.laurel.organisation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The validated commands that change units. */
public final class UnitCommands {
  private UnitCommands() {}

  public static final String CODE = "^[A-Z0-9][A-Z0-9_.-]{0,39}$";

  public record NewUnit(
      @NotBlank @Pattern(regexp = CODE, message = "{validation.code}") String code,
      @NotBlank @Size(max = 200) String name,
      @NotNull UnitKind kind,
      @Nullable @Pattern(regexp = CODE, message = "{validation.code}") String parentCode,
      @NotNull LocalDate validFrom,
      boolean synthetic) {

    public NewUnit(
        String code, String name, UnitKind kind, @Nullable String parentCode, LocalDate validFrom) {
      this(code, name, kind, parentCode, validFrom, false);
    }
  }

  /** A correction of a unit's record (a typo, a wrong kind); real renames are reorganisations. */
  public record UnitCorrection(
      @NotBlank @Size(max = 200) String name,
      @NotNull UnitKind kind,
      @PositiveOrZero int version) {}

  public record Rename(
      @NotBlank @Size(max = 200) String newName,
      @Nullable UnitKind newKind,
      @NotNull LocalDate effectiveDate,
      @Nullable @Size(max = 200) String reference) {}

  public record Transfer(
      @NotBlank @Pattern(regexp = CODE, message = "{validation.code}") String newParentCode,
      @NotNull LocalDate effectiveDate,
      @Nullable @Size(max = 200) String reference) {}

  public record Dissolve(
      @NotNull LocalDate effectiveDate, @Nullable @Size(max = 200) String reference) {}

  /**
   * A merge (several predecessors into one successor) or a split (one predecessor into several
   * successors). Successors may be created by the same command. A predecessor that is not also a
   * successor ends the day before {@code effectiveDate}.
   */
  public record Restructure(
      @NotNull ReorganisationKind kind,
      @NotNull LocalDate effectiveDate,
      @Nullable @Size(max = 200) String reference,
      @Nullable @Size(max = 2000) String description,
      boolean synthetic,
      List<@Valid NewUnit> newUnits,
      @NotEmpty List<@Valid Link> links) {}

  public record Link(
      @NotBlank String predecessor,
      @NotBlank String successor,
      @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") BigDecimal share) {}
}
