package org.laurel.reward;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.laurel.access.Access;
import org.laurel.reward.AwardRecord.Standing;
import org.laurel.reward.AwardType.Recipient;
import org.laurel.reward.DecisionView.Kind;
import org.laurel.shared.Downloads;
import org.laurel.shared.Flash;
import org.laurel.shared.Forms;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * The secretariat's decision pages (list, draft from the council's approved nominees, issue,
 * publish, revoke or correct by a later decision, the documents and the certificates of a
 * decision's awards), the reward fund's ledger with its income form, and the public portal's list
 * and page of published decisions.
 */
@Controller
class DecisionPages {

  /** What every decision form has: the body, the date, the signer. */
  abstract static class HeadForm {
    @Size(max = 2000)
    @Nullable String achievement;

    @NotBlank String bodyCode = "UBND-HD";

    @NotNull
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    @Nullable LocalDate decidedOn;

    @Size(max = 200)
    @Nullable String signerName;
  }

  /** The drafting form of a granting decision. */
  static final class DraftForm extends HeadForm {

    @Size(max = 200)
    @Nullable String signerTitle;

    @Size(max = 500)
    @Nullable String title;

    @Size(max = 8000)
    @Nullable String legalBasis;

    List<Long> nomineeIds = new ArrayList<>();

    Decisions.Draft command() {
      return new Decisions.Draft(
          Kind.GRANTING,
          bodyCode,
          java.util.Objects.requireNonNull(decidedOn),
          title,
          signerName,
          signerTitle,
          legalBasis,
          achievement,
          null,
          null,
          nomineeIds,
          null,
          null);
    }
  }

  /**
   * The form of a later decision on an issued one: revoking the checked awards, or correcting one
   * award (its replacement's fields; an empty field keeps the original's).
   */
  static final class LaterForm extends HeadForm {

    @Size(max = 4000)
    @Nullable String reason;

    List<Long> awardIds = new ArrayList<>();
    @Nullable Long awardId;
    @Nullable Long personId;

    @Size(max = 40)
    @Nullable String unitCode;

    @Size(max = 200)
    @Nullable String householdName;

    @Size(max = 40)
    @Nullable String awardCode;

    Decisions.Draft command(Kind kind, long referencesId) {
      List<Decisions.Correction> corrections = null;
      if (kind == Kind.CORRECTING) {
        corrections =
            List.of(
                new Decisions.Correction(
                    awardId == null ? -1L : awardId,
                    null,
                    personId,
                    blank(unitCode),
                    blank(householdName),
                    blank(awardCode),
                    blank(achievement)));
      }
      return new Decisions.Draft(
          kind,
          bodyCode,
          java.util.Objects.requireNonNull(decidedOn),
          null,
          signerName,
          null,
          null,
          null,
          reason,
          referencesId,
          null,
          kind == Kind.REVOKING ? awardIds : null,
          corrections);
    }

    private static @Nullable String blank(@Nullable String s) {
      return AwardHistory.blank(s);
    }
  }

  /** The income form of the fund. */
  static final class IncomeForm {
    @NotNull
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    @Nullable LocalDate entryDate;

    @NotNull @Nullable Long amountVnd;

    @NotBlank
    @Size(max = 300)
    @Nullable String source;

    @Size(max = 200)
    @Nullable String reference;
  }

  /** The forms bind to their fields. */
  @InitBinder("form")
  void fields(WebDataBinder binder) {
    binder.initDirectFieldAccess();
  }

  private final Decisions decisions;
  private final DecisionDocuments documents;
  private final RewardFund fund;
  private final PortalDecisions portal;
  private final AwardCatalogue catalogue;
  private final Access access;
  private final MessageSource messages;
  private final Clock clock;

  DecisionPages(
      Decisions decisions,
      DecisionDocuments documents,
      RewardFund fund,
      PortalDecisions portal,
      AwardCatalogue catalogue,
      Access access,
      MessageSource messages,
      Clock clock) {
    this.decisions = decisions;
    this.documents = documents;
    this.fund = fund;
    this.portal = portal;
    this.catalogue = catalogue;
    this.access = access;
    this.messages = messages;
    this.clock = clock;
  }

  // ---- the list and a decision

  @GetMapping("/decisions")
  String list(@RequestParam(required = false) @Nullable Integer year, Model model) {
    model.addAttribute("year", year);
    model.addAttribute("decisions", decisions.list(year, null));
    return "decision/list";
  }

  @GetMapping("/decisions/{id}")
  String view(@PathVariable long id, Model model) {
    DecisionView d = decisions.get(id);
    model.addAttribute("d", d);
    model.addAttribute("awards", awardNames());
    model.addAttribute(
        "awardIds", d.awardIds().stream().map(String::valueOf).collect(Collectors.joining(",")));
    model.addAttribute(
        "withdrawable",
        d.issued()
            && d.kind() != Kind.REVOKING
            && d.items().stream()
                .anyMatch(i -> i.awardId() != null && i.standing() == Standing.IN_FORCE));
    return "decision/view";
  }

  @GetMapping("/decisions/{id}/document.pdf")
  ResponseEntity<byte[]> pdf(@PathVariable long id) {
    DecisionView d = decisions.get(id);
    return Downloads.attachment(
        documents.pdf(d), MediaType.APPLICATION_PDF, DecisionDocuments.fileName(d, "pdf"));
  }

  @GetMapping("/decisions/{id}/document.docx")
  ResponseEntity<byte[]> docx(@PathVariable long id) {
    DecisionView d = decisions.get(id);
    return Downloads.attachment(
        documents.docx(d), DecisionDocuments.DOCX, DecisionDocuments.fileName(d, "docx"));
  }

  // ---- drafting a granting decision

  @GetMapping("/decisions/new")
  String draftForm(@RequestParam(required = false) @Nullable Integer year, Model model) {
    access.requireSecretariat();
    DraftForm form = new DraftForm();
    form.decidedOn = LocalDate.now(clock);
    return draftPage(form, year, model);
  }

  @PostMapping("/decisions/new")
  String draft(
      @Valid @ModelAttribute("form") DraftForm form,
      BindingResult errors,
      @RequestParam(required = false) @Nullable Integer year,
      Model model,
      RedirectAttributes redirect,
      Locale locale) {
    access.requireSecretariat();
    if (!errors.hasErrors()) {
      DecisionView d = Forms.attempt(errors, () -> decisions.draft(form.command()));
      if (d != null) {
        return drafted(redirect, locale, d);
      }
    }
    return draftPage(form, year, model);
  }

  private String draftPage(DraftForm form, @Nullable Integer year, Model model) {
    model.addAttribute("form", form);
    model.addAttribute("picked", form.nomineeIds);
    model.addAttribute("year", year);
    model.addAttribute("bodies", decisions.bodies());
    model.addAttribute(
        "candidates",
        decisions.candidates(year, form.decidedOn == null ? LocalDate.now(clock) : form.decidedOn));
    model.addAttribute("awards", awardNames());
    return "decision/new";
  }

  private String drafted(RedirectAttributes redirect, Locale locale, DecisionView d) {
    redirect.addFlashAttribute(
        "flash", messages.getMessage("decision.flash.drafted", new Object[] {d.title()}, locale));
    return "redirect:/decisions/" + d.id();
  }

  // ---- the steps

  @PostMapping("/decisions/{id}/issue")
  String issue(
      @PathVariable long id,
      @RequestParam int version,
      RedirectAttributes redirect,
      Locale locale) {
    access.requireSecretariat();
    return Flash.after(
        redirect,
        messages,
        locale,
        "/decisions/" + id,
        () -> {
          DecisionView d = decisions.issue(id, new Decisions.Step(version));
          return messages.getMessage(
              "decision.flash.issued", new Object[] {d.number(), d.items().size()}, locale);
        });
  }

  @PostMapping("/decisions/{id}/publish")
  String publish(
      @PathVariable long id,
      @RequestParam int version,
      RedirectAttributes redirect,
      Locale locale) {
    access.requireSecretariat();
    return Flash.after(
        redirect,
        messages,
        locale,
        "/decisions/" + id,
        () -> {
          DecisionView d = decisions.publish(id, new Decisions.Step(version));
          return messages.getMessage("decision.flash.published", new Object[] {d.number()}, locale);
        });
  }

  // ---- later decisions: revoking, correcting

  @GetMapping("/decisions/{id}/revoke")
  String revokeForm(@PathVariable long id, Model model) {
    return laterPage(id, Kind.REVOKING, laterForm(id), model);
  }

  @PostMapping("/decisions/{id}/revoke")
  String revoke(
      @PathVariable long id,
      @Valid @ModelAttribute("form") LaterForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect,
      Locale locale) {
    return later(id, Kind.REVOKING, form, errors, model, redirect, locale);
  }

  @GetMapping("/decisions/{id}/correct")
  String correctForm(@PathVariable long id, Model model) {
    return laterPage(id, Kind.CORRECTING, laterForm(id), model);
  }

  @PostMapping("/decisions/{id}/correct")
  String correct(
      @PathVariable long id,
      @Valid @ModelAttribute("form") LaterForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect,
      Locale locale) {
    return later(id, Kind.CORRECTING, form, errors, model, redirect, locale);
  }

  private LaterForm laterForm(long id) {
    access.requireSecretariat();
    LaterForm form = new LaterForm();
    form.bodyCode = decisions.get(id).bodyCode();
    form.decidedOn = LocalDate.now(clock);
    return form;
  }

  private String later(
      long id,
      Kind kind,
      LaterForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect,
      Locale locale) {
    access.requireSecretariat();
    if (!errors.hasErrors()) {
      DecisionView d = Forms.attempt(errors, () -> decisions.draft(form.command(kind, id)));
      if (d != null) {
        return drafted(redirect, locale, d);
      }
    }
    return laterPage(id, kind, form, model);
  }

  private String laterPage(long id, Kind kind, LaterForm form, Model model) {
    DecisionView ref = decisions.get(id);
    model.addAttribute("ref", ref);
    model.addAttribute("kind", kind);
    model.addAttribute("form", form);
    model.addAttribute("picked", form.awardIds);
    model.addAttribute("bodies", decisions.bodies());
    model.addAttribute("awards", awardNames());
    model.addAttribute(
        "inForce",
        ref.items().stream()
            .filter(i -> i.awardId() != null && i.standing() == Standing.IN_FORCE)
            .toList());
    model.addAttribute("recipients", Recipient.values());
    return "decision/later";
  }

  // ---- the fund

  @GetMapping("/fund")
  String fund(@RequestParam(required = false) @Nullable Integer year, Model model) {
    int y = year == null ? LocalDate.now(clock).getYear() : year;
    IncomeForm form = new IncomeForm();
    form.entryDate = LocalDate.now(clock);
    return fundPage(y, form, model);
  }

  @PostMapping("/fund/income")
  String income(
      @Valid @ModelAttribute("form") IncomeForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect,
      Locale locale) {
    access.requireSecretariat();
    if (!errors.hasErrors()) {
      RewardFund.Entry e =
          Forms.attempt(
              errors,
              () ->
                  fund.income(
                      new RewardFund.NewIncome(
                          form.entryDate,
                          form.amountVnd,
                          String.valueOf(form.source),
                          form.reference)));
      if (e != null) {
        redirect.addFlashAttribute(
            "flash",
            messages.getMessage(
                "fund.flash.income",
                new Object[] {DecisionDocuments.money(e.amountVnd())},
                locale));
        return "redirect:/fund?year=" + e.year();
      }
    }
    return fundPage(
        form.entryDate == null ? LocalDate.now(clock).getYear() : form.entryDate.getYear(),
        form,
        model);
  }

  private String fundPage(int year, IncomeForm form, Model model) {
    model.addAttribute("year", year);
    model.addAttribute("ledger", fund.ledger(year));
    List<Integer> years = new ArrayList<>(fund.years());
    if (!years.contains(year)) {
      years.add(year);
      years.sort(java.util.Comparator.reverseOrder());
    }
    model.addAttribute("years", years);
    model.addAttribute("form", form);
    model.addAttribute("awards", awardNames());
    return "decision/fund";
  }

  // ---- the public portal

  @GetMapping("/portal/decisions")
  String portalList(Model model, HttpServletResponse res) {
    cache(res);
    model.addAttribute("decisions", portal.list());
    return "decision/portal-list";
  }

  @GetMapping("/portal/decisions/{id}")
  String portalView(@PathVariable long id, Model model, HttpServletResponse res) {
    cache(res);
    model.addAttribute("d", portal.get(id));
    return "decision/portal-view";
  }

  private static void cache(HttpServletResponse res) {
    res.setHeader("Cache-Control", "public, max-age=60");
    res.setHeader("Vary", "Accept-Language, Cookie");
  }

  private Map<String, String> awardNames() {
    return catalogue.names(org.springframework.context.i18n.LocaleContextHolder.getLocale());
  }
}
