package org.laurel.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;

/**
 * The web UI's form-backing beans for unit writes. They carry the same constraints as the commands
 * so that bad input is shown on the form instead of failing in the service, and they convert to the
 * commands only once valid.
 */
final class UnitForms {
  private UnitForms() {}

  static final class NewUnitForm {
    @NotBlank
    @Pattern(regexp = UnitCommands.CODE, message = "{validation.code}")
    private @Nullable String code;

    @NotBlank
    @Size(max = 200)
    private @Nullable String name;

    @NotNull private @Nullable UnitKind kind;

    @Pattern(regexp = UnitCommands.CODE, message = "{validation.code}")
    private @Nullable String parentCode;

    @NotNull
    @DateTimeFormat(iso = ISO.DATE)
    private @Nullable LocalDate validFrom;

    private boolean synthetic;

    UnitCommands.NewUnit toCommand() {
      return new UnitCommands.NewUnit(
          Objects.requireNonNull(code),
          Objects.requireNonNull(name),
          Objects.requireNonNull(kind),
          parentCode,
          Objects.requireNonNull(validFrom),
          synthetic);
    }

    public @Nullable String getCode() {
      return code;
    }

    public void setCode(@Nullable String code) {
      this.code = code;
    }

    public @Nullable String getName() {
      return name;
    }

    public void setName(@Nullable String name) {
      this.name = name;
    }

    public @Nullable UnitKind getKind() {
      return kind;
    }

    public void setKind(@Nullable UnitKind kind) {
      this.kind = kind;
    }

    public @Nullable String getParentCode() {
      return parentCode;
    }

    public void setParentCode(@Nullable String parentCode) {
      this.parentCode = parentCode;
    }

    public @Nullable LocalDate getValidFrom() {
      return validFrom;
    }

    public void setValidFrom(@Nullable LocalDate validFrom) {
      this.validFrom = validFrom;
    }

    public boolean isSynthetic() {
      return synthetic;
    }

    public void setSynthetic(boolean synthetic) {
      this.synthetic = synthetic;
    }
  }

  static final class CorrectionForm {
    @NotBlank
    @Size(max = 200)
    private @Nullable String name;

    @NotNull private @Nullable UnitKind kind;
    @PositiveOrZero private int version;

    static CorrectionForm of(UnitView u) {
      CorrectionForm f = new CorrectionForm();
      f.name = u.name();
      f.kind = u.kind();
      f.version = u.version();
      return f;
    }

    UnitCommands.UnitCorrection toCommand() {
      return new UnitCommands.UnitCorrection(
          Objects.requireNonNull(name), Objects.requireNonNull(kind), version);
    }

    public @Nullable String getName() {
      return name;
    }

    public void setName(@Nullable String name) {
      this.name = name;
    }

    public @Nullable UnitKind getKind() {
      return kind;
    }

    public void setKind(@Nullable UnitKind kind) {
      this.kind = kind;
    }

    public int getVersion() {
      return version;
    }

    public void setVersion(int version) {
      this.version = version;
    }
  }

  /** What renames, transfers and dissolutions share: a date and the legal act behind it. */
  abstract static class DatedForm {
    @NotNull
    @DateTimeFormat(iso = ISO.DATE)
    private @Nullable LocalDate effectiveDate;

    @Size(max = 200)
    private @Nullable String reference;

    public @Nullable LocalDate getEffectiveDate() {
      return effectiveDate;
    }

    public void setEffectiveDate(@Nullable LocalDate effectiveDate) {
      this.effectiveDate = effectiveDate;
    }

    public @Nullable String getReference() {
      return reference;
    }

    public void setReference(@Nullable String reference) {
      this.reference = reference;
    }

    LocalDate date() {
      return Objects.requireNonNull(effectiveDate);
    }
  }

  static final class RenameForm extends DatedForm {
    @NotBlank
    @Size(max = 200)
    private @Nullable String newName;

    private @Nullable UnitKind newKind;

    UnitCommands.Rename toCommand() {
      return new UnitCommands.Rename(
          Objects.requireNonNull(newName), newKind, date(), getReference());
    }

    public @Nullable String getNewName() {
      return newName;
    }

    public void setNewName(@Nullable String newName) {
      this.newName = newName;
    }

    public @Nullable UnitKind getNewKind() {
      return newKind;
    }

    public void setNewKind(@Nullable UnitKind newKind) {
      this.newKind = newKind;
    }
  }

  static final class TransferForm extends DatedForm {
    @NotBlank
    @Pattern(regexp = UnitCommands.CODE, message = "{validation.code}")
    private @Nullable String newParentCode;

    UnitCommands.Transfer toCommand() {
      return new UnitCommands.Transfer(
          Objects.requireNonNull(newParentCode), date(), getReference());
    }

    public @Nullable String getNewParentCode() {
      return newParentCode;
    }

    public void setNewParentCode(@Nullable String newParentCode) {
      this.newParentCode = newParentCode;
    }
  }

  static final class DissolveForm extends DatedForm {
    UnitCommands.Dissolve toCommand() {
      return new UnitCommands.Dissolve(date(), getReference());
    }
  }

  /**
   * A merge or split: a fixed number of lineage rows (blank ones are ignored) and at most one new
   * successor unit. Rows are checked by the controller, since a blank row is not an error.
   */
  static final class RestructureForm {
    static final int ROWS = 6;

    @NotNull private @Nullable ReorganisationKind kind = ReorganisationKind.MERGE;

    @NotNull
    @DateTimeFormat(iso = ISO.DATE)
    private @Nullable LocalDate effectiveDate;

    @Size(max = 200)
    private @Nullable String reference;

    @Size(max = 2000)
    private @Nullable String description;

    private boolean synthetic;
    private List<LinkRow> links = new ArrayList<>();
    private NewUnitRow newUnit = new NewUnitRow();

    RestructureForm() {
      while (links.size() < ROWS) {
        links.add(new LinkRow());
      }
    }

    public @Nullable ReorganisationKind getKind() {
      return kind;
    }

    public void setKind(@Nullable ReorganisationKind kind) {
      this.kind = kind;
    }

    public @Nullable LocalDate getEffectiveDate() {
      return effectiveDate;
    }

    public void setEffectiveDate(@Nullable LocalDate effectiveDate) {
      this.effectiveDate = effectiveDate;
    }

    public @Nullable String getReference() {
      return reference;
    }

    public void setReference(@Nullable String reference) {
      this.reference = reference;
    }

    public @Nullable String getDescription() {
      return description;
    }

    public void setDescription(@Nullable String description) {
      this.description = description;
    }

    public boolean isSynthetic() {
      return synthetic;
    }

    public void setSynthetic(boolean synthetic) {
      this.synthetic = synthetic;
    }

    public List<LinkRow> getLinks() {
      return links;
    }

    public void setLinks(List<LinkRow> links) {
      this.links = links;
    }

    public NewUnitRow getNewUnit() {
      return newUnit;
    }

    public void setNewUnit(NewUnitRow newUnit) {
      this.newUnit = newUnit;
    }
  }

  /** One lineage row; the share is entered in percent of the predecessor. */
  static final class LinkRow {
    private @Nullable String predecessor;
    private @Nullable String successor;
    private @Nullable BigDecimal sharePercent;

    boolean isBlank() {
      return predecessor == null && successor == null && sharePercent == null;
    }

    public @Nullable String getPredecessor() {
      return predecessor;
    }

    public void setPredecessor(@Nullable String predecessor) {
      this.predecessor = predecessor;
    }

    public @Nullable String getSuccessor() {
      return successor;
    }

    public void setSuccessor(@Nullable String successor) {
      this.successor = successor;
    }

    public @Nullable BigDecimal getSharePercent() {
      return sharePercent;
    }

    public void setSharePercent(@Nullable BigDecimal sharePercent) {
      this.sharePercent = sharePercent;
    }
  }

  /** The optional new successor; it starts on the reorganisation's date. */
  static final class NewUnitRow {
    private @Nullable String code;
    private @Nullable String name;
    private @Nullable UnitKind kind;
    private @Nullable String parentCode;

    boolean isBlank() {
      return code == null && name == null && parentCode == null;
    }

    public @Nullable String getCode() {
      return code;
    }

    public void setCode(@Nullable String code) {
      this.code = code;
    }

    public @Nullable String getName() {
      return name;
    }

    public void setName(@Nullable String name) {
      this.name = name;
    }

    public @Nullable UnitKind getKind() {
      return kind;
    }

    public void setKind(@Nullable UnitKind kind) {
      this.kind = kind;
    }

    public @Nullable String getParentCode() {
      return parentCode;
    }

    public void setParentCode(@Nullable String parentCode) {
      this.parentCode = parentCode;
    }
  }
}
