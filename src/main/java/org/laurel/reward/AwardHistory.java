package org.laurel.reward;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;
import org.jspecify.annotations.Nullable;
import org.laurel.access.Access;
import org.laurel.audit.AuditLog;
import org.laurel.organisation.LineageLink;
import org.laurel.organisation.People;
import org.laurel.organisation.PersonView;
import org.laurel.organisation.UnitView;
import org.laurel.organisation.Units;
import org.laurel.reward.AwardRecord.Source;
import org.laurel.reward.AwardType.Recipient;
import org.laurel.shared.ConflictException;
import org.laurel.shared.InvalidInputException;
import org.laurel.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Every award ever granted, to people, collectives and households: entered when a decision made in
 * Laurel grants it ({@link #grant}), or imported for past years. A unit's history includes that of
 * the units it came from through reorganisations.
 */
@Service
@Validated
public class AwardHistory {

  /**
   * An award to enter. An individual is named by {@code personId} (their unit is taken from the
   * registry unless {@code unitCode} names the unit they belonged to then); a collective by {@code
   * unitCode}; a household by {@code householdName} and the {@code unitCode} of its commune.
   */
  public record NewAward(
      @NotNull Recipient recipient,
      @Nullable Long personId,
      @Nullable @Size(max = 40) String unitCode,
      @Nullable @Size(max = 200) String householdName,
      @NotBlank @Size(max = 40) String awardCode,
      @Min(1945) @Max(2100) int year,
      @Nullable @Size(max = 60) String decisionNumber,
      @Nullable LocalDate decisionDate,
      @Nullable @Size(max = 2000) String achievement) {}

  private final AwardRepository repo;
  private final AwardCatalogue catalogue;
  private final Units units;
  private final People people;
  private final Access access;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;

  AwardHistory(
      AwardRepository repo,
      AwardCatalogue catalogue,
      Units units,
      People people,
      Access access,
      AuditLog audit,
      ApplicationEventPublisher events) {
    this.repo = repo;
    this.catalogue = catalogue;
    this.units = units;
    this.people = people;
    this.access = access;
    this.audit = audit;
    this.events = events;
  }

  /** Enters an award decided in Laurel; the secretariat only. Publishes {@link AwardGranted}. */
  @Transactional
  public AwardRecord grant(@Valid NewAward cmd) {
    access.requireSecretariat();
    AwardRepository.Row row = resolve(cmd, Source.LAUREL, "");
    if (repo.exists(row)) {
      throw new ConflictException("error.award.duplicate", cmd.awardCode(), cmd.year());
    }
    long id = repo.insert(row);
    AwardRecord created = get(id);
    audit.record("award.granted", "award", Long.toString(id), null, created);
    events.publishEvent(new AwardGranted(created));
    return created;
  }

  @Transactional(readOnly = true)
  public AwardRecord get(long id) {
    return repo.find(id, unitCodes())
        .orElseThrow(() -> new NotFoundException("error.award.notFound", id));
  }

  /** A person's awards, newest first. */
  @Transactional(readOnly = true)
  public List<AwardRecord> ofPerson(long personId) {
    return repo.ofPerson(personId, unitCodes());
  }

  /**
   * A collective's awards, newest first, including those of every unit it came from (a merged
   * unit's history is reachable from its successor), and of the households living there if asked.
   */
  @Transactional(readOnly = true)
  public List<AwardRecord> ofUnit(String unitCode, boolean households) {
    UnitView unit = units.get(unitCode);
    return repo.ofUnits(lineage(unit.id()), households, unitCodes()).stream()
        .sorted(
            Comparator.comparingInt(AwardRecord::year)
                .reversed()
                .thenComparing(AwardRecord::awardCode))
        .toList();
  }

  /** The unit and every unit it descends from through reorganisations, transitively. */
  @Transactional(readOnly = true)
  public Set<Long> lineage(long unitId) {
    Set<Long> all = new LinkedHashSet<>(List.of(unitId));
    Set<Long> frontier = Set.of(unitId);
    while (!frontier.isEmpty()) {
      Set<Long> next = new LinkedHashSet<>();
      for (LineageLink l : units.predecessorsOf(frontier)) {
        if (all.add(l.predecessorId())) {
          next.add(l.predecessorId());
        }
      }
      frontier = next;
    }
    return all;
  }

  /** Resolves and checks a command into a row; {@code field} prefixes field names (import rows). */
  AwardRepository.Row resolve(NewAward cmd, Source source, String field) {
    AwardType type = catalogue.require(field + "awardCode", cmd.awardCode());
    if (type.recipient() != cmd.recipient()) {
      throw new InvalidInputException(
          field + "recipient", "error.award.recipientMismatch", type.code(), type.recipient());
    }
    Long personId = null;
    long unitId;
    String household = null;
    switch (cmd.recipient()) {
      case INDIVIDUAL -> {
        if (cmd.personId() == null) {
          throw new InvalidInputException(field + "personId", "error.award.personRequired");
        }
        PersonView p =
            people
                .find(cmd.personId())
                .orElseThrow(
                    () ->
                        new InvalidInputException(
                            field + "personId", "error.person.notFound", cmd.personId()));
        personId = p.id();
        unitId = unit(field, blank(cmd.unitCode()) == null ? p.unitCode() : cmd.unitCode()).id();
      }
      case COLLECTIVE -> unitId = unit(field, required(field, cmd.unitCode())).id();
      default -> {
        household = blank(cmd.householdName());
        if (household == null) {
          throw new InvalidInputException(field + "householdName", "error.award.householdRequired");
        }
        unitId = unit(field, required(field, cmd.unitCode())).id();
      }
    }
    if (cmd.decisionDate() != null && cmd.decisionDate().getYear() < cmd.year()) {
      throw new InvalidInputException(
          field + "decisionDate", "error.award.decisionBeforeYear", cmd.decisionDate(), cmd.year());
    }
    return new AwardRepository.Row(
        cmd.recipient(),
        personId,
        unitId,
        household,
        type.code(),
        cmd.year(),
        blank(cmd.decisionNumber()),
        cmd.decisionDate(),
        source,
        blank(cmd.achievement()));
  }

  private UnitView unit(String field, String code) {
    return units
        .find(code.trim())
        .orElseThrow(
            () -> new InvalidInputException(field + "unitCode", "error.unit.unknown", code));
  }

  private static String required(String field, @Nullable String unitCode) {
    if (blank(unitCode) == null) {
      throw new InvalidInputException(field + "unitCode", "error.award.unitRequired");
    }
    return unitCode;
  }

  /** Unit id → code, read once per call. */
  LongFunction<String> unitCodes() {
    return unitCodes(units);
  }

  /** Unit id → code over every unit there ever was, read once. */
  static LongFunction<String> unitCodes(Units units) {
    Map<Long, String> codes = new HashMap<>();
    for (UnitView u : units.all()) {
      codes.put(u.id(), u.code());
    }
    return id -> codes.getOrDefault(id, "#" + id);
  }

  /** Unit code → name over every unit there ever was, read once. */
  static Map<String, String> unitNames(Units units) {
    Map<String, String> names = new HashMap<>();
    for (UnitView u : units.all()) {
      names.put(u.code(), u.name());
    }
    return names;
  }

  static @Nullable String blank(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
