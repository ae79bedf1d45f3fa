package org.laurel.movement;

import jakarta.validation.Valid;
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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.laurel.access.Access;
import org.laurel.access.Actor;
import org.laurel.bloc.Blocs;
import org.laurel.indicator.Summaries;
import org.laurel.movement.MovementView.Kind;
import org.laurel.movement.MovementView.MilestoneKind;
import org.laurel.movement.Movements.GoalForm;
import org.laurel.movement.Movements.MilestoneForm;
import org.laurel.movement.Movements.MovementForm;
import org.laurel.movement.Movements.Step;
import org.laurel.movement.Registrations.EntrantForm;
import org.laurel.movement.Registrations.RegistrationForm;
import org.laurel.movement.Registrations.TargetForm;
import org.laurel.organisation.People;
import org.laurel.organisation.UnitView;
import org.laurel.organisation.Units;
import org.laurel.shared.Flash;
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

/** Movements: list, page, the secretariat's form and steps, and units' registration form. */
@Controller
class MovementPages {

  static final int ROWS = 6;

  static final class MilestoneRow {
    @Nullable MilestoneKind kind;

    @Size(max = 300)
    @Nullable String title;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    @Nullable LocalDate dueOn;

    boolean blank() {
      return (title == null || title.isBlank()) && dueOn == null;
    }
  }

  static final class GoalRow {
    @Nullable String indicatorCode;

    @Size(max = 500)
    @Nullable String description;

    @Nullable BigDecimal target;
  }

  /** The movement form, bound field by field. */
  static final class Form {
    @NotBlank @Nullable String code;

    @NotBlank
    @Size(max = 300)
    @Nullable String title;

    @Size(max = 500)
    @Nullable String motto;

    @NotNull Kind kind = Kind.REGULAR;

    @Min(2000)
    @Max(2100)
    int year = LocalDate.now().getYear();

    @NotBlank @Nullable String launchingUnitCode;

    @Size(max = 300)
    @Nullable String launchingBody;

    @Size(max = 100)
    @Nullable String decisionNumber;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    @Nullable LocalDate decisionDate;

    @Size(max = 500)
    @Nullable String decisionDocument;

    @NotNull
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    @Nullable LocalDate startsOn;

    @NotNull
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    @Nullable LocalDate endsOn;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    @Nullable LocalDate registrationDeadline;

    boolean individualsAllowed;
    boolean householdsAllowed;
    List<String> blocCodes = new ArrayList<>();
    List<String> unitCodes = new ArrayList<>();
    @Valid List<MilestoneRow> milestones = new ArrayList<>();
    @Valid List<GoalRow> goals = new ArrayList<>();

    @Size(max = 500)
    @Nullable String awardTypes;

    @Size(max = 4000)
    @Nullable String description;

    @PositiveOrZero int version;

    static Form of(MovementView m) {
      Form f = new Form();
      f.code = m.code();
      f.title = m.title();
      f.motto = m.motto();
      f.kind = m.kind();
      f.year = m.year();
      f.launchingUnitCode = m.launchingUnitCode();
      f.launchingBody = m.launchingBody();
      f.decisionNumber = m.decisionNumber();
      f.decisionDate = m.decisionDate();
      f.decisionDocument = m.decisionDocument();
      f.startsOn = m.startsOn();
      f.endsOn = m.endsOn();
      f.registrationDeadline = m.registrationDeadline();
      f.individualsAllowed = m.individualsAllowed();
      f.householdsAllowed = m.householdsAllowed();
      f.blocCodes = new ArrayList<>(m.blocs().stream().map(MovementView.Ref::code).toList());
      f.unitCodes = new ArrayList<>(m.units().stream().map(MovementView.Ref::code).toList());
      for (MovementView.Milestone x : m.milestones()) {
        MilestoneRow r = new MilestoneRow();
        r.kind = x.kind();
        r.title = x.title();
        r.dueOn = x.dueOn();
        f.milestones.add(r);
      }
      for (MovementView.Goal g : m.goals()) {
        GoalRow r = new GoalRow();
        r.indicatorCode = g.indicatorCode();
        r.description = g.description();
        r.target = g.target();
        f.goals.add(r);
      }
      f.awardTypes = String.join(", ", m.awardTypes());
      f.description = m.description();
      f.version = m.version();
      return f;
    }

    /** Blank rows to fill in, up to {@link #ROWS}. */
    Form padded() {
      while (milestones.size() < ROWS) {
        milestones.add(new MilestoneRow());
      }
      while (goals.size() < ROWS) {
        goals.add(new GoalRow());
      }
      return this;
    }

    MovementForm command() {
      List<MilestoneForm> ms = new ArrayList<>();
      for (MilestoneRow r : milestones) {
        if (!r.blank()) {
          ms.add(
              new MilestoneForm(
                  r.kind == null ? MilestoneKind.OTHER : r.kind,
                  r.title == null ? "" : r.title,
                  Objects.requireNonNullElse(r.dueOn, LocalDate.MIN)));
        }
      }
      List<GoalForm> gs = new ArrayList<>();
      for (GoalRow r : goals) {
        if (r.indicatorCode != null && !r.indicatorCode.isBlank()) {
          gs.add(new GoalForm(r.indicatorCode, r.description, r.target));
        }
      }
      return new MovementForm(
          String.valueOf(code),
          String.valueOf(title),
          motto,
          kind,
          year,
          String.valueOf(launchingUnitCode),
          launchingBody,
          decisionNumber,
          decisionDate,
          decisionDocument,
          Objects.requireNonNull(startsOn),
          Objects.requireNonNull(endsOn),
          registrationDeadline,
          individualsAllowed,
          householdsAllowed,
          blocCodes,
          unitCodes,
          ms,
          gs,
          codes(awardTypes),
          description,
          version);
    }
  }

  static final class TargetRow {
    @Nullable String indicatorCode;
    @Nullable BigDecimal target;
  }

  static final class EntrantRow {
    @Nullable Long personId;

    @Size(max = 100)
    @Nullable String title;
  }

  /** The registration form of one unit. */
  static final class RegistrationPageForm {
    @NotBlank @Nullable String unitCode;

    @Size(max = 500)
    @Nullable String titles;

    @Valid List<TargetRow> targets = new ArrayList<>();
    @Valid List<EntrantRow> people = new ArrayList<>();

    @Size(max = 2000)
    @Nullable String note;

    @PositiveOrZero int version;

    static RegistrationPageForm of(RegistrationView r) {
      RegistrationPageForm f = new RegistrationPageForm();
      f.unitCode = r.unitCode();
      f.titles = String.join(", ", r.titles());
      for (RegistrationView.Target t : r.targets()) {
        TargetRow row = new TargetRow();
        row.indicatorCode = t.indicatorCode();
        row.target = t.target();
        f.targets.add(row);
      }
      for (RegistrationView.Entrant e : r.people()) {
        EntrantRow row = new EntrantRow();
        row.personId = e.personId();
        row.title = e.title();
        f.people.add(row);
      }
      f.note = r.note();
      f.version = r.version();
      return f;
    }

    RegistrationPageForm padded() {
      while (targets.size() < ROWS) {
        targets.add(new TargetRow());
      }
      while (people.size() < ROWS) {
        people.add(new EntrantRow());
      }
      return this;
    }

    RegistrationForm command() {
      List<TargetForm> ts = new ArrayList<>();
      for (TargetRow r : targets) {
        if (r.indicatorCode != null && !r.indicatorCode.isBlank()) {
          ts.add(
              new TargetForm(
                  r.indicatorCode, Objects.requireNonNullElse(r.target, BigDecimal.ZERO)));
        }
      }
      List<EntrantForm> es = new ArrayList<>();
      for (EntrantRow r : people) {
        if (r.personId != null) {
          es.add(new EntrantForm(r.personId, r.title == null ? "" : r.title));
        }
      }
      return new RegistrationForm(String.valueOf(unitCode), codes(titles), ts, es, note, version);
    }
  }

  static List<String> codes(@Nullable String text) {
    return text == null
        ? List.of()
        : Arrays.stream(text.split("[,;\\s]+"))
            .map(s -> s.trim().toUpperCase(Locale.ROOT))
            .filter(s -> !s.isEmpty())
            .toList();
  }

  private final Movements movements;
  private final Registrations registrations;
  private final Progress progress;
  private final Units units;
  private final Blocs blocs;
  private final People people;
  private final Summaries indicators;
  private final Access access;
  private final MessageSource messages;
  private final Clock clock;

  MovementPages(
      Movements movements,
      Registrations registrations,
      Progress progress,
      Units units,
      Blocs blocs,
      People people,
      Summaries indicators,
      Access access,
      MessageSource messages,
      Clock clock) {
    this.movements = movements;
    this.registrations = registrations;
    this.progress = progress;
    this.units = units;
    this.blocs = blocs;
    this.people = people;
    this.indicators = indicators;
    this.access = access;
    this.messages = messages;
    this.clock = clock;
  }

  @InitBinder({"form", "registration"})
  void binder(WebDataBinder binder) {
    binder.initDirectFieldAccess();
    binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
  }

  @GetMapping("/movements")
  String list(@RequestParam(required = false) @Nullable Integer year, Model model) {
    model.addAttribute("year", year);
    model.addAttribute("movements", movements.list(year));
    return "movement/movements";
  }

  @GetMapping("/movements/{id}")
  String show(@PathVariable long id, Model model) {
    MovementView m = movements.get(id);
    Actor a = Access.current();
    model.addAttribute("m", m);
    model.addAttribute("secretariat", a.role().isSecretariat());
    model.addAttribute("participation", registrations.participation(id));
    model.addAttribute("registrations", registrations.list(id));
    model.addAttribute("progress", progress.of(m, LocalDate.now(clock)));
    model.addAttribute("today", LocalDate.now(clock));
    boolean mayRegister =
        m.status().open()
            && (a.role().isSecretariat()
                || (a.role().reportsForOwnUnit() && movements.inScope(m, a.unitId())));
    model.addAttribute("mayRegister", mayRegister);
    model.addAttribute("next", next(m.status()));
    return "movement/movement";
  }

  @GetMapping(value = "/movements/{id}/progress.json", produces = "application/json")
  @org.springframework.web.bind.annotation.ResponseBody
  Progress.Chart chart(@PathVariable long id) {
    return Progress.chart(progress.of(movements.get(id), LocalDate.now(clock)));
  }

  @GetMapping("/movements/new")
  String newForm(Model model) {
    access.requireSecretariat();
    Form f = new Form();
    f.launchingUnitCode = "HD";
    return page(f.padded(), null, model);
  }

  @PostMapping("/movements/new")
  String create(
      @Valid @ModelAttribute("form") Form form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect,
      Locale locale) {
    access.requireSecretariat();
    if (!errors.hasErrors()) {
      MovementView m = Forms.attempt(errors, () -> movements.create(form.command()));
      if (m != null) {
        return done(redirect, locale, "movement.flash.created", m);
      }
    }
    return page(form.padded(), null, model);
  }

  @GetMapping("/movements/{id}/edit")
  String edit(@PathVariable long id, Model model) {
    access.requireSecretariat();
    MovementView m = movements.get(id);
    return page(Form.of(m).padded(), m, model);
  }

  @PostMapping("/movements/{id}/edit")
  String update(
      @PathVariable long id,
      @Valid @ModelAttribute("form") Form form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect,
      Locale locale) {
    access.requireSecretariat();
    MovementView before = movements.get(id);
    if (!errors.hasErrors()) {
      MovementView m = Forms.attempt(errors, () -> movements.update(id, form.command()));
      if (m != null) {
        return done(redirect, locale, "movement.flash.updated", m);
      }
    }
    return page(form.padded(), before, model);
  }

  /** The next step of the lifecycle, by its action name. */
  @PostMapping("/movements/{id}/status")
  String step(
      @PathVariable long id,
      @RequestParam String action,
      @RequestParam int version,
      RedirectAttributes redirect,
      Locale locale) {
    access.requireSecretariat();
    Step s = new Step(version);
    return Flash.after(
        redirect,
        messages,
        locale,
        "/movements/" + id,
        () -> {
          MovementView m =
              switch (action) {
                case "launch" -> movements.launch(id, s);
                case "start" -> movements.start(id, s);
                case "review" -> movements.review(id, s);
                case "close" -> movements.close(id, s);
                default ->
                    throw new InvalidInputException("action", "error.movement.action", action);
              };
          return messages.getMessage(
              "movement.flash.status",
              new Object[] {
                m.title(), messages.getMessage("movement.status." + m.status(), null, locale)
              },
              locale);
        });
  }

  @PostMapping("/movements/{id}/publish")
  String publish(
      @PathVariable long id,
      @RequestParam boolean published,
      @RequestParam int version,
      RedirectAttributes redirect,
      Locale locale) {
    access.requireSecretariat();
    return Flash.after(
        redirect,
        messages,
        locale,
        "/movements/" + id,
        () -> {
          MovementView m = movements.publish(id, published, new Step(version));
          return messages.getMessage(
              m.published() ? "movement.flash.published" : "movement.flash.unpublished",
              new Object[] {m.title()},
              locale);
        });
  }

  @PostMapping("/movements/{id}/registrations/{unit}/reopen")
  String reopen(
      @PathVariable long id,
      @PathVariable String unit,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate openUntil,
      @RequestParam(required = false) @Nullable String reason,
      RedirectAttributes redirect,
      Locale locale) {
    access.requireSecretariat();
    return Flash.after(
        redirect,
        messages,
        locale,
        "/movements/" + id,
        () -> {
          if (openUntil == null || reason == null || reason.isBlank()) {
            throw new InvalidInputException("openUntil", "error.registration.reopenIncomplete");
          }
          registrations.reopen(id, unit, new Registrations.Reopen(openUntil, reason));
          return messages.getMessage(
              "registration.flash.reopened", new Object[] {unit, openUntil}, locale);
        });
  }

  @GetMapping("/movements/{id}/register")
  String registerForm(
      @PathVariable long id, @RequestParam(required = false) @Nullable String unit, Model model) {
    MovementView m = movements.get(id);
    Actor a = InitiativePages.requireWriter();
    String code =
        unit != null
            ? unit
            : a.role().isSecretariat()
                ? null
                : units.findById(a.unitId()).map(UnitView::code).orElse(null);
    RegistrationPageForm f = new RegistrationPageForm();
    if (code != null) {
      units.find(code).ifPresent(u -> access.requireUnitData(u.id()));
      try {
        f = RegistrationPageForm.of(registrations.get(id, code));
      } catch (org.laurel.shared.NotFoundException none) {
        f.unitCode = code;
      }
    }
    return registrationPage(m, f.padded(), model);
  }

  @PostMapping("/movements/{id}/register")
  String register(
      @PathVariable long id,
      @Valid @ModelAttribute("registration") RegistrationPageForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect,
      Locale locale) {
    MovementView m = movements.get(id);
    InitiativePages.requireWriter();
    if (form.unitCode != null) {
      units.find(form.unitCode).ifPresent(u -> access.requireUnitData(u.id()));
    }
    if (!errors.hasErrors()) {
      RegistrationView r =
          Forms.attempt(
              errors,
              () ->
                  form.version == 0
                      ? registrations.register(id, form.command())
                      : registrations.change(id, String.valueOf(form.unitCode), form.command()));
      if (r != null) {
        redirect.addFlashAttribute(
            "flash",
            messages.getMessage(
                "registration.flash.saved", new Object[] {r.unitName(), m.title()}, locale));
        return "redirect:/movements/" + id;
      }
    }
    return registrationPage(m, form.padded(), model);
  }

  private String registrationPage(MovementView m, RegistrationPageForm f, Model model) {
    Actor a = Access.current();
    model.addAttribute("m", m);
    model.addAttribute("registration", f);
    model.addAttribute("targetRows", indices(f.targets.size()));
    model.addAttribute("peopleRows", indices(f.people.size()));
    model.addAttribute(
        "choices",
        a.role().isSecretariat()
            ? movements.expectedRegistrants(m)
            : units.subtree(a.unitId()).stream()
                .map(id -> units.findById(id).orElseThrow())
                .filter(u -> movements.inScope(m, u.id()))
                .map(u -> new MovementView.Ref(u.id(), u.code(), u.name()))
                .toList());
    model.addAttribute("indicators", indicatorChoices());
    model.addAttribute("people", f.unitCode == null ? List.of() : people.list(f.unitCode, null));
    return "movement/register";
  }

  private List<org.laurel.indicator.Indicator> indicatorChoices() {
    return indicators.catalogue();
  }

  private String page(Form form, @Nullable MovementView m, Model model) {
    model.addAttribute("form", form);
    model.addAttribute("milestoneRows", indices(form.milestones.size()));
    model.addAttribute("goalRows", indices(form.goals.size()));
    model.addAttribute("movement", m);
    model.addAttribute("kinds", Kind.values());
    model.addAttribute("milestoneKinds", MilestoneKind.values());
    model.addAttribute("choices", units.all());
    model.addAttribute(
        "blocChoices", blocs.list(null).stream().map(b -> b.code()).distinct().sorted().toList());
    model.addAttribute("indicators", indicatorChoices());
    return "movement/movement-form";
  }

  /** 0 … n-1: the forms' rows, counted here since the templates cannot read the form's fields. */
  static List<Integer> indices(int n) {
    return java.util.stream.IntStream.range(0, n).boxed().toList();
  }

  static @Nullable String next(MovementStatus s) {
    return switch (s) {
      case DRAFT -> "launch";
      case LAUNCHED -> "start";
      case IN_PROGRESS -> "review";
      case REVIEWED -> "close";
      case CLOSED -> null;
    };
  }

  private String done(RedirectAttributes redirect, Locale locale, String key, MovementView m) {
    redirect.addFlashAttribute("flash", messages.getMessage(key, new Object[] {m.title()}, locale));
    return "redirect:/movements/" + m.id();
  }
}
