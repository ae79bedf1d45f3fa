package org.laurel.reward;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.laurel.access.Access;
import org.laurel.organisation.People;
import org.laurel.organisation.PersonView;
import org.laurel.organisation.Units;
import org.laurel.shared.ImportUploads;
import org.laurel.shared.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The award history: every award of a person or of a unit (with the units it came from through
 * reorganisations), for everyone signed in; and the secretariat's import of past years from CSV or
 * XLSX, all or nothing, with every bad row listed.
 */
@Controller
class AwardPages {

  private final AwardHistory history;
  private final AwardImports imports;
  private final AwardCatalogue catalogue;
  private final Units units;
  private final People people;
  private final Access access;
  private final MessageSource messages;

  AwardPages(
      AwardHistory history,
      AwardImports imports,
      AwardCatalogue catalogue,
      Units units,
      People people,
      Access access,
      MessageSource messages) {
    this.history = history;
    this.imports = imports;
    this.catalogue = catalogue;
    this.units = units;
    this.people = people;
    this.access = access;
    this.messages = messages;
  }

  @GetMapping("/rewards/awards")
  String awards(
      @RequestParam(required = false) @Nullable String unit,
      @RequestParam(required = false) @Nullable Long person,
      @RequestParam(required = false) @Nullable String q,
      @RequestParam(defaultValue = "false") boolean households,
      Model model,
      HttpServletResponse res) {
    model.addAttribute("unit", unit == null ? "" : unit.trim());
    model.addAttribute("q", q == null ? "" : q.trim());
    model.addAttribute("households", households);
    model.addAttribute("unitChoices", units.all());
    model.addAttribute("awards", names());
    if (q != null && !q.isBlank()) {
      model.addAttribute("found", people.list(unit, q.trim()).stream().limit(50).toList());
    }
    if (person != null) {
      PersonView p = people.find(person).orElse(null);
      if (p == null) {
        res.setStatus(404);
        model.addAttribute(
            "lookupError",
            messages.getMessage(
                "error.person.notFound", new Object[] {person}, LocaleContextHolder.getLocale()));
      } else {
        model.addAttribute("person", p);
        model.addAttribute("records", history.ofPerson(person));
      }
    } else if (unit != null && !unit.isBlank() && (q == null || q.isBlank())) {
      try {
        model.addAttribute("records", history.ofUnit(unit.trim(), households));
        model.addAttribute("unitView", units.get(unit.trim()));
      } catch (NotFoundException e) {
        res.setStatus(404);
        model.addAttribute(
            "lookupError",
            messages.getMessage(e.messageKey(), e.args(), LocaleContextHolder.getLocale()));
      }
    }
    return "reward/awards";
  }

  @GetMapping("/rewards/awards/import")
  String importForm(Model model) {
    access.requireSecretariat();
    model.addAttribute("header", String.join(",", AwardImports.HEADER));
    return "reward/award-import";
  }

  @PostMapping("/rewards/awards/import")
  String importFile(
      @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
      Model model,
      HttpServletResponse res,
      RedirectAttributes redirect,
      Locale locale)
      throws IOException {
    access.requireSecretariat();
    model.addAttribute("header", String.join(",", AwardImports.HEADER));
    return ImportUploads.handle(
        file,
        model,
        res,
        messages,
        locale,
        "reward/award-import",
        (f, name) -> {
          AwardImports.Result r = imports.importFile(f.getBytes(), name);
          redirect.addFlashAttribute(
              "flash",
              messages.getMessage(
                  "awards.flash.imported",
                  new Object[] {r.file(), r.imported(), r.rows()},
                  locale));
          return "redirect:/rewards/awards";
        });
  }

  private Map<String, String> names() {
    return catalogue.names(LocaleContextHolder.getLocale());
  }
}
