package org.laurel.reward;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.laurel.access.Access;
import org.laurel.reward.RuleSet.Condition;
import org.laurel.reward.RuleSet.Definition;
import org.laurel.reward.RuleSet.Denominator;
import org.laurel.reward.RuleSet.InitiativeLevel;
import org.laurel.reward.RuleSet.Rounding;
import org.laurel.reward.RuleSet.Type;
import org.laurel.reward.RuleSet.Vote;
import org.laurel.shared.Forms;
import org.laurel.shared.InvalidInputException;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
 * The award rule sets: every award's versions for everyone signed in, and for the administrator a
 * form with one field per parameter (not JSON) that saves a new version in force from a date, each
 * threshold with its legal source. The old versions stay as they were.
 */
@Controller
class RuleSetPages {

  /** One condition row; a row without a type is left out (how a row is removed). */
  record ConditionForm(
      @Nullable Type type,
      @Nullable List<String> awards,
      @Nullable @Min(1) @Max(50) Integer count,
      @Nullable Boolean consecutive,
      @Nullable @Min(1) @Max(50) Integer window,
      @Nullable InitiativeLevel level,
      @Nullable @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") BigDecimal percent,
      @Nullable Rounding rounding,
      @Nullable @Size(max = 300) String source) {

    static ConditionForm of(Condition c) {
      return new ConditionForm(
          c.type(),
          c.awards(),
          c.count(),
          c.consecutive(),
          c.window(),
          c.level(),
          c.percent(),
          c.rounding(),
          c.source());
    }

    static ConditionForm empty() {
      return new ConditionForm(null, null, null, null, null, null, null, null, null);
    }

    Condition condition() {
      return new Condition(
          java.util.Objects.requireNonNull(type),
          awards == null || awards.isEmpty() ? null : List.copyOf(awards),
          count,
          Boolean.TRUE.equals(consecutive) ? Boolean.TRUE : null,
          window,
          level,
          percent,
          rounding,
          source == null ? "" : source);
    }
  }

  /** A new version of an award's rule set, parameter by parameter. */
  record RuleSetForm(
      @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
      @NotBlank @Size(max = 200) String legalBasis,
      @Nullable @Size(max = 2000) String note,
      @PositiveOrZero int baseVersion,
      @Nullable @Size(max = 30) List<@Valid ConditionForm> conditions,
      @Nullable Boolean voteRequired,
      @Nullable @Min(1) @Max(100) Integer voteThreshold,
      @Nullable Denominator voteDenominator,
      @Nullable Boolean voteAbsentInWriting,
      @Nullable @Size(max = 300) String voteSource,
      @Nullable @Min(1) @Max(100) Integer quorumNumerator,
      @Nullable @Min(1) @Max(100) Integer quorumDenominator,
      @Nullable @Size(max = 300) String quorumSource) {

    /** Whether the form names a quorum of its own (else the default applies). */
    boolean hasQuorum() {
      return quorumNumerator != null || quorumDenominator != null || quorumSource != null;
    }

    public List<ConditionForm> rows() {
      return conditions == null ? List.of() : conditions;
    }
  }

  private final RuleSets ruleSets;
  private final AwardCatalogue catalogue;
  private final Access access;
  private final MessageSource messages;
  private final Clock clock;

  RuleSetPages(
      RuleSets ruleSets,
      AwardCatalogue catalogue,
      Access access,
      MessageSource messages,
      Clock clock) {
    this.access = access;
    this.ruleSets = ruleSets;
    this.catalogue = catalogue;
    this.messages = messages;
    this.clock = clock;
  }

  @InitBinder("form")
  void binder(WebDataBinder binder) {
    binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
  }

  @GetMapping("/rewards/rule-sets")
  String list(Model model) {
    model.addAttribute("types", catalogue.types());
    java.util.Map<String, RuleSet> latest = new java.util.HashMap<>();
    ruleSets.latest().forEach(r -> latest.put(r.awardCode(), r));
    model.addAttribute("latest", latest);
    model.addAttribute("locale", LocaleContextHolder.getLocale());
    return "reward/rule-sets";
  }

  @GetMapping("/rewards/rule-sets/{award}")
  String versions(@PathVariable String award, Model model) {
    model.addAttribute("award", catalogue.get(award));
    model.addAttribute("versions", ruleSets.versions(award));
    model.addAttribute("names", names());
    model.addAttribute("today", LocalDate.now(clock));
    model.addAttribute("locale", LocaleContextHolder.getLocale());
    return "reward/rule-set";
  }

  @GetMapping("/rewards/rule-sets/{award}/edit")
  String edit(@PathVariable String award, Model model) {
    access.requireAdmin();
    AwardType type = catalogue.get(award);
    List<RuleSet> versions = ruleSets.versions(award);
    RuleSet latest = versions.isEmpty() ? null : versions.get(0);
    List<ConditionForm> rows = new ArrayList<>();
    if (latest != null) {
      latest.definition().conditions().forEach(c -> rows.add(ConditionForm.of(c)));
    }
    rows.add(ConditionForm.empty());
    Vote vote = latest == null ? null : latest.definition().vote();
    RuleSetForm form =
        new RuleSetForm(
            LocalDate.now(clock).plusYears(1).withDayOfYear(1),
            latest == null ? "" : latest.legalBasis(),
            null,
            latest == null ? 0 : latest.version(),
            rows,
            vote != null,
            vote == null ? null : vote.thresholdPercent(),
            vote == null ? null : vote.denominator(),
            vote != null && vote.absentMayVoteInWriting(),
            vote == null ? null : vote.source(),
            vote == null || vote.quorum() == null ? null : vote.quorum().numerator(),
            vote == null || vote.quorum() == null ? null : vote.quorum().denominator(),
            vote == null || vote.quorum() == null ? null : vote.quorum().source());
    return page(type, form, model);
  }

  @PostMapping("/rewards/rule-sets/{award}")
  String save(
      @PathVariable String award,
      @Valid @ModelAttribute("form") RuleSetForm form,
      BindingResult errors,
      @RequestParam(name = "addRow", required = false) @Nullable String addRow,
      Model model,
      HttpServletResponse res,
      RedirectAttributes redirect,
      Locale locale) {
    access.requireAdmin();
    AwardType type = catalogue.get(award);
    if (addRow != null && form != null) {
      // one more empty row; nothing saved
      List<ConditionForm> rows = new ArrayList<>(form.rows());
      rows.add(ConditionForm.empty());
      model.addAttribute("form", withRows(form, rows));
      return page(
          type, (RuleSetForm) java.util.Objects.requireNonNull(model.getAttribute("form")), model);
    }
    List<Integer> kept = new ArrayList<>();
    if (form != null) {
      for (int i = 0; i < form.rows().size(); i++) {
        ConditionForm c = form.rows().get(i);
        if (c != null && c.type() != null) {
          kept.add(i);
          if (c.source() == null) {
            errors.rejectValue("conditions[" + i + "].source", "NotBlank");
          }
        }
      }
      if (Boolean.TRUE.equals(form.voteRequired())) {
        if (form.voteThreshold() == null) {
          errors.rejectValue("voteThreshold", "NotNull");
        }
        if (form.voteDenominator() == null) {
          errors.rejectValue("voteDenominator", "NotNull");
        }
        if (form.voteSource() == null) {
          errors.rejectValue("voteSource", "NotBlank");
        }
        // a quorum is all three or nothing: a half-filled one is not silently dropped
        if (form.hasQuorum()) {
          if (form.quorumNumerator() == null) {
            errors.rejectValue("quorumNumerator", "NotNull");
          }
          if (form.quorumDenominator() == null) {
            errors.rejectValue("quorumDenominator", "NotNull");
          }
          if (form.quorumSource() == null) {
            errors.rejectValue("quorumSource", "NotBlank");
          }
        }
      }
    }
    if (!errors.hasErrors() && form != null) {
      RuleSet saved =
          Forms.attempt(
              errors,
              () -> {
                try {
                  return ruleSets.revise(award, revision(form, kept));
                } catch (InvalidInputException e) {
                  throw onForm(e, kept);
                }
              });
      if (saved != null) {
        redirect.addFlashAttribute(
            "flash",
            messages.getMessage(
                "ruleset.flash.saved",
                new Object[] {saved.version(), type.name(locale), saved.effectiveFrom().toString()},
                locale));
        return "redirect:/rewards/rule-sets/" + award;
      }
    }
    res.setStatus(400);
    RewardPages.putIfAbsent(model, "form", edited(award));
    return page(
        type, (RuleSetForm) java.util.Objects.requireNonNull(model.getAttribute("form")), model);
  }

  private RuleSetForm edited(String award) {
    List<RuleSet> versions = ruleSets.versions(award);
    return new RuleSetForm(
        LocalDate.now(clock),
        "",
        null,
        versions.isEmpty() ? 0 : versions.get(0).version(),
        List.of(ConditionForm.empty()),
        false,
        null,
        null,
        false,
        null,
        null,
        null,
        null);
  }

  private static RuleSetForm withRows(RuleSetForm f, List<ConditionForm> rows) {
    return new RuleSetForm(
        f.effectiveFrom(),
        f.legalBasis(),
        f.note(),
        f.baseVersion(),
        rows,
        f.voteRequired(),
        f.voteThreshold(),
        f.voteDenominator(),
        f.voteAbsentInWriting(),
        f.voteSource(),
        f.quorumNumerator(),
        f.quorumDenominator(),
        f.quorumSource());
  }

  private static RuleSets.Revision revision(RuleSetForm f, List<Integer> kept) {
    List<Condition> conditions = new ArrayList<>();
    for (int i : kept) {
      conditions.add(f.rows().get(i).condition());
    }
    Vote vote =
        Boolean.TRUE.equals(f.voteRequired())
            ? new Vote(
                java.util.Objects.requireNonNull(f.voteThreshold()),
                java.util.Objects.requireNonNull(f.voteDenominator()),
                Boolean.TRUE.equals(f.voteAbsentInWriting()),
                java.util.Objects.requireNonNull(f.voteSource()),
                f.hasQuorum()
                    ? new RuleSet.Quorum(
                        java.util.Objects.requireNonNull(f.quorumNumerator()),
                        java.util.Objects.requireNonNull(f.quorumDenominator()),
                        java.util.Objects.requireNonNull(f.quorumSource()))
                    : null)
            : null;
    return new RuleSets.Revision(
        f.effectiveFrom(),
        f.legalBasis(),
        new Definition(conditions, vote),
        f.note(),
        f.baseVersion());
  }

  /**
   * The service names a condition's field by its place among the saved conditions ({@code
   * definition.conditions[1].count}); the form by its row ({@code conditions[3].count}).
   */
  private static InvalidInputException onForm(InvalidInputException e, List<Integer> kept) {
    String field = e.field();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("definition\\.conditions\\[(\\d+)]\\.(\\w+)(\\[\\d+])?")
            .matcher(field);
    if (m.matches()) {
      int row = kept.get(Integer.parseInt(m.group(1)));
      return new InvalidInputException(
          "conditions[" + row + "]." + m.group(2), e.messageKey(), e.args());
    }
    return e;
  }

  private String page(AwardType type, RuleSetForm form, Model model) {
    RewardPages.putIfAbsent(model, "form", form);
    model.addAttribute("award", type);
    model.addAttribute("types", Type.values());
    model.addAttribute("levels", InitiativeLevel.values());
    model.addAttribute("roundings", Rounding.values());
    model.addAttribute("denominators", Denominator.values());
    model.addAttribute("catalogue", catalogue.types());
    model.addAttribute("locale", LocaleContextHolder.getLocale());
    model.addAttribute("rowCount", form.rows().size());
    return "reward/rule-set-form";
  }

  private java.util.Map<String, String> names() {
    return catalogue.names(LocaleContextHolder.getLocale());
  }
}
