package org.laurel.movement;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.laurel.access.Access;
import org.laurel.access.Actor;
import org.laurel.movement.Initiatives.Filter;
import org.laurel.movement.Initiatives.InitiativeForm;
import org.laurel.movement.RecognisedInitiative.Level;
import org.laurel.organisation.People;
import org.laurel.organisation.UnitView;
import org.laurel.organisation.Units;
import org.laurel.shared.ForbiddenException;
import org.laurel.shared.Forms;
import org.laurel.shared.ImportUploads;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The registry's pages: the list, the form, and the import. */
@Controller
class InitiativePages {

  /** The initiative form, bound field by field. */
  static final class Form {
    @NotBlank
    @Size(max = 300)
    @Nullable String title;

    @NotBlank @Nullable String unitCode;

    @NotEmpty
    @Size(max = 20)
    List<Long> authorPersonIds = new ArrayList<>();

    @NotBlank
    @Size(max = 200)
    @Nullable String field;

    @Size(max = 4000)
    @Nullable String description;

    @NotBlank
    @Size(max = 100)
    @Nullable String decisionNumber;

    @NotNull
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    @Nullable LocalDate decisionDate;

    @NotNull @Nullable Level level;

    @Size(max = 500)
    @Nullable String scope;

    @PositiveOrZero int version;

    static Form of(InitiativeView v) {
      Form f = new Form();
      f.title = v.title();
      f.unitCode = v.unitCode();
      f.authorPersonIds =
          new ArrayList<>(v.authors().stream().map(InitiativeView.Author::personId).toList());
      f.field = v.field();
      f.description = v.description();
      f.decisionNumber = v.decisionNumber();
      f.decisionDate = v.decisionDate();
      f.level = v.level();
      f.scope = v.scope();
      f.version = v.version();
      return f;
    }

    InitiativeForm command() {
      return new InitiativeForm(
          String.valueOf(title),
          String.valueOf(unitCode),
          authorPersonIds,
          String.valueOf(field),
          description,
          String.valueOf(decisionNumber),
          java.util.Objects.requireNonNull(decisionDate),
          java.util.Objects.requireNonNull(level),
          scope,
          version);
    }
  }

  private final Initiatives initiatives;
  private final InitiativeImports imports;
  private final Units units;
  private final People people;
  private final Access access;
  private final MessageSource messages;

  InitiativePages(
      Initiatives initiatives,
      InitiativeImports imports,
      Units units,
      People people,
      Access access,
      MessageSource messages) {
    this.initiatives = initiatives;
    this.imports = imports;
    this.units = units;
    this.people = people;
    this.access = access;
    this.messages = messages;
  }

  @InitBinder("form")
  void binder(WebDataBinder binder) {
    binder.initDirectFieldAccess();
    binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
  }

  @GetMapping("/initiatives")
  String list(
      @RequestParam(required = false) @Nullable String unit,
      @RequestParam(required = false) @Nullable String q,
      @RequestParam(required = false) @Nullable Integer year,
      Model model) {
    model.addAttribute("unit", unit == null ? "" : unit.trim());
    model.addAttribute("q", q == null ? "" : q.trim());
    model.addAttribute("year", year);
    model.addAttribute("initiatives", initiatives.list(new Filter(unit, q, year)));
    model.addAttribute("choices", units.all());
    return "movement/initiatives";
  }

  @GetMapping("/initiatives/new")
  String newForm(Model model) {
    Actor a = requireWriter();
    Form f = new Form();
    if (!a.role().isSecretariat()) {
      f.unitCode = units.findById(a.unitId()).map(UnitView::code).orElse(null);
    }
    return page(f, null, model);
  }

  @PostMapping("/initiatives/new")
  String create(
      @Valid @ModelAttribute("form") Form form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect,
      Locale locale) {
    requireWriter();
    if (form.unitCode != null) {
      units.find(form.unitCode).ifPresent(u -> access.requireUnitData(u.id()));
    }
    if (!errors.hasErrors()) {
      InitiativeView v = Forms.attempt(errors, () -> initiatives.create(form.command()));
      if (v != null) {
        return done(redirect, locale, "initiative.flash.created", v);
      }
    }
    return page(form, null, model);
  }

  @GetMapping("/initiatives/{id}/edit")
  String edit(@PathVariable long id, Model model) {
    InitiativeView v = initiatives.get(id);
    access.requireUnitData(units.get(v.unitCode()).id());
    return page(Form.of(v), v, model);
  }

  @PostMapping("/initiatives/{id}/edit")
  String update(
      @PathVariable long id,
      @Valid @ModelAttribute("form") Form form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect,
      Locale locale) {
    InitiativeView before = initiatives.get(id);
    access.requireUnitData(units.get(before.unitCode()).id());
    if (!errors.hasErrors()) {
      InitiativeView v = Forms.attempt(errors, () -> initiatives.update(id, form.command()));
      if (v != null) {
        return done(redirect, locale, "initiative.flash.updated", v);
      }
    }
    return page(form, before, model);
  }

  @GetMapping("/initiatives/import")
  String importForm(Model model) {
    requireWriter();
    model.addAttribute("header", String.join(",", InitiativeImports.HEADER));
    return "movement/initiative-import";
  }

  @PostMapping("/initiatives/import")
  String importFile(
      @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
      Model model,
      HttpServletResponse res,
      RedirectAttributes redirect,
      Locale locale)
      throws IOException {
    requireWriter();
    model.addAttribute("header", String.join(",", InitiativeImports.HEADER));
    return ImportUploads.handle(
        file,
        model,
        res,
        messages,
        locale,
        "movement/initiative-import",
        (f, name) -> {
          InitiativeImports.Result r = imports.importFile(TableFile.bytes(f), name);
          redirect.addFlashAttribute(
              "flash",
              messages.getMessage(
                  "initiative.flash.imported", new Object[] {r.file(), r.rows()}, locale));
          return "redirect:/initiatives";
        });
  }

  private String page(Form form, @Nullable InitiativeView v, Model model) {
    model.addAttribute("form", form);
    model.addAttribute("initiative", v);
    model.addAttribute("levels", Level.values());
    model.addAttribute("choices", units.all());
    model.addAttribute("people", people.list(null, null));
    return "movement/initiative-form";
  }

  static Actor requireWriter() {
    Actor a = Access.current();
    if (!a.role().isSecretariat() && !a.role().reportsForOwnUnit()) {
      throw ForbiddenException.outOfScope();
    }
    return a;
  }

  private String done(RedirectAttributes redirect, Locale locale, String key, InitiativeView v) {
    redirect.addFlashAttribute(
        "flash", messages.getMessage(key, new Object[] {v.title(), v.unitName()}, locale));
    redirect.addAttribute("unit", v.unitCode());
    return "redirect:/initiatives";
  }
}
