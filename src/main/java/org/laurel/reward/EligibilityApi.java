package org.laurel.reward;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.laurel.shared.InvalidInputException;
import org.laurel.shared.NotFoundException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Rewards: rules and eligibility")
class EligibilityApi {

  /** A batch of nominees for one award and year. */
  record Batch(
      @NotBlank String awardCode,
      @Min(2000) @Max(2100) int year,
      @NotNull @Size(min = 1, max = 20000) List<@NotNull Nominee> nominees) {}

  private final RuleSets ruleSets;
  private final Eligibility eligibility;
  private final Disciplines disciplines;

  EligibilityApi(RuleSets ruleSets, Eligibility eligibility, Disciplines disciplines) {
    this.ruleSets = ruleSets;
    this.eligibility = eligibility;
    this.disciplines = disciplines;
  }

  @GetMapping("/rule-sets")
  @Operation(summary = "The latest version of every award's rule set")
  List<RuleSet> latest() {
    return ruleSets.latest();
  }

  @GetMapping("/rule-sets/{award}")
  @Operation(summary = "Every version of an award's rule set, newest first")
  List<RuleSet> versions(@PathVariable String award) {
    return ruleSets.versions(award);
  }

  @GetMapping("/rule-sets/{award}/in-force")
  @Operation(summary = "The rule set in force on a day (31 December of a year judges that year)")
  RuleSet inForce(
      @PathVariable String award,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
    return ruleSets
        .inForce(award, date)
        .orElseThrow(() -> new NotFoundException("error.ruleSet.noneInForce", award, date));
  }

  @PostMapping("/rule-sets/{award}")
  @Operation(summary = "A new version of an award's rule set (administrator)")
  ResponseEntity<RuleSet> revise(
      @PathVariable String award, @Valid @RequestBody RuleSets.Revision revision) {
    RuleSet r = ruleSets.revise(award, revision);
    return ResponseEntity.created(URI.create("/api/v1/rule-sets/" + award)).body(r);
  }

  @GetMapping("/eligibility")
  @Operation(
      summary =
          "Eligibility of a person (person=id), a unit (unit=code) or a household (household=name"
              + " and unit) for an award and a year; version pins a rule-set version")
  Evaluation check(
      @RequestParam String award,
      @RequestParam int year,
      @RequestParam(required = false) @Nullable Long person,
      @RequestParam(required = false) @Nullable String unit,
      @RequestParam(required = false) @Nullable String household,
      @RequestParam(required = false) @Nullable Integer version) {
    Nominee n;
    if (person != null) {
      n = Nominee.person(person);
    } else if (unit != null && household != null) {
      n = Nominee.household(unit, household);
    } else if (unit != null) {
      n = Nominee.unit(unit);
    } else {
      throw new InvalidInputException("person", "error.award.historyWho");
    }
    return version == null
        ? eligibility.check(n, award, year)
        : eligibility.check(n, award, year, version);
  }

  @PostMapping("/eligibility/batch")
  @Operation(summary = "Eligibility of a list of nominees (reads only)")
  List<Evaluation> batch(@Valid @RequestBody Batch batch) {
    return eligibility.checkAll(batch.nominees(), batch.awardCode(), batch.year());
  }

  @GetMapping("/quotas")
  @Operation(summary = "A unit's quota for an award in a year (e.g. CSTĐ cơ sở ≤ 15 % of LĐTT)")
  Eligibility.QuotaReport quota(
      @RequestParam String unit, @RequestParam String award, @RequestParam int year) {
    return eligibility.quota(unit, award, year);
  }

  @PostMapping("/disciplines")
  @Operation(summary = "Record a discipline decision against a person or a collective")
  ResponseEntity<Disciplines.Discipline> discipline(
      @Valid @RequestBody Disciplines.NewDiscipline cmd) {
    Disciplines.Discipline d = disciplines.record(cmd);
    return ResponseEntity.created(URI.create("/api/v1/disciplines/" + d.id())).body(d);
  }
}
