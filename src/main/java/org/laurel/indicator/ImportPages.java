package org.laurel.indicator;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.laurel.access.Access;
import org.laurel.access.Actor;
import org.laurel.bloc.Blocs;
import org.laurel.shared.ForbiddenException;
import org.laurel.shared.InvalidInputException;
import org.laurel.shared.LaurelException;
import org.laurel.shared.NotFoundException;
import org.laurel.shared.RejectedRowsException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Upload of a CSV or XLSX file of values or estimates. All or nothing: a file with bad rows is
 * refused with the list of them, translated; a good one is reported by its counts.
 */
@Controller
class ImportPages {

  /** A bad row as the page lists it. */
  record Problem(long row, String column, @Nullable String value, String message) {}

  private final Imports imports;
  private final ImportJobs jobs;
  private final Blocs blocs;
  private final MessageSource messages;

  /** Uploads above this size run in the background with a progress page. */
  private long backgroundAbove;

  ImportPages(
      Imports imports,
      ImportJobs jobs,
      Blocs blocs,
      MessageSource messages,
      @org.springframework.beans.factory.annotation.Value(
              "${laurel.import.background-above-bytes:2097152}")
          long backgroundAbove) {
    this.imports = imports;
    this.jobs = jobs;
    this.blocs = blocs;
    this.messages = messages;
    this.backgroundAbove = backgroundAbove;
  }

  /** The progress page of a background import; it polls its status fragment while running. */
  @GetMapping("/imports/jobs/{id}")
  String job(@PathVariable String id, Model model) {
    describe(findJob(id), model);
    return "indicators/import-job";
  }

  @GetMapping("/imports/jobs/{id}/status")
  String jobStatus(@PathVariable String id, Model model) {
    describe(findJob(id), model);
    return "indicators/import-job :: status";
  }

  private void describe(ImportJobs.Job job, Model model) {
    // the job runs on: read its state once, before what that state promises (the error or the
    // result is written before the state), so the page never shows a state without its details
    model.addAttribute("state", job.state.name());
    model.addAttribute("job", job);
    model.addAttribute("problems", problems(job));
    model.addAttribute("refusal", refusal(job));
  }

  private ImportJobs.Job findJob(String id) {
    return jobs.find(id).orElseThrow(() -> new NotFoundException("error.import.jobNotFound", id));
  }

  private List<Problem> problems(ImportJobs.Job job) {
    if (job.error instanceof RejectedRowsException e) {
      return e.problems().stream()
          .map(p -> new Problem(p.row(), p.column(), p.value(), msg(p.messageKey(), p.args())))
          .toList();
    }
    return List.of();
  }

  /** The message of a refused background import, translated. */
  private String refusal(ImportJobs.Job job) {
    LaurelException e = job.error;
    return e == null ? "" : msg(e.messageKey(), e.args());
  }

  @GetMapping("/imports")
  String form(Model model) {
    requireImporter();
    return page("value", model);
  }

  /** The template form of the page: a bloc and a period, to the bloc's template download. */
  @GetMapping("/imports/template")
  String template(@RequestParam long bloc, @RequestParam String period) {
    Period p = Reports.period(period);
    return "redirect:/blocs/" + blocs.get(bloc).id() + "/template.csv?period=" + p;
  }

  @PostMapping("/imports")
  String upload(
      @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
      @RequestParam(defaultValue = "value") String kind,
      Model model,
      HttpServletResponse res,
      RedirectAttributes redirect)
      throws IOException {
    requireImporter();
    Imports.Kind k = "estimate".equals(kind) ? Imports.Kind.ESTIMATES : Imports.Kind.VALUES;
    if (file == null || file.isEmpty()) {
      return refused(new InvalidInputException("file", "error.import.empty"), kind, model, res);
    }
    @Nullable Path tmp = Files.createTempFile("laurel-import", ".bin");
    try {
      try (InputStream in = file.getInputStream()) {
        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
      }
      String name =
          file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
              ? "upload"
              : file.getOriginalFilename();
      if (file.getSize() > backgroundAbove) {
        ImportJobs.Job job = jobs.start(tmp, name, k);
        tmp = null; // the job owns the file now
        return "redirect:/imports/jobs/" + job.id;
      }
      ImportResult r = imports.importFile(tmp, name, k, Imports.Progress.NONE);
      redirect.addFlashAttribute(
          "flash",
          msg(
              k == Imports.Kind.VALUES ? "import.flash.values" : "import.flash.estimates",
              r.file(),
              r.rows(),
              r.inserted(),
              r.updated(),
              r.unchanged()));
      return "redirect:/imports";
    } catch (RejectedRowsException e) {
      res.setStatus(400);
      model.addAttribute("rejected", msg(e.messageKey(), e.args()));
      model.addAttribute(
          "problems",
          e.problems().stream()
              .map(p -> new Problem(p.row(), p.column(), p.value(), msg(p.messageKey(), p.args())))
              .toList());
      model.addAttribute("fileName", file.getOriginalFilename());
      return page(kind, model);
    } catch (InvalidInputException e) {
      return refused(e, kind, model, res);
    } finally {
      if (tmp != null) {
        Files.deleteIfExists(tmp);
      }
    }
  }

  private String refused(
      InvalidInputException e, String kind, Model model, HttpServletResponse res) {
    res.setStatus(400);
    model.addAttribute("rejected", msg(e.messageKey(), e.args()));
    model.addAttribute("problems", List.of());
    return page(kind, model);
  }

  private String page(String kind, Model model) {
    Actor a = Access.current();
    model.addAttribute("kind", kind);
    model.addAttribute("secretariat", a.role().isSecretariat());
    model.addAttribute("blocs", blocs.list(null));
    model.addAttribute("header", String.join(",", Imports.HEADER));
    return "indicators/import";
  }

  /** The secretariat, and those who report for their own unit. */
  private static void requireImporter() {
    Actor a = Access.current();
    if (!a.role().isSecretariat() && !a.role().reportsForOwnUnit()) {
      throw ForbiddenException.outOfScope();
    }
  }

  private String msg(String key, @Nullable Object... args) {
    return messages.getMessage(key, args, key, locale());
  }

  private static Locale locale() {
    return LocaleContextHolder.getLocale();
  }
}
