package org.laurel.scoring;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.laurel.access.Access;
import org.laurel.bloc.BlocView;
import org.laurel.bloc.Blocs;
import org.laurel.scoring.ScoringCommands.CopyPact;
import org.laurel.scoring.ScoringCommands.CopySource;
import org.laurel.scoring.ScoringCommands.PactChange;
import org.laurel.shared.ConflictException;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * A bloc's pact: its criteria tree and versions for everyone signed in; for the secretariat, a copy
 * of the template or of last year's pact to start from, and the definition to edit (JSON).
 */
@Controller
class PactPages {

  /** The edit form: the whole definition as JSON, the version read, and why (once frozen). */
  static class EditForm {
    private String definition = "";
    private int version;
    private String reason = "";

    public String getDefinition() {
      return definition;
    }

    public void setDefinition(String definition) {
      this.definition = definition;
    }

    public int getVersion() {
      return version;
    }

    public void setVersion(int version) {
      this.version = version;
    }

    public String getReason() {
      return reason;
    }

    public void setReason(String reason) {
      this.reason = reason;
    }
  }

  private final Pacts pacts;
  private final Blocs blocs;
  private final Access access;
  private final JsonMapper json;
  private final Validator validator;
  private final MessageSource messages;

  PactPages(
      Pacts pacts,
      Blocs blocs,
      Access access,
      JsonMapper json,
      Validator validator,
      MessageSource messages) {
    this.pacts = pacts;
    this.blocs = blocs;
    this.access = access;
    this.json = json;
    this.validator = validator;
    this.messages = messages;
  }

  @GetMapping("/blocs/{id}/pact")
  String show(@PathVariable long id, Model model) {
    BlocView bloc = blocs.get(id);
    PactView pact = find(id).orElse(null);
    EditForm form = new EditForm();
    if (pact != null) {
      form.setDefinition(
          json.writerWithDefaultPrettyPrinter().writeValueAsString(pact.definition()));
      form.setVersion(pact.version());
    }
    return page(bloc, pact, form, model);
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

  @PostMapping("/blocs/{id}/pact/edit")
  String edit(
      @PathVariable long id,
      @ModelAttribute("form") EditForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    access.requireSecretariat();
    BlocView bloc = blocs.get(id);
    PactView before = pacts.ofBloc(id);
    PactDefinition def = parse(form, errors);
    if (def != null) {
      String reason = form.getReason().isBlank() ? null : form.getReason();
      PactView after =
          Forms.attempt(
              errors, () -> pacts.update(id, new PactChange(form.getVersion(), def, reason)));
      if (after != null) {
        redirect.addFlashAttribute(
            "flash",
            after.definitionVersion() > before.definitionVersion()
                ? msg("scoring.pact.flash.versioned", after.definitionVersion())
                : msg("scoring.pact.flash.saved"));
        return "redirect:/blocs/" + id + "/pact";
      }
    }
    return page(bloc, before, form, model);
  }

  /** The definition read from the form; null with the reason on the form. */
  private @Nullable PactDefinition parse(EditForm form, BindingResult errors) {
    PactDefinition def;
    try {
      def = json.readValue(form.getDefinition(), PactDefinition.class);
    } catch (RuntimeException e) {
      errors.rejectValue("definition", "error.pact.json", "error.pact.json");
      return null;
    }
    Set<ConstraintViolation<PactDefinition>> violations = validator.validate(def);
    if (!violations.isEmpty()) {
      ConstraintViolation<PactDefinition> v =
          violations.stream()
              .min(java.util.Comparator.comparing(x -> x.getPropertyPath().toString()))
              .orElseThrow();
      errors.rejectValue(
          "definition",
          "error.pact.field",
          new Object[] {v.getPropertyPath().toString(), v.getMessage()},
          "error.pact.field");
      return null;
    }
    return def;
  }

  private String page(BlocView bloc, @Nullable PactView pact, EditForm form, Model model) {
    model.addAttribute("bloc", bloc);
    model.addAttribute("pact", pact);
    model.addAttribute("form", form);
    model.addAttribute("versions", pact == null ? List.of() : pacts.versions(pact.id()));
    model.addAttribute("maySecretariat", Access.current().role().isSecretariat());
    return "scoring/pact";
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
