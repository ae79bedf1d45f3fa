package org.laurel.movement;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.laurel.access.Access;
import org.laurel.access.Actor;
import org.laurel.movement.Examples.Nomination;
import org.laurel.movement.Movements.Step;
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
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Examples and models: list with the spread chart, one example's page, nomination, steps. */
@Controller
class ExamplePages {

  static final class Form {
    @NotBlank @Nullable String unitCode;
    @Nullable Long movementId;
    @NotNull ExampleView.Kind kind = ExampleView.Kind.MODEL;

    @NotBlank
    @Size(max = 300)
    @Nullable String name;

    @Nullable Long personId;

    @NotBlank
    @Size(max = 8000)
    @Nullable String story;

    @Size(max = 2000)
    @Nullable String evidence;

    Nomination command() {
      return new Nomination(
          String.valueOf(unitCode),
          movementId,
          kind,
          String.valueOf(name),
          personId,
          String.valueOf(story),
          evidence);
    }
  }

  private final Examples examples;
  private final Movements movements;
  private final Units units;
  private final People people;
  private final Access access;
  private final MessageSource messages;

  ExamplePages(
      Examples examples,
      Movements movements,
      Units units,
      People people,
      Access access,
      MessageSource messages) {
    this.examples = examples;
    this.movements = movements;
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

  @GetMapping("/examples")
  String list(@RequestParam(required = false) @Nullable String q, Model model) {
    model.addAttribute("q", q == null ? "" : q);
    model.addAttribute("examples", examples.list(false, q));
    return "movement/examples";
  }

  @GetMapping(value = "/examples/spread.json", produces = "application/json")
  @ResponseBody
  Progress.Chart spread() {
    return chart(examples.spread(false));
  }

  static Progress.Chart chart(List<Examples.Spread> spread) {
    return new Progress.Chart(
        spread.stream().map(Examples.Spread::name).toList(),
        List.of(
            new Progress.Series(
                "",
                spread.stream()
                    .map(
                        s ->
                            (java.math.@Nullable BigDecimal)
                                java.math.BigDecimal.valueOf(s.units()))
                    .toList())));
  }

  @GetMapping("/examples/{id}")
  String show(@PathVariable long id, Model model) {
    Actor a = Access.current();
    model.addAttribute("e", examples.get(id));
    model.addAttribute("secretariat", a.role().isSecretariat());
    model.addAttribute("writer", a.role().isSecretariat() || a.role().reportsForOwnUnit());
    model.addAttribute(
        "replicators",
        a.role().isSecretariat()
            ? units.all()
            : units.subtree(a.unitId()).stream()
                .map(u -> units.findById(u).orElseThrow())
                .toList());
    return "movement/example";
  }

  @GetMapping("/examples/new")
  String newForm(Model model) {
    Actor a = InitiativePages.requireWriter();
    Form f = new Form();
    if (!a.role().isSecretariat()) {
      f.unitCode = units.findById(a.unitId()).map(UnitView::code).orElse(null);
    }
    return page(f, model);
  }

  @PostMapping("/examples/new")
  String nominate(
      @Valid @ModelAttribute("form") Form form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect,
      Locale locale) {
    InitiativePages.requireWriter();
    if (form.unitCode != null) {
      units.find(form.unitCode).ifPresent(u -> access.requireUnitData(u.id()));
    }
    if (!errors.hasErrors()) {
      ExampleView e = Forms.attempt(errors, () -> examples.nominate(form.command()));
      if (e != null) {
        redirect.addFlashAttribute(
            "flash",
            messages.getMessage("example.flash.nominated", new Object[] {e.name()}, locale));
        return "redirect:/examples/" + e.id();
      }
    }
    return page(form, model);
  }

  @PostMapping("/examples/{id}/status")
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
        "/examples/" + id,
        () -> {
          ExampleView e =
              switch (action) {
                case "verify" -> examples.verify(id, s);
                case "publish" -> examples.publish(id, s);
                case "unpublish" -> examples.unpublish(id, s);
                default ->
                    throw new InvalidInputException("action", "error.movement.action", action);
              };
          return messages.getMessage("example.flash." + action, new Object[] {e.name()}, locale);
        });
  }

  @PostMapping("/examples/{id}/replications")
  String replicate(
      @PathVariable long id,
      @RequestParam(required = false) @Nullable String unitCode,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate startedOn,
      @RequestParam(required = false) @Nullable String results,
      RedirectAttributes redirect,
      Locale locale) {
    InitiativePages.requireWriter();
    if (unitCode != null) {
      units.find(unitCode).ifPresent(u -> access.requireUnitData(u.id()));
    }
    return Flash.after(
        redirect,
        messages,
        locale,
        "/examples/" + id,
        () -> {
          if (unitCode == null || startedOn == null) {
            throw new InvalidInputException("startedOn", "error.replication.incomplete");
          }
          ExampleView e =
              examples.replicate(id, new Examples.ReplicationForm(unitCode, startedOn, results));
          return messages.getMessage("example.flash.replicated", new Object[] {e.name()}, locale);
        });
  }

  private String page(Form form, Model model) {
    model.addAttribute("form", form);
    model.addAttribute("kinds", ExampleView.Kind.values());
    model.addAttribute("movements", movements.list(null));
    model.addAttribute("choices", units.all());
    model.addAttribute(
        "people", form.unitCode == null ? List.of() : people.list(form.unitCode, null));
    return "movement/example-form";
  }
}
