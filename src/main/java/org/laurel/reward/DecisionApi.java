package org.laurel.reward;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.laurel.reward.DecisionView.Status;
import org.laurel.shared.Downloads;
import org.springframework.http.MediaType;
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
@Tag(name = "Rewards: decisions")
class DecisionApi {

  private final Decisions decisions;
  private final DecisionDocuments documents;
  private final PortalDecisions portal;
  private final Clock clock;

  DecisionApi(
      Decisions decisions, DecisionDocuments documents, PortalDecisions portal, Clock clock) {
    this.decisions = decisions;
    this.portal = portal;
    this.documents = documents;
    this.clock = clock;
  }

  @GetMapping("/decision-bodies")
  @Operation(summary = "Issuing bodies with their decision templates (header, motto, signer title)")
  List<DecisionBody> bodies() {
    return decisions.bodies();
  }

  @GetMapping("/decisions")
  @Operation(summary = "Decisions, newest first, optionally of a year (of the date) and a status")
  List<DecisionView> list(
      @RequestParam(required = false) @Nullable Integer year,
      @RequestParam(required = false) @Nullable Status status) {
    return decisions.list(year, status);
  }

  @GetMapping("/decisions/{id}")
  DecisionView get(@PathVariable long id) {
    return decisions.get(id);
  }

  @GetMapping("/decisions/candidates")
  @Operation(
      summary =
          "Nominees a granting decision may name: approved by the council, in a voted proposal,"
              + " not granted yet; with the cash their award carries on the given date")
  List<Decisions.Candidate> candidates(
      @RequestParam(required = false) @Nullable Integer year,
      @RequestParam(required = false) @Nullable LocalDate decidedOn) {
    return decisions.candidates(year, decidedOn == null ? LocalDate.now(clock) : decidedOn);
  }

  @PostMapping("/decisions")
  @Operation(
      summary =
          "Draft a decision (secretariat): GRANTING names nomineeIds; REVOKING names awardIds of"
              + " the referenced decision; CORRECTING names corrections (an award of the"
              + " referenced decision and its replacement)")
  ResponseEntity<DecisionView> draft(@Valid @RequestBody Decisions.Draft cmd) {
    DecisionView d = decisions.draft(cmd);
    return ResponseEntity.created(URI.create("/api/v1/decisions/" + d.id())).body(d);
  }

  @PutMapping("/decisions/{id}")
  @Operation(summary = "Rewrite a draft (an issued decision is never edited: 409)")
  DecisionView edit(@PathVariable long id, @Valid @RequestBody Decisions.Edit cmd) {
    return decisions.edit(id, cmd);
  }

  @PostMapping("/decisions/{id}/issue")
  @Operation(
      summary =
          "Issue a draft: numbered N/suffix per body and year, awards entered (certificates"
              + " follow), withdrawn awards marked, fund paid or reversed, proposals decided")
  DecisionView issue(@PathVariable long id, @Valid @RequestBody Decisions.Step cmd) {
    return decisions.issue(id, cmd);
  }

  @PostMapping("/decisions/{id}/publish")
  @Operation(summary = "Publish an issued decision and its awards on the public portal")
  DecisionView publish(@PathVariable long id, @Valid @RequestBody Decisions.Step cmd) {
    return decisions.publish(id, cmd);
  }

  @GetMapping(value = "/decisions/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
  @Operation(summary = "The decision document as PDF, from its body's template")
  ResponseEntity<byte[]> pdf(@PathVariable long id) {
    DecisionView d = decisions.get(id);
    return Downloads.attachment(
        documents.pdf(d), MediaType.APPLICATION_PDF, DecisionDocuments.fileName(d, "pdf"));
  }

  @GetMapping("/decisions/{id}/docx")
  @Operation(summary = "The decision document as DOCX, from its body's template")
  ResponseEntity<byte[]> docx(@PathVariable long id) {
    DecisionView d = decisions.get(id);
    return Downloads.attachment(
        documents.docx(d), DecisionDocuments.DOCX, DecisionDocuments.fileName(d, "docx"));
  }

  @GetMapping("/portal/decisions")
  @Operation(
      summary =
          "Published decisions with their awards and how each stands now (public, no sign-in)")
  List<PortalDecisions.PublicDecision> published() {
    return portal.list();
  }

  @GetMapping("/portal/decisions/{id}")
  @Operation(summary = "A published decision (public); an unpublished one is not found")
  PortalDecisions.PublicDecision publishedOne(@PathVariable long id) {
    return portal.get(id);
  }
}
