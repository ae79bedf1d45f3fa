package org.laurel.organisation;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.laurel.access.Access;
import org.laurel.organisation.UnitForms.CorrectionForm;
import org.laurel.organisation.UnitForms.DissolveForm;
import org.laurel.organisation.UnitForms.LinkRow;
import org.laurel.organisation.UnitForms.NewUnitForm;
import org.laurel.organisation.UnitForms.NewUnitRow;
import org.laurel.organisation.UnitForms.RenameForm;
import org.laurel.organisation.UnitForms.RestructureForm;
import org.laurel.organisation.UnitForms.TransferForm;
import org.laurel.shared.ConflictException;
import org.laurel.shared.Forms;
import org.laurel.shared.InvalidInputException;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The web pages of units and reorganisations: the hierarchy on a date, a unit with its lineage, and
 * the secretariat's forms. The services check every write; the forms are also refused to anyone
 * outside the secretariat, so that a reporter does not fill in a form for nothing.
 */
@Controller
class UnitPages {

  private static final Pattern LINK_FIELD = Pattern.compile("^links\\[(\\d+)](.*)$");
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** A unit in the tree, with the units below it on the day shown. */
  record Node(UnitView unit, List<Node> children) {}

  /** A lineage link with its share formatted as a percentage in the user's language. */
  record LinkRowView(LineageLink link, String share) {}

  record ReorgView(ReorganisationView reorganisation, List<LinkRowView> links) {}

  private final Units units;
  private final People people;
  private final Access access;
  private final MessageSource messages;
  private final Clock clock;

  UnitPages(Units units, People people, Access access, MessageSource messages, Clock clock) {
    this.units = units;
    this.people = people;
    this.access = access;
    this.messages = messages;
    this.clock = clock;
  }

  @InitBinder
  void trimStrings(WebDataBinder binder) {
    // a blank field is an absent field: an empty parent code means "no parent", not code ""
    binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
  }

  @ModelAttribute("datePattern")
  String datePattern(Locale locale) {
    return messages.getMessage("unit.datePattern", null, "yyyy-MM-dd", locale);
  }

  // ---- reading

  @GetMapping("/units")
  String tree(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate asOf,
      @RequestParam(required = false) @Nullable UnitKind kind,
      Model model) {
    LocalDate day = asOf == null ? today() : asOf;
    List<UnitView> valid = units.validOn(day, null, null);
    List<Node> roots = buildTree(valid);
    if (kind != null) {
      roots = keepKind(roots, kind);
    }
    model.addAttribute("asOf", day);
    model.addAttribute("kind", kind);
    model.addAttribute("kinds", UnitKind.values());
    model.addAttribute("roots", roots);
    model.addAttribute(
        "count",
        kind == null ? valid.size() : valid.stream().filter(u -> u.kind() == kind).count());
    return "units/list";
  }

  @GetMapping("/units/{code}")
  String detail(@PathVariable String code, Model model, Locale locale) {
    UnitView unit = units.get(code);
    // an ended unit is shown as it was on its last day; a future one as on its first
    LocalDate day = unit.validTo() != null ? unit.validTo() : today();
    if (day.isBefore(unit.validFrom())) {
      day = unit.validFrom();
    }
    model.addAttribute("unit", unit);
    model.addAttribute("day", day);
    model.addAttribute("ended", unit.validTo() != null && unit.validTo().isBefore(today()));
    model.addAttribute(
        "parent", unit.parentCode() == null ? null : units.find(unit.parentCode()).orElse(null));
    model.addAttribute("children", units.validOn(day, null, code));
    model.addAttribute("predecessors", rows(units.predecessors(code), locale));
    model.addAttribute("successors", rows(units.successors(code), locale));
    model.addAttribute("history", reorgs(units.reorganisations(code), locale));
    model.addAttribute("people", people.list(code, null));
    return "units/detail";
  }

  @GetMapping("/reorganisations")
  String reorganisations(Model model, Locale locale) {
    model.addAttribute("reorganisations", reorgs(units.reorganisations(null), locale));
    return "units/reorganisations";
  }

  // ---- new unit

  @GetMapping("/units/new")
  String newUnit(@RequestParam(required = false) @Nullable String parent, Model model) {
    access.requireSecretariat();
    NewUnitForm form = new NewUnitForm();
    form.setParentCode(parent);
    form.setValidFrom(today());
    return newUnitPage(form, model);
  }

  @PostMapping("/units/new")
  String createUnit(
      @Valid @ModelAttribute("form") NewUnitForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect,
      Locale locale) {
    access.requireSecretariat();
    if (!errors.hasErrors()) {
      UnitView u = attempt(errors, () -> units.create(form.toCommand()));
      if (u != null) {
        return done(redirect, locale, "unit.flash.created", u.code(), u.code(), u.name());
      }
    }
    return newUnitPage(form, model);
  }

  private String newUnitPage(NewUnitForm form, Model model) {
    model.addAttribute("form", form);
    model.addAttribute("kinds", UnitKind.values());
    model.addAttribute("choices", units.validOn(today(), null, null));
    return "units/new";
  }

  // ---- correction

  @GetMapping("/units/{code}/edit")
  String edit(@PathVariable String code, Model model) {
    access.requireSecretariat();
    UnitView unit = units.get(code);
    return unitPage("units/edit", unit, CorrectionForm.of(unit), model);
  }

  @PostMapping("/units/{code}/edit")
  String correct(
      @PathVariable String code,
      @Valid @ModelAttribute("form") CorrectionForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect,
      Locale locale) {
    access.requireSecretariat();
    UnitView unit = units.get(code);
    if (!errors.hasErrors()) {
      UnitView u = attempt(errors, () -> units.correct(code, form.toCommand()));
      if (u != null) {
        return done(redirect, locale, "unit.flash.corrected", code, u.code(), u.name());
      }
    }
    return unitPage("units/edit", unit, form, model);
  }

  // ---- rename, transfer, dissolve

  @GetMapping("/units/{code}/rename")
  String renameForm(@PathVariable String code, Model model) {
    access.requireSecretariat();
    UnitView unit = units.get(code);
    RenameForm form = new RenameForm();
    form.setNewName(unit.name());
    form.setEffectiveDate(today());
    return unitPage("units/rename", unit, form, model);
  }

  @PostMapping("/units/{code}/rename")
  String rename(
      @PathVariable String code,
      @Valid @ModelAttribute("form") RenameForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect,
      Locale locale) {
    access.requireSecretariat();
    UnitView unit = units.get(code);
    if (!errors.hasErrors()
        && attempt(errors, () -> units.rename(code, form.toCommand())) != null) {
      return done(redirect, locale, "unit.flash.renamed", code, code, form.getNewName());
    }
    return unitPage("units/rename", unit, form, model);
  }

  @GetMapping("/units/{code}/transfer")
  String transferForm(@PathVariable String code, Model model) {
    access.requireSecretariat();
    UnitView unit = units.get(code);
    TransferForm form = new TransferForm();
    form.setEffectiveDate(today());
    return unitPage("units/transfer", unit, form, model);
  }

  @PostMapping("/units/{code}/transfer")
  String transfer(
      @PathVariable String code,
      @Valid @ModelAttribute("form") TransferForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect,
      Locale locale) {
    access.requireSecretariat();
    UnitView unit = units.get(code);
    if (!errors.hasErrors()
        && attempt(errors, () -> units.transfer(code, form.toCommand())) != null) {
      return done(redirect, locale, "unit.flash.transferred", code, code, form.getNewParentCode());
    }
    return unitPage("units/transfer", unit, form, model);
  }

  @GetMapping("/units/{code}/dissolve")
  String dissolveForm(@PathVariable String code, Model model) {
    access.requireSecretariat();
    UnitView unit = units.get(code);
    DissolveForm form = new DissolveForm();
    form.setEffectiveDate(today());
    return unitPage("units/dissolve", unit, form, model);
  }

  @PostMapping("/units/{code}/dissolve")
  String dissolve(
      @PathVariable String code,
      @Valid @ModelAttribute("form") DissolveForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect,
      Locale locale) {
    access.requireSecretariat();
    UnitView unit = units.get(code);
    if (!errors.hasErrors()
        && attempt(errors, () -> units.dissolve(code, form.toCommand())) != null) {
      String day = DateTimeFormatter.ofPattern(datePattern(locale), locale).format(form.date());
      return done(redirect, locale, "unit.flash.dissolved", code, code, day);
    }
    return unitPage("units/dissolve", unit, form, model);
  }

  private String unitPage(String view, UnitView unit, Object form, Model model) {
    model.addAttribute("unit", unit);
    model.addAttribute("form", form);
    model.addAttribute("kinds", UnitKind.values());
    model.addAttribute("choices", units.validOn(today(), null, null));
    return view;
  }

  // ---- merge or split

  @GetMapping("/reorganisations/new")
  String restructureForm(Model model) {
    access.requireSecretariat();
    RestructureForm form = new RestructureForm();
    form.setEffectiveDate(today());
    return restructurePage(form, model);
  }

  @PostMapping("/reorganisations/new")
  String restructure(
      @Valid @ModelAttribute("form") RestructureForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect,
      Locale locale) {
    access.requireSecretariat();
    List<UnitCommands.Link> links = new ArrayList<>();
    List<Integer> rowOf = new ArrayList<>();
    for (int i = 0; i < form.getLinks().size(); i++) {
      LinkRow row = form.getLinks().get(i);
      if (!row.isBlank() && checkRow(row, i, errors)) {
        links.add(
            new UnitCommands.Link(
                Objects.requireNonNull(row.getPredecessor()),
                Objects.requireNonNull(row.getSuccessor()),
                Objects.requireNonNull(row.getSharePercent()).divide(HUNDRED)));
        rowOf.add(i);
      }
    }
    if (form.getLinks().stream().allMatch(LinkRow::isBlank)) {
      errors.rejectValue("links", "reorg.error.noLinks");
    }
    NewUnitRow n = form.getNewUnit();
    boolean withNewUnit = !n.isBlank();
    if (withNewUnit) {
      checkNewUnit(n, errors);
    }
    if (!errors.hasErrors()) {
      LocalDate day = Objects.requireNonNull(form.getEffectiveDate());
      List<UnitCommands.NewUnit> created =
          withNewUnit
              ? List.of(
                  new UnitCommands.NewUnit(
                      Objects.requireNonNull(n.getCode()),
                      Objects.requireNonNull(n.getName()),
                      Objects.requireNonNull(n.getKind()),
                      n.getParentCode(),
                      day,
                      form.isSynthetic()))
              : List.of();
      UnitCommands.Restructure cmd =
          new UnitCommands.Restructure(
              Objects.requireNonNull(form.getKind()),
              day,
              form.getReference(),
              form.getDescription(),
              form.isSynthetic(),
              created,
              links);
      ReorganisationView r = attempt(errors, () -> units.restructure(cmd), e -> remap(e, rowOf));
      if (r != null) {
        redirect.addFlashAttribute(
            "flash",
            messages.getMessage(
                "reorg.flash.recorded",
                new Object[] {label("reorg.kind." + r.kind(), locale), r.links().size()},
                locale));
        return "redirect:/reorganisations";
      }
    }
    return restructurePage(form, model);
  }

  private String restructurePage(RestructureForm form, Model model) {
    model.addAttribute("form", form);
    model.addAttribute("kinds", UnitKind.values());
    model.addAttribute("reorgKinds", List.of(ReorganisationKind.MERGE, ReorganisationKind.SPLIT));
    model.addAttribute("choices", units.validOn(today(), null, null));
    return "units/restructure";
  }

  /** A filled-in row needs all three values; the share lies in (0, 100]. */
  private static boolean checkRow(LinkRow row, int i, BindingResult errors) {
    String at = "links[" + i + "].";
    int before = errors.getErrorCount();
    if (row.getPredecessor() == null) {
      errors.rejectValue(at + "predecessor", "NotBlank");
    }
    if (row.getSuccessor() == null) {
      errors.rejectValue(at + "successor", "NotBlank");
    }
    BigDecimal share = row.getSharePercent();
    if (share == null) {
      if (!errors.hasFieldErrors(at + "sharePercent")) {
        errors.rejectValue(at + "sharePercent", "NotNull");
      }
    } else if (share.signum() <= 0 || share.compareTo(HUNDRED) > 0) {
      errors.rejectValue(at + "sharePercent", "reorg.error.share");
    }
    return errors.getErrorCount() == before && !errors.hasFieldErrors(at + "sharePercent");
  }

  private static void checkNewUnit(NewUnitRow n, BindingResult errors) {
    if (n.getCode() == null) {
      errors.rejectValue("newUnit.code", "NotBlank");
    } else if (!n.getCode().matches(UnitCommands.CODE)) {
      errors.rejectValue("newUnit.code", "Pattern");
    }
    if (n.getName() == null) {
      errors.rejectValue("newUnit.name", "NotBlank");
    } else if (n.getName().length() > 200) {
      errors.rejectValue("newUnit.name", "Size", new Object[] {"name", 200, 1}, null);
    }
    if (n.getKind() == null) {
      errors.rejectValue("newUnit.kind", "NotNull");
    }
    if (n.getParentCode() != null && !n.getParentCode().matches(UnitCommands.CODE)) {
      errors.rejectValue("newUnit.parentCode", "Pattern");
    }
  }

  /** Puts the service's field names (command indexes) back onto the form's rows and fields. */
  private static InvalidInputException remap(InvalidInputException e, List<Integer> rowOf) {
    String field = e.field();
    Matcher m = LINK_FIELD.matcher(field);
    if (m.matches()) {
      int i = Integer.parseInt(m.group(1));
      if (i < rowOf.size()) {
        field = "links[" + rowOf.get(i) + "]" + m.group(2);
      }
    } else if (field.startsWith("newUnits[0].")) {
      String rest = field.substring("newUnits[0].".length());
      field = rest.equals("validFrom") ? "effectiveDate" : "newUnit." + rest;
    } else if (field.equals("parentCode") || field.equals("code")) {
      field = "newUnit." + field;
    }
    return new InvalidInputException(field, e.messageKey(), e.args());
  }

  // ---- helpers

  private <T> @Nullable T attempt(BindingResult errors, Supplier<T> write) {
    return attempt(errors, write, e -> e);
  }

  /**
   * Runs a write; a domain error goes onto the form instead of the error page. A forbidden write is
   * not caught: it ends on the 403 page.
   */
  private <T> @Nullable T attempt(
      BindingResult errors, Supplier<T> write, UnaryOperator<InvalidInputException> fields) {
    try {
      return write.get();
    } catch (InvalidInputException e) {
      Forms.reject(errors, fields.apply(e));
    } catch (ConflictException e) {
      Forms.reject(errors, e);
    } catch (ConstraintViolationException e) {
      // the form checks what the command checks; this is the safety net if they drift apart
      errors.reject("error.invalid");
    }
    return null;
  }

  private String done(
      RedirectAttributes redirect, Locale locale, String key, String code, Object... args) {
    redirect.addFlashAttribute("flash", messages.getMessage(key, args, locale));
    redirect.addAttribute("code", code);
    return "redirect:/units/{code}";
  }

  private String label(String key, Locale locale) {
    return messages.getMessage(key, null, key, locale);
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }

  static List<Node> buildTree(List<UnitView> valid) {
    Map<String, Node> byCode = new LinkedHashMap<>();
    for (UnitView u : valid) {
      byCode.put(u.code(), new Node(u, new ArrayList<>()));
    }
    List<Node> roots = new ArrayList<>();
    for (Node n : byCode.values()) {
      String parentCode = n.unit().parentCode();
      Node parent = parentCode == null ? null : byCode.get(parentCode);
      if (parent == null) {
        roots.add(n);
      } else {
        parent.children().add(n);
      }
    }
    return roots;
  }

  /** The units of one kind, with the units above them for context. */
  static List<Node> keepKind(List<Node> nodes, UnitKind kind) {
    List<Node> kept = new ArrayList<>();
    for (Node n : nodes) {
      List<Node> children = keepKind(n.children(), kind);
      if (n.unit().kind() == kind || !children.isEmpty()) {
        kept.add(new Node(n.unit(), children));
      }
    }
    return kept;
  }

  private static List<LinkRowView> rows(List<LineageLink> links, Locale locale) {
    NumberFormat percent = NumberFormat.getPercentInstance(locale);
    percent.setMaximumFractionDigits(2);
    return links.stream().map(l -> new LinkRowView(l, percent.format(l.share()))).toList();
  }

  private static List<ReorgView> reorgs(List<ReorganisationView> list, Locale locale) {
    return list.stream().map(r -> new ReorgView(r, rows(r.links(), locale))).toList();
  }
}
