package org.laurel.scoring;

import jakarta.servlet.http.HttpServletRequest;
import java.beans.PropertyEditorSupport;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.laurel.access.Access;
import org.laurel.bloc.BlocView;
import org.laurel.bloc.Blocs;
import org.laurel.indicator.Summaries;
import org.laurel.scoring.ScoringCommands.CopyPact;
import org.laurel.scoring.ScoringCommands.CopySource;
import org.laurel.shared.ConflictException;
import org.laurel.shared.Forms;
import org.laurel.shared.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A bloc's pact: its criteria tree and versions for everyone signed in; for the secretariat, a copy
 * of the template or of last year's pact to start from, and a form to edit the criteria tree.
 */
@Controller
class PactPages {

  private final Pacts pacts;
  private final Blocs blocs;
  private final Access access;
  private final Summaries summaries;
  private final MessageSource messages;
  private final SpringValidatorAdapter validator;

  PactPages(
      Pacts pacts,
      Blocs blocs,
      Access access,
      Summaries summaries,
      MessageSource messages,
      jakarta.validation.Validator validator) {
    this.pacts = pacts;
    this.blocs = blocs;
    this.access = access;
    this.summaries = summaries;
    this.validator = new SpringValidatorAdapter(validator);
    this.messages = messages;
  }

  @GetMapping("/blocs/{id}/pact")
  String show(@PathVariable long id, Model model) {
    BlocView bloc = blocs.get(id);
    PactView pact = find(id).orElse(null);
    return page(bloc, pact, pact == null ? null : PactForm.of(pact), model);
  }

  @PostMapping("/blocs/{id}/pact/copy")
  String copy(@PathVariable long id, @RequestParam CopySource source, RedirectAttributes redirect) {
    access.requireSecretariat();
    BlocView bloc = blocs.get(id);
    try {
      PactView p = pacts.copy(id, new CopyPact(source));
      redirect.addFlashAttribute(
          "flash", msg("scoring.pact.flash.copied", bloc.code(), Integer.toString(p.year())));
    } catch (NotFoundException | ConflictException e) {
      redirect.addFlashAttribute("flash", msg(e.messageKey(), e.args()));
    }
    return "redirect:/blocs/" + id + "/pact";
  }

  /**
   * Saves the form as the API's PUT would (same service call), or, with {@code op}, adds, removes
   * or moves a row and shows the form again unsaved.
   */
  @PostMapping("/blocs/{id}/pact/edit")
  String edit(
      @PathVariable long id,
      @ModelAttribute("form") PactForm form,
      BindingResult errors,
      @RequestParam(required = false) @Nullable String op,
      HttpServletRequest request,
      Model model,
      RedirectAttributes redirect) {
    access.requireSecretariat();
    rejectNonNumbers(request, errors);
    validator.validate(form, errors);
    BlocView bloc = blocs.get(id);
    PactView before = pacts.ofBloc(id);
    if (op != null && !op.isBlank()) {
      model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + "form");
      return page(bloc, before, form.apply(op), model);
    }
    if (!errors.hasErrors()) {
      PactView after = Forms.attempt(errors, () -> pacts.update(id, form.change()));
      if (after != null) {
        redirect.addFlashAttribute(
            "flash",
            after.definitionVersion() > before.definitionVersion()
                ? msg("scoring.pact.flash.versioned", after.definitionVersion())
                : msg("scoring.pact.flash.saved"));
        return "redirect:/blocs/" + id + "/pact";
      }
    }
    // the form as bound stays in the model with its errors (and the values it refused)
    return page(bloc, before, null, model);
  }

  /**
   * Numbers are bound leniently (see {@link #numbers}); a field that held text which is not a
   * number is reported here as a binding failure, with the text, so that validation leaves it
   * alone.
   */
  private static void rejectNonNumbers(HttpServletRequest request, BindingResult errors) {
    request
        .getParameterMap()
        .forEach(
            (name, values) -> {
              if (values.length == 1
                  && !values[0].isBlank()
                  && PactForm.number(values[0]) == null
                  && isNumber(errors, name)) {
                errors.addError(
                    new FieldError(
                        "form",
                        name,
                        values[0],
                        true,
                        errors.resolveMessageCodes("typeMismatch", name),
                        null,
                        "typeMismatch"));
              }
            });
  }

  private static boolean isNumber(BindingResult errors, String name) {
    try {
      return errors.getFieldType(name) == BigDecimal.class;
    } catch (RuntimeException notAField) {
      return false;
    }
  }

  /** Numbers on the form: with a decimal point or comma; text that is none becomes null. */
  @InitBinder("form")
  void numbers(WebDataBinder binder) {
    binder.registerCustomEditor(
        BigDecimal.class,
        new PropertyEditorSupport() {
          @Override
          public void setAsText(String text) {
            setValue(PactForm.number(text));
          }

          @Override
          public String getAsText() {
            return getValue() instanceof BigDecimal d ? d.toPlainString() : "";
          }
        });
  }

  private String page(
      BlocView bloc, @Nullable PactView pact, @Nullable PactForm form, Model model) {
    model.addAttribute("bloc", bloc);
    model.addAttribute("pact", pact);
    if (form != null) {
      model.addAttribute("form", form);
    }
    if (model.getAttribute("form") instanceof PactForm shown) {
      model.addAttribute("tieBreakChoices", tieBreakChoices(shown));
    }
    model.addAttribute("methods", PactDefinition.Method.values());
    model.addAttribute("measures", PactDefinition.Measure.values());
    model.addAttribute("indicators", summaries.catalogue());
    model.addAttribute("versions", pact == null ? List.of() : pacts.versions(pact.id()));
    model.addAttribute("maySecretariat", Access.current().role().isSecretariat());
    return "scoring/pact";
  }

  /** An entry the tie-break chain may name, with the name the page shows for it. */
  record TieBreakChoice(String code, String label) {}

  /** The choices of one group: the whole group, then its criteria. */
  record TieBreakGroup(String label, List<TieBreakChoice> choices) {}

  /**
   * What a tie-break step may be, named as on the explanation page: the council component (and any
   * code of the chain that is not in the pact, so that a select never silently changes it), then
   * per group the group itself and its criteria.
   */
  record TieBreakChoices(List<TieBreakChoice> top, List<TieBreakGroup> groups) {}

  private TieBreakChoices tieBreakChoices(PactForm form) {
    List<TieBreakChoice> top = new ArrayList<>();
    top.add(new TieBreakChoice(PactDefinition.COUNCIL, msg("scoring.tieBreak.council")));
    List<String> known = form.tieBreakCodes();
    form.tieBreak().stream()
        .map(t -> t == null ? "" : t.trim())
        .filter(t -> !t.isEmpty() && !known.contains(t))
        .distinct()
        .forEach(t -> top.add(new TieBreakChoice(t, msg("scoring.pact.form.notInPact", t))));
    List<TieBreakGroup> groups = new ArrayList<>();
    for (PactForm.GroupRow g : form.groups()) {
      List<TieBreakChoice> choices = new ArrayList<>();
      if (!blank(g.code())) {
        choices.add(
            new TieBreakChoice(
                g.code().trim(), msg("scoring.pact.form.wholeGroup", named(g.name(), g.code()))));
      }
      g.criteria().stream()
          .filter(c -> !blank(c.code()))
          .forEach(
              c -> choices.add(new TieBreakChoice(c.code().trim(), named(c.name(), c.code()))));
      if (!choices.isEmpty()) {
        groups.add(new TieBreakGroup(blank(g.name()) ? g.code().trim() : g.name().trim(), choices));
      }
    }
    return new TieBreakChoices(top, groups);
  }

  private static boolean blank(@Nullable String s) {
    return s == null || s.isBlank();
  }

  private static String named(@Nullable String name, String code) {
    return blank(name) ? code.trim() : name.trim() + " (" + code.trim() + ")";
  }

  private Optional<PactView> find(long blocId) {
    try {
      return Optional.of(pacts.ofBloc(blocId));
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  private String msg(String key, Object... args) {
    return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
  }
}
