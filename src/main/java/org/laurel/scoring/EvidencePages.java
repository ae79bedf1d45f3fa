package org.laurel.scoring;

import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.laurel.scoring.PactDefinition.Round;
import org.laurel.shared.ConflictException;
import org.laurel.shared.InvalidInputException;
import org.laurel.shared.LaurelException;
import org.laurel.shared.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The sheet page's evidence files: upload to a criterion, delete, download. */
@Controller
class EvidencePages {

  private final EvidenceFiles evidence;
  private final MessageSource messages;

  EvidencePages(EvidenceFiles evidence, MessageSource messages) {
    this.evidence = evidence;
    this.messages = messages;
  }

  @PostMapping(AssessmentPages.SHEET + "/criteria/{criterion}/evidence")
  String upload(
      @PathVariable long id,
      @PathVariable Round round,
      @PathVariable String assessor,
      @PathVariable String assessed,
      @PathVariable String criterion,
      @RequestParam(name = "file", required = false) List<MultipartFile> file,
      RedirectAttributes redirect)
      throws IOException {
    // a form sent without choosing a file carries one nameless empty part
    List<MultipartFile> chosen =
        file == null
            ? List.of()
            : file.stream()
                .filter(
                    f ->
                        !f.isEmpty()
                            || f.getOriginalFilename() != null
                                && !f.getOriginalFilename().isBlank())
                .toList();
    try {
      List<SheetView.Attachment> added =
          evidence.upload(
              id, round, assessor, assessed, criterion, EvidenceApi.uploads(evidence, chosen));
      redirect.addFlashAttribute(
          "flash",
          msg(
              "scoring.evidence.flash.uploaded",
              String.join(", ", added.stream().map(SheetView.Attachment::fileName).toList())));
    } catch (InvalidInputException | ConflictException | NotFoundException e) {
      flashError(redirect, e, criterion);
    }
    return "redirect:"
        + AssessmentPages.path(id, round, assessor, assessed)
        + "#criterion-"
        + criterion;
  }

  @PostMapping("/pacts/{id}/evidence/{evidenceId}/delete")
  String delete(@PathVariable long id, @PathVariable long evidenceId, RedirectAttributes redirect) {
    String back = evidence.sheetPath(id, evidenceId);
    try {
      SheetView.Attachment a = evidence.delete(id, evidenceId);
      redirect.addFlashAttribute("flash", msg("scoring.evidence.flash.deleted", a.fileName()));
      return "redirect:" + back + "#criterion-" + a.criterion();
    } catch (InvalidInputException | ConflictException | NotFoundException e) {
      flashError(redirect, e, null);
    }
    return "redirect:" + back;
  }

  @GetMapping("/pacts/{id}/evidence/{evidenceId}")
  ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long evidenceId) {
    return EvidenceApi.download(evidence.file(id, evidenceId));
  }

  /** The refusal, shown beside the criterion's files (the redirect scrolls there) or on top. */
  private void flashError(
      RedirectAttributes redirect, LaurelException e, @Nullable String criterion) {
    redirect.addFlashAttribute("evidenceError", msg(e.messageKey(), e.args()));
    if (criterion != null) {
      redirect.addFlashAttribute("evidenceCriterion", criterion);
    }
  }

  private String msg(String key, Object... args) {
    return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
  }
}
