package org.laurel.reward;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.laurel.organisation.People;
import org.laurel.organisation.PersonView;
import org.laurel.organisation.UnitView;
import org.laurel.organisation.Units;
import org.laurel.reward.AwardType.Recipient;
import org.laurel.shared.Forms;
import org.laurel.shared.InvalidInputException;
import org.laurel.shared.NotFoundException;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Eligibility checks for everyone signed in (they only read): one nominee for an award and a year,
 * each condition with the evidence used; and a whole unit at once (its people, or the unit and the
 * units below it for a collective award) with the unit's quota.
 */
@Controller
class EligibilityPages {

  /** One nominee: a person by registry id, a unit by code, or a household (name and commune). */
  record CheckForm(
      @NotBlank @Size(max = 40) String award,
      @NotNull @Min(2000) @Max(2100) Integer year,
      @Nullable Long person,
      @Nullable @Size(max = 40) String unit,
      @Nullable @Size(max = 200) String household) {}

  /** A unit's people (or units) for an award and a year. */
  record BatchForm(
      @NotBlank @Size(max = 40) String award,
      @NotNull @Min(2000) @Max(2100) Integer year,
      @NotBlank @Size(max = 40) String unit) {}

  /** One line of a batch: who, and the conditions not met. */
  record Line(String name, String unitCode, Evaluation evaluation) {}

  private final Eligibility eligibility;
  private final AwardCatalogue catalogue;
  private final Units units;
  private final People people;

  EligibilityPages(Eligibility eligibility, AwardCatalogue catalogue, Units units, People people) {
    this.eligibility = eligibility;
    this.catalogue = catalogue;
    this.units = units;
    this.people = people;
  }

  @InitBinder({"check", "batch"})
  void binder(WebDataBinder binder) {
    binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
  }

  @GetMapping("/rewards/eligibility")
  String check(
      @Valid @ModelAttribute("check") CheckForm form,
      BindingResult errors,
      Model model,
      jakarta.servlet.http.HttpServletRequest req,
      HttpServletResponse res) {
    if (req.getParameter("award") == null) {
      // a first visit: an empty form, no errors
      model.addAttribute("check", new CheckForm("", null, null, null, null));
    } else {
      if (!errors.hasErrors() && form.person() == null && form.unit() == null) {
        errors.rejectValue("person", "error.award.historyWho");
      }
      if (!errors.hasErrors()) {
        Nominee n =
            form.person() != null
                ? Nominee.person(form.person())
                : form.household() != null
                    ? Nominee.household(String.valueOf(form.unit()), form.household())
                    : Nominee.unit(String.valueOf(form.unit()));
        Evaluation e =
            Forms.attempt(
                errors,
                () -> onForm(() -> eligibility.check(n, form.award(), form.year()), n.kind()));
        model.addAttribute("result", e);
        if (e != null && form.person() != null) {
          model.addAttribute("personView", people.find(form.person()).orElse(null));
        }
      }
      if (errors.hasErrors()) {
        res.setStatus(400);
      }
    }
    RewardPages.putIfAbsent(model, "check", new CheckForm("", null, null, null, null));
    RewardPages.putIfAbsent(model, "batch", new BatchForm("", null, ""));
    return page(model);
  }

  @GetMapping("/rewards/eligibility/batch")
  String batch(
      @Valid @ModelAttribute("batch") BatchForm form,
      BindingResult errors,
      Model model,
      jakarta.servlet.http.HttpServletRequest req,
      HttpServletResponse res) {
    if (req.getParameter("award") == null) {
      model.addAttribute("batch", new BatchForm("", null, ""));
    } else {
      if (!errors.hasErrors()) {
        List<Line> lines =
            Forms.attempt(
                errors,
                () ->
                    onForm(
                        () -> lines(form.award(), form.year(), form.unit()), Recipient.COLLECTIVE));
        if (lines != null) {
          model.addAttribute("lines", lines);
          model.addAttribute(
              "eligibleCount", lines.stream().filter(l -> l.evaluation().eligible()).count());
          if (catalogue.get(form.award()).recipient() == Recipient.INDIVIDUAL) {
            model.addAttribute("quota", eligibility.quota(form.unit(), form.award(), form.year()));
          }
        }
      }
      if (errors.hasErrors()) {
        res.setStatus(400);
      }
    }
    RewardPages.putIfAbsent(model, "batch", new BatchForm("", null, ""));
    RewardPages.putIfAbsent(model, "check", new CheckForm("", null, null, null, null));
    return page(model);
  }

  /** The nominees of a unit for an award: its active people, or itself and the units below. */
  private List<Line> lines(String award, int year, String unitCode) {
    AwardType type = catalogue.require("award", award);
    UnitView unit =
        units
            .find(unitCode)
            .orElseThrow(() -> new InvalidInputException("unit", "error.unit.unknown", unitCode));
    List<Nominee> nominees = new ArrayList<>();
    List<String[]> who = new ArrayList<>();
    switch (type.recipient()) {
      case INDIVIDUAL -> {
        for (PersonView p : people.list(unit.code(), null)) {
          if (p.active()) {
            nominees.add(Nominee.person(p.id()));
            who.add(new String[] {p.fullName(), p.unitCode()});
          }
        }
      }
      case COLLECTIVE -> {
        java.util.Set<Long> scope = units.subtree(unit.id());
        for (UnitView u : units.all()) {
          if (scope.contains(u.id())) {
            nominees.add(Nominee.unit(u.code()));
            who.add(new String[] {u.name(), u.code()});
          }
        }
      }
      case HOUSEHOLD -> throw new InvalidInputException("award", "eligibility.batch.households");
    }
    if (nominees.isEmpty()) {
      return List.of();
    }
    List<Evaluation> results = eligibility.checkAll(nominees, award, year);
    List<Line> out = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      out.add(new Line(who.get(i)[0], who.get(i)[1], results.get(i)));
    }
    return out;
  }

  /**
   * Runs a check and names the engine's refusals by the form's fields: {@code awardCode} is the
   * award, a person's or unit's problem is said beside the nominee field of its kind.
   */
  private static <T> T onForm(java.util.function.Supplier<T> check, Recipient kind) {
    String nominee = kind == Recipient.INDIVIDUAL ? "person" : "unit";
    try {
      return check.get();
    } catch (InvalidInputException e) {
      String field =
          switch (e.field()) {
            case "awardCode" -> "award";
            case "personId" -> "person";
            case "unitCode" -> "unit";
            case "nominee" -> nominee;
            default -> e.field();
          };
      throw new InvalidInputException(field, e.messageKey(), e.args());
    } catch (NotFoundException e) {
      throw new InvalidInputException(nominee, e.messageKey(), e.args());
    }
  }

  private String page(Model model) {
    Locale locale = LocaleContextHolder.getLocale();
    model.addAttribute("awardTypes", catalogue.types());
    model.addAttribute("locale", locale);
    model.addAttribute("unitChoices", units.all());
    return "reward/eligibility";
  }
}
