package org.laurel.indicator;

import jakarta.validation.Valid;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.laurel.access.Access;
import org.laurel.access.Actor;
import org.laurel.access.Role;
import org.laurel.organisation.UnitView;
import org.laurel.organisation.Units;
import org.laurel.shared.ConflictException;
import org.laurel.shared.ForbiddenException;
import org.laurel.shared.Forms;
import org.laurel.shared.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A unit's report for a period: the entry form (value beside last year's and the estimate), and the
 * workflow's buttons — save draft, submit, accept, return with a reason, reopen with a reason.
 */
@Controller
class ReportPages {

  /** The entry form: a value and a comment per indicator, and the version it was read at. */
  static class ReportForm {
    private Map<String, String> values = new LinkedHashMap<>();
    private Map<String, String> comments = new LinkedHashMap<>();
    @PositiveOrZero private int version;

    static ReportForm of(ReportView r) {
      ReportForm f = new ReportForm();
      for (ReportView.Line l : r.lines()) {
        f.values.put(l.indicator(), l.value() == null ? "" : Reports.plain(l.value()));
        f.comments.put(l.indicator(), l.comment() == null ? "" : l.comment());
      }
      f.version = r.version();
      return f;
    }

    public Map<String, String> getValues() {
      return values;
    }

    public void setValues(@Nullable Map<String, String> values) {
      this.values = values == null ? new LinkedHashMap<>() : values;
    }

    public Map<String, String> getComments() {
      return comments;
    }

    public void setComments(@Nullable Map<String, String> comments) {
      this.comments = comments == null ? new LinkedHashMap<>() : comments;
    }

    public int getVersion() {
      return version;
    }

    public void setVersion(int version) {
      this.version = version;
    }
  }

  /** Accept, return or reopen: the version read, and the reason where one is asked for. */
  static class DecisionForm {
    @Size(max = 2000)
    private @Nullable String reason;

    @PositiveOrZero private int version;

    public @Nullable String getReason() {
      return reason;
    }

    public void setReason(@Nullable String reason) {
      this.reason = reason;
    }

    public int getVersion() {
      return version;
    }

    public void setVersion(int version) {
      this.version = version;
    }
  }

  /** A failed rule, translated, for the list above the form. */
  record Issue(String indicator, String name, ValidationIssue.Severity severity, String message) {}

  private final Reports reports;
  private final Units units;
  private final Access access;
  private final MessageSource messages;
  private final Figures figures;
  private final Clock clock;

  ReportPages(
      Reports reports,
      Units units,
      Access access,
      MessageSource messages,
      Figures figures,
      Clock clock) {
    this.reports = reports;
    this.units = units;
    this.access = access;
    this.messages = messages;
    this.figures = figures;
    this.clock = clock;
  }

  /** A unit's reports of a year; reporters see their own unit's. */
  @GetMapping("/reports")
  String list(
      @RequestParam(required = false) @Nullable String unit,
      @RequestParam(required = false) @Nullable Integer year,
      Model model) {
    Actor actor = Access.current();
    String code = unit;
    if (code == null || code.isBlank()) {
      code = units.findById(actor.unitId()).map(UnitView::code).orElse("");
    }
    int shown = year != null ? year : LocalDate.now(clock).getYear();
    model.addAttribute("year", shown);
    model.addAttribute("unitCode", code);
    if (!code.isBlank()) {
      UnitView u =
          units.find(code).orElseThrow(() -> new NotFoundException("error.unit.notFound", unit));
      requireView(u.code(), Integer.toString(shown));
      model.addAttribute("unit", u);
      model.addAttribute("reports", reports.list(u.code(), shown));
      model.addAttribute("mayEnter", reports.mayEnter(u.code()));
      model.addAttribute("newPeriods", IndicatorPages.yearPeriods(shown));
    }
    return "indicators/reports";
  }

  /** Opens the report of another period from the list page's small form. */
  @GetMapping("/reports/open")
  String open(@RequestParam String unit, @RequestParam String period) {
    Period p = Reports.period(period);
    return "redirect:/reports/" + unit.trim() + "/" + p;
  }

  @GetMapping("/reports/{unit}/{period}")
  String show(@PathVariable String unit, @PathVariable String period, Model model) {
    requireView(unit, period);
    ReportView r = reports.get(unit, period, locale());
    return page(r, ReportForm.of(r), List.of(), model);
  }

  @PostMapping("/reports/{unit}/{period}")
  String save(
      @PathVariable String unit,
      @PathVariable String period,
      @Valid @ModelAttribute("form") ReportForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    requireEnter(unit);
    Reports.Entry entry = entry(form, errors);
    if (!errors.hasErrors()) {
      ReportView saved = Forms.attempt(errors, () -> reports.save(unit, period, entry, locale()));
      if (saved != null) {
        redirect.addFlashAttribute(
            "flash", msg("report.flash.saved", figures.period(saved.period())));
        return "redirect:/reports/" + saved.unit() + "/" + saved.period();
      }
    }
    return page(reports.get(unit, period, locale()), form, List.of(), model);
  }

  /**
   * Saves the values and submits them. When a rule refuses the submission the values stay saved as
   * a draft and the page lists what to fix.
   */
  @PostMapping("/reports/{unit}/{period}/submit")
  String submit(
      @PathVariable String unit,
      @PathVariable String period,
      @Valid @ModelAttribute("form") ReportForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    requireEnter(unit);
    Reports.Entry entry = entry(form, errors);
    ReportView saved =
        errors.hasErrors()
            ? null
            : Forms.attempt(errors, () -> reports.save(unit, period, entry, locale()));
    if (saved == null) {
      return page(reports.get(unit, period, locale()), form, List.of(), model);
    }
    try {
      ReportView done =
          reports.submit(unit, period, new Reports.Decision(null, saved.version()), locale());
      redirect.addFlashAttribute(
          "flash", msg("report.flash.submitted", figures.period(done.period())));
      return "redirect:/reports/" + done.unit() + "/" + done.period();
    } catch (Reports.ValidationFailed e) {
      return withGlobalError(saved, e.messageKey(), e.args(), issues(saved, e.issues()), model);
    } catch (ConflictException e) {
      return withGlobalError(saved, e.messageKey(), e.args(), List.of(), model);
    }
  }

  /** The saved report again, its form freshly read, with a message above it. */
  private String withGlobalError(
      ReportView saved, String key, Object[] args, List<Issue> issues, Model model) {
    ReportForm fresh = ReportForm.of(saved);
    BindingResult shown =
        new org.springframework.validation.BeanPropertyBindingResult(fresh, "form");
    shown.reject(key, args, key);
    model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", shown);
    return page(saved, fresh, issues, model);
  }

  @PostMapping("/reports/{unit}/{period}/accept")
  String accept(
      @PathVariable String unit,
      @PathVariable String period,
      @Valid @ModelAttribute("decision") DecisionForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    requireReview(unit, period);
    if (!errors.hasErrors()) {
      ReportView r =
          Forms.attempt(
              errors,
              () ->
                  reports.accept(
                      unit, period, new Reports.Decision(null, form.getVersion()), locale()));
      if (r != null) {
        redirect.addFlashAttribute("flash", msg("report.flash.accepted", r.unitName()));
        return "redirect:/reports/" + r.unit() + "/" + r.period();
      }
    }
    return decisionFailed(unit, period, errors, model);
  }

  @PostMapping("/reports/{unit}/{period}/return")
  String returnReport(
      @PathVariable String unit,
      @PathVariable String period,
      @Valid @ModelAttribute("decision") DecisionForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    requireReview(unit, period);
    if (!errors.hasErrors()) {
      ReportView r =
          Forms.attempt(
              errors,
              () ->
                  reports.returnForCorrection(
                      unit,
                      period,
                      new Reports.Decision(form.getReason(), form.getVersion()),
                      locale()));
      if (r != null) {
        redirect.addFlashAttribute("flash", msg("report.flash.returned", r.unitName()));
        return "redirect:/reports/" + r.unit() + "/" + r.period();
      }
    }
    return decisionFailed(unit, period, errors, model);
  }

  @PostMapping("/reports/{unit}/{period}/reopen")
  String reopen(
      @PathVariable String unit,
      @PathVariable String period,
      @Valid @ModelAttribute("decision") DecisionForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    access.requireSecretariat();
    if (form.getReason() == null || form.getReason().isBlank()) {
      errors.rejectValue("reason", "error.report.reasonRequired");
    }
    if (!errors.hasErrors()) {
      ReportView r =
          Forms.attempt(
              errors,
              () ->
                  reports.reopen(
                      unit,
                      period,
                      new Reports.Reopen(form.getReason(), form.getVersion()),
                      locale()));
      if (r != null) {
        redirect.addFlashAttribute("flash", msg("report.flash.reopened", r.unitName()));
        return "redirect:/reports/" + r.unit() + "/" + r.period();
      }
    }
    return decisionFailed(unit, period, errors, model);
  }

  // ---- helpers

  private String decisionFailed(String unit, String period, BindingResult errors, Model model) {
    ReportView r = reports.get(unit, period, locale());
    model.addAttribute(
        "decisionErrors",
        errors.getAllErrors().stream().map(e -> messages.getMessage(e, locale())).toList());
    return page(r, ReportForm.of(r), List.of(), model);
  }

  private String page(ReportView r, ReportForm form, List<Issue> issues, Model model) {
    boolean enter = reports.mayEnter(r.unit());
    boolean review = reports.mayReview(r.unit(), r.period());
    boolean secretariat = Access.current().role().isSecretariat();
    boolean editable =
        enter
            && !r.locked()
            && r.status() != ReportView.Status.SUBMITTED
            && r.status() != ReportView.Status.ACCEPTED;
    model.addAttribute("report", r);
    model.addAttribute("form", form);
    model.addAttribute("issues", issues);
    model.addAttribute(
        "issueIndicators", issues.stream().map(Issue::indicator).distinct().toList());
    model.addAttribute("periodName", figures.period(r.period()));
    model.addAttribute("editable", editable);
    model.addAttribute("mayReview", review && r.status() == ReportView.Status.SUBMITTED);
    model.addAttribute(
        "mayReopen",
        secretariat && r.id() != null && (r.locked() || r.status() == ReportView.Status.RETURNED));
    if (!model.containsAttribute("decision")) {
      DecisionForm d = new DecisionForm();
      d.setVersion(r.version());
      model.addAttribute("decision", d);
    }
    return "indicators/report";
  }

  /** Parses the entered values; a value that is not a number is an error on its field. */
  private Reports.Entry entry(ReportForm form, BindingResult errors) {
    Map<String, @Nullable BigDecimal> values = new LinkedHashMap<>();
    for (var e : form.getValues().entrySet()) {
      String text = e.getValue() == null ? "" : e.getValue().trim().replace(" ", "");
      if (text.isEmpty()) {
        values.put(e.getKey(), null);
        continue;
      }
      try {
        values.put(e.getKey(), new BigDecimal(text));
      } catch (NumberFormatException ex) {
        errors.rejectValue(
            "values[" + e.getKey() + "]", "report.form.notANumber", new Object[] {text}, null);
      }
    }
    Map<String, String> comments = new LinkedHashMap<>();
    form.getComments()
        .forEach(
            (k, v) -> {
              if (v != null && !v.isBlank()) {
                if (v.length() > 2000) {
                  errors.rejectValue("comments[" + k + "]", "report.form.commentTooLong");
                }
                comments.put(k, v);
              }
            });
    return new Reports.Entry(values, comments, form.getVersion());
  }

  private List<Issue> issues(ReportView r, List<ValidationIssue> found) {
    Map<String, String> names = new LinkedHashMap<>();
    r.lines().forEach(l -> names.put(l.indicator(), l.name()));
    List<Issue> out = new ArrayList<>();
    for (ValidationIssue i : found) {
      String text = messages.getMessage(i.messageKey(), i.args(), i.messageKey(), locale());
      if (i.severity() == ValidationIssue.Severity.WARNING) {
        text = text + " " + msg("report.issue.commentNeeded");
      }
      out.add(
          new Issue(
              i.indicator(), names.getOrDefault(i.indicator(), i.indicator()), i.severity(), text));
    }
    return out;
  }

  /**
   * Who may look at a report: those who may enter or review it, and the read-only roles; a unit
   * reporter or bloc head sees no other unit's report.
   */
  private void requireView(String unit, String period) {
    Role role = Access.current().role();
    if (role.reportsForOwnUnit() && !reports.mayEnter(unit) && !reports.mayReview(unit, period)) {
      throw ForbiddenException.outOfScope();
    }
  }

  private void requireEnter(String unit) {
    if (!reports.mayEnter(unit)) {
      throw ForbiddenException.outOfScope();
    }
  }

  private void requireReview(String unit, String period) {
    if (!reports.mayReview(unit, period)) {
      throw ForbiddenException.outOfScope();
    }
  }

  private String msg(String key, Object... args) {
    return messages.getMessage(key, args, key, locale());
  }

  private static Locale locale() {
    return LocaleContextHolder.getLocale();
  }
}
