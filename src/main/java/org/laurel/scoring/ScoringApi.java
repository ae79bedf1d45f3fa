package org.laurel.scoring;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.laurel.scoring.PactDefinition.Round;
import org.laurel.scoring.ScoringCommands.CopyPact;
import org.laurel.scoring.ScoringCommands.NewItem;
import org.laurel.scoring.ScoringCommands.PactChange;
import org.laurel.scoring.ScoringCommands.Publish;
import org.laurel.scoring.ScoringCommands.Reopen;
import org.laurel.scoring.ScoringCommands.SheetForm;
import org.laurel.scoring.ScoringCommands.Submit;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Pacts, assessments and results")
class ScoringApi {

  private final Pacts pacts;
  private final Assessments assessments;
  private final Results results;
  private final ExplanationDownloads exports;

  ScoringApi(Pacts pacts, Assessments assessments, Results results, ExplanationDownloads exports) {
    this.exports = exports;
    this.pacts = pacts;
    this.assessments = assessments;
    this.results = results;
  }

  @GetMapping("/blocs/{id}/pact")
  @Operation(summary = "The bloc's pact: criteria tree, round weights, bands, tie-break chain")
  PactView pact(@PathVariable long id) {
    return pacts.ofBloc(id);
  }

  @PostMapping("/blocs/{id}/pact")
  @Operation(summary = "Create the bloc's pact with its whole criteria tree (secretariat)")
  ResponseEntity<PactView> createPact(
      @PathVariable long id, @Valid @RequestBody PactDefinition definition) {
    PactView p = pacts.create(id, definition);
    return ResponseEntity.created(URI.create("/api/v1/blocs/" + id + "/pact")).body(p);
  }

  @PutMapping("/blocs/{id}/pact")
  @Operation(
      summary =
          "Replace a draft pact's definition; once assessment started, a change needs a reason"
              + " and makes a new, audited version (published results keep theirs)")
  PactView updatePact(@PathVariable long id, @Valid @RequestBody PactChange cmd) {
    return pacts.update(id, cmd);
  }

  @PostMapping("/blocs/{id}/pact/copy")
  @Operation(
      summary =
          "Start the bloc's pact as a draft copy of the template (source TEMPLATE) or of last"
              + " year's pact of the bloc with the same code (LAST_YEAR), then edit it (secretariat)")
  ResponseEntity<PactView> copyPact(@PathVariable long id, @Valid @RequestBody CopyPact cmd) {
    PactView p = pacts.copy(id, cmd);
    return ResponseEntity.created(URI.create("/api/v1/blocs/" + id + "/pact")).body(p);
  }

  @GetMapping("/pacts/{id}/versions")
  @Operation(summary = "The versions of the pact's definition: who made each, when and why")
  List<PactVersion> pactVersions(@PathVariable long id) {
    return pacts.versions(id);
  }

  @GetMapping("/pacts/{id}/versions/{number}")
  @Operation(summary = "One version of the pact's definition")
  PactVersion pactVersion(@PathVariable long id, @PathVariable int number) {
    return pacts.version(id, number);
  }

  @PostMapping("/pacts/{id}/items")
  @Operation(summary = "A bonus or penalty item with its reason (secretariat)")
  Map<String, Object> addItem(@PathVariable long id, @Valid @RequestBody NewItem cmd) {
    return pacts.addItem(id, cmd);
  }

  @GetMapping("/pacts/{id}/what-if")
  @Operation(
      summary =
          "The smallest change in one manual criterion (criterion=…) or one indicator's figure"
              + " for one period (indicator=…&period=…; the period may be left out when the pact"
              + " uses the indicator for one period only; a criterion linked to an indicator names"
              + " its own) that would bring the unit to the rank, all else equal")
  WhatIf.Answer whatIf(
      @PathVariable long id,
      @org.springframework.web.bind.annotation.RequestParam String unit,
      @org.springframework.web.bind.annotation.RequestParam int rank,
      @org.springframework.web.bind.annotation.RequestParam(required = false)
          @org.jspecify.annotations.Nullable
          String criterion,
      @org.springframework.web.bind.annotation.RequestParam(required = false)
          @org.jspecify.annotations.Nullable
          String indicator,
      @org.springframework.web.bind.annotation.RequestParam(required = false)
          @org.jspecify.annotations.Nullable
          String period) {
    return results.whatIf(id, unit, rank, criterion, indicator, period);
  }

  @GetMapping("/pacts/{id}/signals")
  @Operation(
      summary =
          "Pairs of units that score each other markedly higher than the rest of the bloc does,"
              + " and assessors far from everyone else, each score compared with the unit's other"
              + " assessors (secretariat; signals, not verdicts)")
  CollusionSignal.Signals signals(@PathVariable long id) {
    return results.signals(id);
  }

  @GetMapping("/pacts/{id}/sheets")
  @Operation(
      summary =
          "The pact's sheets the caller may read, drafts included: all (secretariat), those its"
              + " own unit fills in (unit reporter, bloc head), the council round's (council"
              + " member), none (others)")
  List<SheetView> sheets(@PathVariable long id) {
    return assessments.list(id);
  }

  @GetMapping("/pacts/{id}/sheets/{round}/{assessor}/{assessed}")
  @Operation(
      summary =
          "One sheet, to the secretariat, the assessor unit's reporter or bloc head, or (council"
              + " round) a council member; 403 to anyone else, also after publication")
  SheetView sheet(
      @PathVariable long id,
      @PathVariable Round round,
      @PathVariable String assessor,
      @PathVariable String assessed) {
    return assessments.get(id, round, assessor, assessed);
  }

  @PutMapping("/pacts/{id}/sheets/{round}/{assessor}/{assessed}")
  @Operation(
      summary =
          "Save a sheet's scores as a draft; assessor is a unit code, or COUNCIL in the council"
              + " round. A cross-assessor recuses itself from the unit (conflict of interest)"
              + " with {\"scores\":[],\"recuse\":true,\"recusalReason\":\"…\"}")
  SheetView saveSheet(
      @PathVariable long id,
      @PathVariable Round round,
      @PathVariable String assessor,
      @PathVariable String assessed,
      @Valid @RequestBody SheetForm form) {
    return assessments.save(id, round, assessor, assessed, form);
  }

  @PostMapping("/pacts/{id}/sheets/{round}/{assessor}/{assessed}/submit")
  @Operation(summary = "Submit a sheet; it cannot change afterwards")
  SheetView submitSheet(
      @PathVariable long id,
      @PathVariable Round round,
      @PathVariable String assessor,
      @PathVariable String assessed,
      @Valid @RequestBody Submit cmd) {
    return assessments.submit(id, round, assessor, assessed, cmd);
  }

  @PostMapping("/pacts/{id}/sheets/{round}/{assessor}/{assessed}/reopen")
  @Operation(
      summary =
          "Reopen a submitted sheet with a reason (secretariat), so that its assessor can change"
              + " and submit it again")
  SheetView reopenSheet(
      @PathVariable long id,
      @PathVariable Round round,
      @PathVariable String assessor,
      @PathVariable String assessed,
      @Valid @RequestBody Reopen cmd) {
    return assessments.reopen(id, round, assessor, assessed, cmd);
  }

  @PostMapping("/pacts/{id}/results")
  @Operation(
      summary =
          "Compute and publish the results as a new immutable version (secretariat). While an"
              + " expected sheet is not submitted: 409 naming how many per round, unless the body"
              + " gives {\"incompleteReason\": \"…\"}, which is kept with the version")
  Ranking publish(
      @PathVariable long id,
      @Valid @RequestBody(required = false) @org.jspecify.annotations.Nullable Publish cmd) {
    return results.publish(id, cmd == null ? new Publish(null) : cmd);
  }

  @GetMapping("/blocs/{id}/ranking")
  @Operation(
      summary =
          "The latest published ranking of the bloc in the year; its ETag names the version, so a"
              + " poller that sends If-None-Match gets 304 until a new version is published")
  ResponseEntity<Ranking> ranking(
      @PathVariable long id, @RequestParam int year, WebRequest request) {
    Ranking ranking = results.ranking(id, year);
    // published versions never change: the version number is a strong validator
    String etag = "\"" + ranking.year() + "-v" + ranking.version() + "\"";
    if (request.checkNotModified(etag)) {
      return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
    }
    return ResponseEntity.ok().eTag(etag).body(ranking);
  }

  @GetMapping("/pacts/{id}/results/moves")
  @Operation(
      summary =
          "What moved between two published versions: each unit's rank and total in both and the"
              + " change (to: latest by default; from: the version before)")
  Moves moves(
      @PathVariable long id,
      @RequestParam(required = false) @org.jspecify.annotations.Nullable Integer from,
      @RequestParam(required = false) @org.jspecify.annotations.Nullable Integer to) {
    return results.moves(id, from, to);
  }

  @GetMapping("/pacts/{id}/results/{version}/units/{unit}.csv")
  @Operation(summary = "A unit's explanation as CSV (UTF-8 with byte-order mark)")
  void explanationCsv(
      @PathVariable long id,
      @PathVariable int version,
      @PathVariable String unit,
      jakarta.servlet.http.HttpServletResponse res)
      throws java.io.IOException {
    exports.write(id, version, unit, ExplanationExport.Format.CSV, res);
  }

  @GetMapping("/pacts/{id}/results/{version}/units/{unit}.xlsx")
  @Operation(summary = "A unit's explanation as XLSX")
  void explanationXlsx(
      @PathVariable long id,
      @PathVariable int version,
      @PathVariable String unit,
      jakarta.servlet.http.HttpServletResponse res)
      throws java.io.IOException {
    exports.write(id, version, unit, ExplanationExport.Format.XLSX, res);
  }

  @GetMapping("/pacts/{id}/results/{version}")
  @Operation(
      summary =
          "A published version in full: each unit's total and rank beside its raw total and raw"
              + " rank (without per-assessor normalisation), and the assessors' disagreement"
              + " (standard deviation of the scores) per criterion")
  ResultsVersion resultsVersion(@PathVariable long id, @PathVariable int version) {
    return results.version(id, version);
  }

  @GetMapping("/pacts/{id}/results/{version}/units/{unit}")
  @Operation(summary = "Every point of a unit's published result back to its inputs")
  JsonNode explanation(
      @PathVariable long id, @PathVariable int version, @PathVariable String unit) {
    return results.explanation(id, version, unit);
  }
}
