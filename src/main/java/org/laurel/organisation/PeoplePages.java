package org.laurel.organisation;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.laurel.access.Access;
import org.laurel.access.Actor;
import org.laurel.organisation.PersonView.Gender;
import org.laurel.shared.ConflictException;
import org.laurel.shared.ForbiddenException;
import org.laurel.shared.Forms;
import org.laurel.shared.InvalidInputException;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
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
 * The web pages of the registry of individuals. Who may write whose people is decided by {@link
 * People}; the pages only spare read-only roles a form they could not submit.
 */
@Controller
class PeoplePages {

  /** The person form; {@code version} travels in a hidden field to detect concurrent edits. */
  static final class PersonEditForm {
    @NotBlank private @Nullable String unitCode;

    @NotBlank
    @Size(max = 200)
    private @Nullable String fullName;

    @Size(max = 200)
    private @Nullable String position;

    private @Nullable Gender gender;

    @Past
    @DateTimeFormat(iso = ISO.DATE)
    private @Nullable LocalDate birthDate;

    private boolean active = true;
    @PositiveOrZero private int version;

    static PersonEditForm of(PersonView p) {
      PersonEditForm f = new PersonEditForm();
      f.unitCode = p.unitCode();
      f.fullName = p.fullName();
      f.position = p.position();
      f.gender = p.gender();
      f.birthDate = p.birthDate();
      f.active = p.active();
      f.version = p.version();
      return f;
    }

    People.PersonForm toCommand() {
      return new People.PersonForm(
          Objects.requireNonNull(unitCode),
          Objects.requireNonNull(fullName),
          position,
          gender,
          birthDate,
          active,
          version);
    }

    public @Nullable String getUnitCode() {
      return unitCode;
    }

    public void setUnitCode(@Nullable String unitCode) {
      this.unitCode = unitCode;
    }

    public @Nullable String getFullName() {
      return fullName;
    }

    public void setFullName(@Nullable String fullName) {
      this.fullName = fullName;
    }

    public @Nullable String getPosition() {
      return position;
    }

    public void setPosition(@Nullable String position) {
      this.position = position;
    }

    public @Nullable Gender getGender() {
      return gender;
    }

    public void setGender(@Nullable Gender gender) {
      this.gender = gender;
    }

    public @Nullable LocalDate getBirthDate() {
      return birthDate;
    }

    public void setBirthDate(@Nullable LocalDate birthDate) {
      this.birthDate = birthDate;
    }

    public boolean isActive() {
      return active;
    }

    public void setActive(boolean active) {
      this.active = active;
    }

    public int getVersion() {
      return version;
    }

    public void setVersion(int version) {
      this.version = version;
    }
  }

  private final People people;
  private final Units units;
  private final Access access;
  private final MessageSource messages;

  PeoplePages(People people, Units units, Access access, MessageSource messages) {
    this.people = people;
    this.units = units;
    this.access = access;
    this.messages = messages;
  }

  @InitBinder
  void trimStrings(WebDataBinder binder) {
    binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
  }

  @ModelAttribute("datePattern")
  String datePattern(Locale locale) {
    return messages.getMessage("unit.datePattern", null, "yyyy-MM-dd", locale);
  }

  @GetMapping("/people")
  String list(
      @RequestParam(required = false) @Nullable String unit,
      @RequestParam(required = false) @Nullable String q,
      Model model) {
    model.addAttribute("unit", unit == null ? "" : unit.trim());
    model.addAttribute("q", q == null ? "" : q.trim());
    model.addAttribute("people", people.list(unit, q));
    model.addAttribute("choices", units.all());
    return "people/list";
  }

  @GetMapping("/people/new")
  String newPerson(@RequestParam(required = false) @Nullable String unit, Model model) {
    Actor actor = requireWriter();
    PersonEditForm form = new PersonEditForm();
    // a reporter mostly adds people to their own unit
    form.setUnitCode(
        unit != null
            ? unit
            : actor.role().isSecretariat()
                ? null
                : units.findById(actor.unitId()).map(UnitView::code).orElse(null));
    return page(form, null, model);
  }

  @PostMapping("/people/new")
  String create(
      @Valid @ModelAttribute("form") PersonEditForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect,
      Locale locale) {
    requireWriter();
    if (form.getUnitCode() != null) {
      // a unit that is not the actor's is refused outright, whatever else the form says
      units.find(form.getUnitCode()).ifPresent(u -> access.requireUnitData(u.id()));
    }
    if (!errors.hasErrors()) {
      PersonView p = attempt(errors, () -> people.create(form.toCommand()));
      if (p != null) {
        return done(redirect, locale, "people.flash.created", p);
      }
    }
    return page(form, null, model);
  }

  @GetMapping("/people/{id}/edit")
  String edit(@PathVariable long id, Model model) {
    PersonView p = people.get(id);
    access.requireUnitData(units.get(p.unitCode()).id());
    return page(PersonEditForm.of(p), p, model);
  }

  @PostMapping("/people/{id}/edit")
  String update(
      @PathVariable long id,
      @Valid @ModelAttribute("form") PersonEditForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect,
      Locale locale) {
    PersonView before = people.get(id);
    // the person must be the actor's to edit before anything about the form is said
    access.requireUnitData(units.get(before.unitCode()).id());
    if (!errors.hasErrors()) {
      PersonView p = attempt(errors, () -> people.update(id, form.toCommand()));
      if (p != null) {
        return done(redirect, locale, "people.flash.updated", p);
      }
    }
    return page(form, before, model);
  }

  private String page(PersonEditForm form, @Nullable PersonView person, Model model) {
    model.addAttribute("form", form);
    model.addAttribute("person", person);
    model.addAttribute("genders", Gender.values());
    model.addAttribute("choices", units.all());
    return "people/form";
  }

  /** Read-only roles never write people; the service decides for the others, unit by unit. */
  private static Actor requireWriter() {
    Actor actor = Access.current();
    if (!actor.role().isSecretariat() && !actor.role().reportsForOwnUnit()) {
      throw ForbiddenException.outOfScope();
    }
    return actor;
  }

  private @Nullable PersonView attempt(BindingResult errors, Supplier<PersonView> write) {
    try {
      return write.get();
    } catch (InvalidInputException e) {
      Forms.reject(errors, e);
    } catch (ConflictException e) {
      Forms.reject(errors, e);
    } catch (ConstraintViolationException e) {
      errors.reject("error.invalid");
    }
    return null;
  }

  private String done(RedirectAttributes redirect, Locale locale, String key, PersonView p) {
    redirect.addFlashAttribute(
        "flash", messages.getMessage(key, new Object[] {p.fullName(), p.unitName()}, locale));
    redirect.addAttribute("unit", p.unitCode());
    return "redirect:/people";
  }
}
