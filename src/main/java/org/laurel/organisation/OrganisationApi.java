package org.laurel.organisation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.laurel.organisation.UnitCommands.NewUnit;
import org.laurel.organisation.UnitCommands.Rename;
import org.laurel.organisation.UnitCommands.Restructure;
import org.laurel.organisation.UnitCommands.Transfer;
import org.laurel.organisation.UnitCommands.UnitCorrection;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Organisation", description = "Units, reorganisations and people")
class OrganisationApi {

  /** A unit with what it is made of and where it came from. */
  record UnitDetail(
      UnitView unit,
      List<String> children,
      List<LineageLink> predecessors,
      List<LineageLink> successors) {}

  private final Units units;
  private final People people;
  private final Clock clock;

  OrganisationApi(Units units, People people, Clock clock) {
    this.units = units;
    this.people = people;
    this.clock = clock;
  }

  @GetMapping("/units")
  @Operation(summary = "Units valid on a date (today by default)")
  List<UnitView> units(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate asOf,
      @RequestParam(required = false) @Nullable UnitKind kind,
      @RequestParam(required = false) @Nullable String parent) {
    return units.validOn(asOf == null ? LocalDate.now(clock) : asOf, kind, parent);
  }

  @GetMapping("/units/{code}")
  UnitView unit(@PathVariable String code) {
    return units.get(code);
  }

  @GetMapping("/units/{code}/detail")
  @Operation(summary = "A unit with its children today and its lineage")
  UnitDetail detail(@PathVariable String code) {
    UnitView u = units.get(code);
    LocalDate day = u.validTo() == null ? LocalDate.now(clock) : u.validTo();
    return new UnitDetail(
        u, units.childrenOn(code, day), units.predecessors(code), units.successors(code));
  }

  @PostMapping("/units")
  @Operation(summary = "Create a unit")
  ResponseEntity<UnitView> create(@Valid @RequestBody NewUnit cmd) {
    UnitView u = units.create(cmd);
    return ResponseEntity.created(URI.create("/api/v1/units/" + u.code())).body(u);
  }

  @PutMapping("/units/{code}")
  @Operation(summary = "Correct a unit's name or kind (not a reorganisation)")
  UnitView correct(@PathVariable String code, @Valid @RequestBody UnitCorrection cmd) {
    return units.correct(code, cmd);
  }

  @PostMapping("/units/{code}/rename")
  @Operation(summary = "Rename a unit from a date, recorded as a reorganisation")
  ReorganisationView rename(@PathVariable String code, @Valid @RequestBody Rename cmd) {
    return units.rename(code, cmd);
  }

  @PostMapping("/units/{code}/transfer")
  @Operation(summary = "Move a unit under another parent from a date")
  ReorganisationView transfer(@PathVariable String code, @Valid @RequestBody Transfer cmd) {
    return units.transfer(code, cmd);
  }

  @PostMapping("/units/{code}/dissolve")
  @Operation(summary = "End a unit without successor, once nothing lies below it")
  ReorganisationView dissolve(
      @PathVariable String code, @Valid @RequestBody UnitCommands.Dissolve cmd) {
    return units.dissolve(code, cmd);
  }

  @GetMapping("/reorganisations")
  List<ReorganisationView> reorganisations(@RequestParam(required = false) @Nullable String unit) {
    return units.reorganisations(unit);
  }

  @GetMapping("/reorganisations/{id}")
  ReorganisationView reorganisation(@PathVariable long id) {
    return units.reorganisation(id);
  }

  @PostMapping("/reorganisations")
  @Operation(summary = "Record a merge or a split, with the lineage shares")
  ResponseEntity<ReorganisationView> restructure(@Valid @RequestBody Restructure cmd) {
    ReorganisationView r = units.restructure(cmd);
    return ResponseEntity.created(URI.create("/api/v1/reorganisations/" + r.id())).body(r);
  }

  @GetMapping("/people")
  List<PersonView> people(
      @RequestParam(required = false) @Nullable String unit,
      @RequestParam(required = false) @Nullable String q) {
    return people.list(unit, q);
  }

  @GetMapping("/people/{id}")
  PersonView person(@PathVariable long id) {
    return people.get(id);
  }

  @PostMapping("/people")
  ResponseEntity<PersonView> createPerson(@Valid @RequestBody People.PersonForm form) {
    PersonView p = people.create(form);
    return ResponseEntity.created(URI.create("/api/v1/people/" + p.id())).body(p);
  }

  @PutMapping("/people/{id}")
  PersonView updatePerson(@PathVariable long id, @Valid @RequestBody People.PersonForm form) {
    return people.update(id, form);
  }
}
