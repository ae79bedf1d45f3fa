package org.laurel.reward;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.laurel.access.Access;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Rewards: proposals and dossiers")
class ProposalApi {

  private final Proposals proposals;
  private final NoticeComments comments;
  private final BlocProposals blocProposals;

  ProposalApi(Proposals proposals, NoticeComments comments, BlocProposals blocProposals) {
    this.proposals = proposals;
    this.comments = comments;
    this.blocProposals = blocProposals;
  }

  @PostMapping("/blocs/{id}/proposals")
  @Operation(
      summary =
          "From the bloc's published ranking, its proposals in one step: rank 1 → the flag, the"
              + " next N → certificates of merit (secretariat); each nominee's eligibility checked")
  ResponseEntity<List<ProposalView>> fromRanking(
      @PathVariable long id, @Valid @RequestBody BlocProposals.FromRanking cmd) {
    List<ProposalView> made = blocProposals.fromRanking(id, cmd);
    return ResponseEntity.created(
            URI.create("/api/v1/proposals?year=" + (made.isEmpty() ? "" : made.get(0).year())))
        .body(made);
  }

  @GetMapping("/proposals")
  List<ProposalView> list(
      @RequestParam(required = false) @Nullable ProposalStatus status,
      @RequestParam(required = false) @Nullable Integer year) {
    return proposals.list(status, year);
  }

  @GetMapping("/proposals/{id}")
  ProposalView get(@PathVariable long id) {
    return proposals.get(id);
  }

  @PostMapping("/proposals")
  @Operation(summary = "A draft proposal of a unit (its officer or the secretariat)")
  ResponseEntity<ProposalView> create(@Valid @RequestBody Proposals.NewProposal cmd) {
    ProposalView p = proposals.create(cmd);
    return ResponseEntity.created(URI.create("/api/v1/proposals/" + p.id())).body(p);
  }

  @PostMapping("/proposals/{id}/nominees")
  @Operation(
      summary = "Add a nominee to a draft: a person, a unit or a household of the unit's scope")
  ResponseEntity<ProposalView.NomineeView> addNominee(
      @PathVariable long id, @Valid @RequestBody Proposals.NomineeForm form) {
    ProposalView.NomineeView n = proposals.addNominee(id, form);
    return ResponseEntity.created(URI.create("/api/v1/proposals/" + id)).body(n);
  }

  @org.springframework.web.bind.annotation.DeleteMapping("/proposals/{id}/nominees/{nomineeId}")
  @Operation(summary = "Take a nominee off a draft (its unit's officer or the secretariat)")
  ProposalView removeNominee(@PathVariable long id, @PathVariable long nomineeId) {
    return proposals.removeNominee(id, nomineeId);
  }

  @PostMapping(
      value = "/proposals/{id}/attachments",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(
      summary =
          "Attach a dossier file (PDF, DOCX, XLSX; the type is told by the content and must match"
              + " the name; size-limited; virus-scanned)")
  ResponseEntity<ProposalView.AttachmentView> attach(
      @PathVariable long id,
      @RequestPart("file") MultipartFile file,
      @RequestParam(defaultValue = "OTHER") Proposals.FileRole role)
      throws IOException {
    String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
    ProposalView.AttachmentView a = proposals.attach(id, role, name, file.getBytes());
    return ResponseEntity.created(URI.create("/api/v1/proposals/" + id + "/attachments/" + a.id()))
        .body(a);
  }

  @GetMapping("/proposals/{id}/attachments/{attachmentId}")
  ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable long attachmentId) {
    return download(proposals.file(id, attachmentId));
  }

  /** A dossier file as a download that the browser never runs or sniffs (API and pages). */
  static ResponseEntity<byte[]> download(Proposals.FileContent f) {
    return org.laurel.shared.Downloads.attachment(
        f.content(), MediaType.parseMediaType(f.mediaType()), f.fileName());
  }

  @PostMapping("/proposals/{id}/submit")
  ProposalView submit(@PathVariable long id, @Valid @RequestBody Proposals.Step cmd) {
    return proposals.submit(id, cmd);
  }

  @PostMapping("/proposals/{id}/receive")
  ProposalView receive(@PathVariable long id, @Valid @RequestBody Proposals.Step cmd) {
    return proposals.receive(id, cmd);
  }

  @PostMapping("/proposals/{id}/review")
  @Operation(summary = "Start the eligibility review: every nominee checked, the evaluation kept")
  ProposalView review(@PathVariable long id, @Valid @RequestBody Proposals.Step cmd) {
    return proposals.review(id, cmd);
  }

  @PostMapping("/proposals/{id}/notice")
  @Operation(
      summary = "With the specialist's opinion, put the proposal on public notice for N days")
  ProposalView notice(@PathVariable long id, @Valid @RequestBody Proposals.Notice cmd) {
    return proposals.publishNotice(id, cmd);
  }

  @PostMapping("/proposals/{id}/return")
  @Operation(summary = "Return the proposal to its unit, with a reason")
  ProposalView returnToUnit(@PathVariable long id, @Valid @RequestBody Proposals.Return cmd) {
    return proposals.returnToUnit(id, cmd);
  }

  @PostMapping("/proposals/{id}/ready")
  @Operation(summary = "Ready for the council: the notice is over and every comment answered")
  ProposalView ready(@PathVariable long id, @Valid @RequestBody Proposals.Step cmd) {
    return proposals.ready(id, cmd);
  }

  @GetMapping("/proposals/{id}/comments")
  @Operation(
      summary = "Comments and complaints of the public notice (contacts for the secretariat)")
  List<NoticeComments.CommentView> comments(@PathVariable long id) {
    proposals.get(id);
    boolean secretariat = Access.current().role().isSecretariat();
    return comments.of(id).stream().map(c -> secretariat ? c : c.forPublic()).toList();
  }

  @PostMapping("/notice-comments/{id}/answer")
  @Operation(
      summary = "The secretariat's answer to a comment or complaint; published with the item")
  NoticeComments.CommentView answer(
      @PathVariable long id, @Valid @RequestBody NoticeComments.Answer cmd) {
    return comments.answer(id, cmd);
  }
}
