package org.laurel.scoring;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.laurel.access.Access;
import org.laurel.bloc.BlocView;
import org.laurel.bloc.Blocs;
import org.laurel.scoring.PactDefinition.Criterion;
import org.laurel.scoring.PactDefinition.Method;
import org.laurel.scoring.ScoringCommands.NewItem;
import org.laurel.scoring.ScoringCommands.WithdrawItem;
import org.laurel.shared.Forms;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A pact's bonus and penalty items, per unit of the bloc, for everyone signed in; the secretariat
 * adds an item there and withdraws one with a reason.
 */
@Controller
class ItemPages {

  /** The add form: points as typed (a decimal point or comma), checked here. */
  static final class ItemForm {
    @NotBlank @Nullable String unit;
    @NotBlank @Nullable String criterion;
    @NotBlank @Nullable String points;

    @NotBlank
    @Size(max = 1000)
    @Nullable String reason;

    public @Nullable String getUnit() {
      return unit;
    }

    public void setUnit(@Nullable String unit) {
      this.unit = unit;
    }

    public @Nullable String getCriterion() {
      return criterion;
    }

    public void setCriterion(@Nullable String criterion) {
      this.criterion = criterion;
    }

    public @Nullable String getPoints() {
      return points;
    }

    public void setPoints(@Nullable String points) {
      this.points = points;
    }

    public @Nullable String getReason() {
      return reason;
    }

    public void setReason(@Nullable String reason) {
      this.reason = reason;
    }
  }

  /** The withdraw form of one item. */
  static final class WithdrawForm {
    @NotBlank
    @Size(max = 1000)
    @Nullable String reason;

    public @Nullable String getReason() {
      return reason;
    }

    public void setReason(@Nullable String reason) {
      this.reason = reason;
    }
  }

  /** An item as the page lists it, with its criterion's name and whether it is a penalty. */
  record Row(ItemView item, String criterionName, boolean penalty) {}

  /** A unit of the bloc with its items. */
  record UnitItems(String unit, String name, List<Row> items, long active) {}

  private final Pacts pacts;
  private final Items items;
  private final Blocs blocs;
  private final Access access;
  private final MessageSource messages;

  ItemPages(Pacts pacts, Items items, Blocs blocs, Access access, MessageSource messages) {
    this.pacts = pacts;
    this.items = items;
    this.blocs = blocs;
    this.access = access;
    this.messages = messages;
  }

  @GetMapping("/pacts/{id}/items")
  String list(@PathVariable long id, Model model) {
    return page(id, new ItemForm(), model);
  }

  @PostMapping("/pacts/{id}/items")
  String add(
      @PathVariable long id,
      @Valid @ModelAttribute("form") ItemForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    access.requireSecretariat();
    BigDecimal points = PactForm.number(form.points);
    if (!errors.hasFieldErrors("points")) {
      if (points == null) {
        errors.rejectValue("points", "typeMismatch");
      } else if (points.signum() <= 0) {
        errors.rejectValue("points", "scoring.items.pointsPositive");
      }
    }
    if (!errors.hasErrors()) {
      Map<String, Object> added =
          Forms.attempt(
              errors,
              () ->
                  pacts.addItem(
                      id, new NewItem(form.unit.trim(), form.criterion, points, form.reason)));
      if (added != null) {
        redirect.addFlashAttribute(
            "flash", msg("scoring.items.flash.added", added.get("unit"), added.get("criterion")));
        return "redirect:/pacts/" + id + "/items";
      }
    }
    return page(id, form, model);
  }

  @PostMapping("/pacts/{id}/items/{itemId}/withdraw")
  String withdraw(
      @PathVariable long id,
      @PathVariable long itemId,
      @Valid @ModelAttribute("withdrawal") WithdrawForm form,
      BindingResult errors,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    access.requireSecretariat();
    if (!errors.hasErrors()) {
      ItemView done =
          Forms.attempt(errors, () -> items.withdraw(id, itemId, new WithdrawItem(form.reason)));
      if (done != null) {
        redirect.addFlashAttribute(
            "flash", msg("scoring.items.flash.withdrawn", done.unit(), done.criterion()));
        return "redirect:/pacts/" + id + "/items";
      }
      // not a field of the form: the item was withdrawn meanwhile
      response.setStatus(HttpServletResponse.SC_CONFLICT);
    }
    model.addAttribute("withdrawing", itemId);
    model.addAttribute("withdrawReason", form.reason);
    model.addAttribute(
        "withdrawError",
        errors.hasFieldErrors("reason")
            ? messages.getMessage(errors.getFieldError("reason"), LocaleContextHolder.getLocale())
            : null);
    model.addAttribute(
        "error",
        errors.hasGlobalErrors()
            ? messages.getMessage(errors.getGlobalError(), LocaleContextHolder.getLocale())
            : null);
    return page(id, new ItemForm(), model);
  }

  private String page(long id, ItemForm form, Model model) {
    PactView pact = pacts.get(id);
    BlocView bloc = blocs.get(pact.blocId());
    Map<String, Criterion> criteria = new LinkedHashMap<>();
    pact.definition().criteria().forEach(c -> criteria.put(c.code(), c));
    Map<String, String> names = new LinkedHashMap<>();
    bloc.members().forEach(m -> names.put(m.code(), m.name()));
    Map<String, List<Row>> byUnit = new LinkedHashMap<>();
    bloc.members().forEach(m -> byUnit.put(m.code(), new ArrayList<>()));
    for (ItemView i : items.list(id)) {
      Criterion c = criteria.get(i.criterion());
      byUnit
          .computeIfAbsent(i.unit(), k -> new ArrayList<>())
          .add(
              new Row(
                  i,
                  c == null ? i.criterion() : c.name(),
                  c != null && c.method() == Method.PENALTY));
    }
    List<UnitItems> groups = new ArrayList<>();
    byUnit.forEach(
        (unit, rows) -> {
          if (!rows.isEmpty()) {
            groups.add(
                new UnitItems(
                    unit,
                    names.getOrDefault(unit, unit),
                    rows,
                    rows.stream().filter(r -> !r.item().withdrawn()).count()));
          }
        });
    model.addAttribute("pact", pact);
    model.addAttribute("bloc", bloc);
    model.addAttribute("groups", groups);
    model.addAttribute("members", bloc.members());
    model.addAttribute(
        "itemCriteria",
        criteria.values().stream()
            .filter(c -> c.method() == Method.BONUS || c.method() == Method.PENALTY)
            .toList());
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", form);
    }
    model.addAttribute("maySecretariat", Access.current().role().isSecretariat());
    return "scoring/items";
  }

  private String msg(String key, Object... args) {
    return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
  }
}
