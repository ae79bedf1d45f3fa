package org.laurel.reward;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.laurel.access.Access;
import org.laurel.access.Actor;
import org.laurel.bloc.Blocs;
import org.laurel.organisation.People;
import org.laurel.organisation.PersonView;
import org.laurel.organisation.UnitView;
import org.laurel.organisation.Units;
import org.laurel.reward.AwardType.Recipient;
import org.laurel.shared.ForbiddenException;
import org.laurel.shared.Forms;
import org.laurel.shared.InvalidInputException;
import org.laurel.shared.NotFoundException;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Reward pages: the public notice for anyone (no sign-in; comments are sent by a small script to
 * the portal API), and the proposals' workflow for staff: a unit's officer drafts a proposal, adds
 * nominees and dossier files and submits it; the secretariat receives it, runs the eligibility
 * review, puts it on public notice, answers the comments and marks it ready for the council, or
 * returns it with a reason. Each page shows only the steps the user may take now; every post goes
 * through the same service calls as the API, with their checks.
 */
@Controller
class RewardPages {

  /** The publication for public notice, as the form sends it (dates in ISO form). */
  record NoticeForm(
      @NotBlank @Size(max = 8000) String opinion,
      @NotNull @Min(1) @Max(90) Integer days,
      @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
      @PositiveOrZero int version) {

    Proposals.Notice command() {
      return new Proposals.Notice(opinion, days, startsOn, version);
    }
  }

  /** A dossier file and its role (the multipart part {@code file}). */
  record FileForm(@NotNull Proposals.FileRole role, @Nullable MultipartFile file) {}

  /** From a bloc's published ranking to its proposals; absent fields take the configured rule. */
  record FromRankingForm(
      @NotNull Long blocId,
      @Nullable @Size(max = 40) String flagAward,
      @Nullable @Size(max = 40) String meritAward,
      @Nullable @Min(0) @Max(50) Integer meritCount) {}

  /** What the proposal page offers, by status and role. */
  enum Action {
    NOMINEES,
    FILES,
    SUBMIT,
    RECEIVE,
    REVIEW,
    NOTICE,
    ANSWER,
    READY,
    RETURN
  }

  private static final String PROPOSAL = "reward/proposal";

  private final PortalNotices notices;
  private final NoticeComments comments;
  private final Proposals proposals;
  private final BlocProposals blocProposals;
  private final AwardCatalogue catalogue;
  private final Units units;
  private final People people;
  private final Blocs blocs;
  private final MessageSource messages;
  private final Clock clock;

  RewardPages(
      PortalNotices notices,
      NoticeComments comments,
      Proposals proposals,
      BlocProposals blocProposals,
      AwardCatalogue catalogue,
      Units units,
      People people,
      Blocs blocs,
      MessageSource messages,
      Clock clock) {
    this.notices = notices;
    this.comments = comments;
    this.proposals = proposals;
    this.blocProposals = blocProposals;
    this.catalogue = catalogue;
    this.units = units;
    this.people = people;
    this.blocs = blocs;
    this.messages = messages;
    this.clock = clock;
  }

  @InitBinder
  void binder(WebDataBinder binder) {
    binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
  }

  // ---- the public notice

  @GetMapping("/portal/notices")
  String notices(@RequestParam(required = false) @Nullable String receipt, Model model) {
    model.addAttribute("notices", notices.list());
    model.addAttribute("awards", awardNames());
    if (receipt != null && !receipt.isBlank()) {
      model.addAttribute("receipt", receipt.trim());
      model.addAttribute("followed", comments.byReceipt(receipt).orElse(null));
    }
    return "reward/notices";
  }

  @GetMapping("/portal/notices/{id}")
  String notice(@PathVariable long id, Model model) {
    model.addAttribute(
        "notice",
        notices.get(id).orElseThrow(() -> new NotFoundException("error.notice.notFound", id)));
    model.addAttribute("awards", awardNames());
    return "reward/notice";
  }

  // ---- the list, a new draft, and the proposals of a ranking

  @GetMapping("/rewards/proposals")
  String proposals(
      @RequestParam(required = false) @Nullable Integer year,
      @RequestParam(required = false) @Nullable ProposalStatus status,
      Model model) {
    return list(year, status, null, model);
  }

  private String list(
      @Nullable Integer year,
      @Nullable ProposalStatus status,
      @Nullable FromRankingForm form,
      Model model) {
    Actor actor = Access.current();
    model.addAttribute("year", year);
    model.addAttribute("status", status);
    model.addAttribute("statuses", ProposalStatus.values());
    model.addAttribute("proposals", proposals.visible(status, year));
    model.addAttribute("awards", awardNames());
    model.addAttribute(
        "mayCreate", actor.role().isSecretariat() || actor.role().reportsForOwnUnit());
    if (actor.role().isSecretariat()) {
      int rankingYear = year == null ? LocalDate.now(clock).getYear() - 1 : year;
      model.addAttribute("rankingYear", rankingYear);
      model.addAttribute("rankingBlocs", blocs.list(rankingYear));
      model.addAttribute("collectiveAwards", awardsFor(Recipient.COLLECTIVE));
      putIfAbsent(
          model, "rankingForm", form == null ? new FromRankingForm(null, null, null, null) : form);
    }
    return "reward/proposals";
  }

  @PostMapping("/rewards/proposals/from-ranking")
  String fromRanking(
      @Valid @ModelAttribute("rankingForm") FromRankingForm form,
      BindingResult errors,
      Model model,
      HttpServletResponse res,
      RedirectAttributes redirect,
      Locale locale) {
    if (!errors.hasErrors()) {
      List<ProposalView> made =
          Forms.attempt(
              errors,
              () -> {
                try {
                  return blocProposals.fromRanking(
                      form.blocId(),
                      new BlocProposals.FromRanking(
                          form.flagAward(), form.meritAward(), form.meritCount()));
                } catch (NotFoundException e) {
                  // no bloc or no published ranking: said next to the bloc
                  throw new InvalidInputException("blocId", e.messageKey(), e.args());
                }
              });
      if (made != null) {
        redirect.addFlashAttribute(
            "flash",
            messages.getMessage(
                "proposal.flash.fromRanking",
                new Object[] {made.size(), made.stream().mapToInt(p -> p.nominees().size()).sum()},
                locale));
        return made.isEmpty()
            ? "redirect:/rewards/proposals"
            : "redirect:/rewards/proposals?year=" + made.get(0).year();
      }
    }
    res.setStatus(400);
    return list(null, null, form, model);
  }

  @GetMapping("/rewards/proposals/new")
  String newProposal(Model model) {
    Actor actor = requireWriter();
    String unit =
        actor.role().isSecretariat()
            ? null
            : units.findById(actor.unitId()).map(UnitView::code).orElse(null);
    return createPage(
        new Proposals.NewProposal(
            ProposalKind.REGULAR, LocalDate.now(clock).getYear() - 1, "", unit, "", null),
        model);
  }

  @PostMapping("/rewards/proposals/new")
  String create(
      @Valid @ModelAttribute("form") Proposals.NewProposal form,
      BindingResult errors,
      Model model,
      jakarta.servlet.http.HttpServletRequest req,
      HttpServletResponse res,
      RedirectAttributes redirect,
      Locale locale) {
    requireWriter();
    if (!errors.hasErrors()) {
      ProposalView p = Forms.attempt(errors, () -> proposals.create(form));
      if (p != null) {
        return done(redirect, locale, "proposal.flash.created", p);
      }
    }
    res.setStatus(400);
    putIfAbsent(
        model,
        "form",
        new Proposals.NewProposal(
            ProposalKind.REGULAR,
            0,
            java.util.Objects.toString(req.getParameter("title"), ""),
            java.util.Objects.toString(req.getParameter("proposingUnitCode"), ""),
            java.util.Objects.toString(req.getParameter("awardCode"), ""),
            req.getParameter("achievement")));
    return createPage(model.getAttribute("form"), model);
  }

  private String createPage(@Nullable Object form, Model model) {
    Actor actor = Access.current();
    putIfAbsent(model, "form", java.util.Objects.requireNonNull(form));
    model.addAttribute("kinds", ProposalKind.values());
    model.addAttribute("awardTypes", catalogue.types());
    model.addAttribute("locale", LocaleContextHolder.getLocale());
    model.addAttribute(
        "unitChoices",
        actor.role().isSecretariat()
            ? units.all()
            : units.all().stream().filter(u -> units.isWithin(u.id(), actor.unitId())).toList());
    return "reward/proposal-form";
  }

  // ---- one proposal

  @GetMapping("/rewards/proposals/{id}")
  String proposal(@PathVariable long id, Model model) {
    return page(id, model);
  }

  @GetMapping("/rewards/proposals/{id}/attachments/{attachmentId}")
  ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable long attachmentId) {
    readable(id);
    return ProposalApi.download(proposals.file(id, attachmentId));
  }

  /** People of the proposing unit's scope whose name contains {@code q}: the nominee picker. */
  @GetMapping("/rewards/proposals/{id}/people")
  String peopleOptions(
      @PathVariable long id, @RequestParam(required = false) @Nullable String q, Model model) {
    ProposalView p = readable(id);
    model.addAttribute("people", peopleInScope(p, q));
    return "reward/proposal :: personOptions";
  }

  @PostMapping("/rewards/proposals/{id}/nominees")
  String addNominee(
      @PathVariable long id,
      @Valid @ModelAttribute("nomineeForm") Proposals.NomineeForm form,
      BindingResult errors,
      Model model,
      HttpServletResponse res,
      RedirectAttributes redirect,
      Locale locale) {
    if (!errors.hasErrors()) {
      ProposalView.NomineeView n = Forms.attempt(errors, () -> proposals.addNominee(id, form));
      if (n != null) {
        return flash(redirect, locale, id, "proposal.flash.nomineeAdded", n.displayName());
      }
    }
    return again(id, res, model);
  }

  @PostMapping("/rewards/proposals/{id}/nominees/{nomineeId}/remove")
  String removeNominee(
      @PathVariable long id,
      @PathVariable long nomineeId,
      Model model,
      HttpServletResponse res,
      RedirectAttributes redirect,
      Locale locale) {
    ProposalView before = readable(id);
    String name =
        before.nominees().stream()
            .filter(n -> n.id() == nomineeId)
            .map(ProposalView.NomineeView::displayName)
            .findFirst()
            .orElse("#" + nomineeId);
    BindingResult errors =
        new org.springframework.validation.BeanPropertyBindingResult(
            new Proposals.Step(before.version()), "stepForm");
    ProposalView p = Forms.attempt(errors, () -> proposals.removeNominee(id, nomineeId));
    if (p != null) {
      return flash(redirect, locale, id, "proposal.flash.nomineeRemoved", name);
    }
    model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "stepForm", errors);
    model.addAttribute("stepForm", errors.getTarget());
    return again(id, res, model);
  }

  @PostMapping("/rewards/proposals/{id}/attachments")
  String attach(
      @PathVariable long id,
      @Valid @ModelAttribute("fileForm") FileForm form,
      BindingResult errors,
      Model model,
      HttpServletResponse res,
      RedirectAttributes redirect,
      Locale locale)
      throws IOException {
    readable(id);
    MultipartFile file = form.file();
    if (file == null || file.isEmpty()) {
      errors.rejectValue("file", "error.proposal.fileMissing");
    }
    if (!errors.hasErrors() && file != null) {
      String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
      byte[] bytes = file.getBytes();
      ProposalView.AttachmentView a =
          Forms.attempt(errors, () -> proposals.attach(id, form.role(), name, bytes));
      if (a != null) {
        return flash(redirect, locale, id, "proposal.flash.attached", a.fileName());
      }
    }
    return again(id, res, model);
  }

  /** The steps without more than the version read: one handler, one route each. */
  @PostMapping({
    "/rewards/proposals/{id}/submit",
    "/rewards/proposals/{id}/receive",
    "/rewards/proposals/{id}/review",
    "/rewards/proposals/{id}/ready"
  })
  String step(
      @PathVariable long id,
      @Valid @ModelAttribute("stepForm") Proposals.Step form,
      BindingResult errors,
      Model model,
      jakarta.servlet.http.HttpServletRequest req,
      HttpServletResponse res,
      RedirectAttributes redirect,
      Locale locale) {
    String uri = req.getRequestURI();
    java.util.function.Supplier<ProposalView> write =
        switch (uri.substring(uri.lastIndexOf('/') + 1)) {
          case "submit" -> () -> proposals.submit(id, form);
          case "receive" -> () -> proposals.receive(id, form);
          case "review" -> () -> proposals.review(id, form);
          default -> () -> proposals.ready(id, form);
        };
    return step(id, errors, write, model, res, redirect, locale);
  }

  @PostMapping("/rewards/proposals/{id}/notice")
  String publishNotice(
      @PathVariable long id,
      @Valid @ModelAttribute("noticeForm") NoticeForm form,
      BindingResult errors,
      Model model,
      HttpServletResponse res,
      RedirectAttributes redirect,
      Locale locale) {
    return step(
        id,
        errors,
        () -> proposals.publishNotice(id, form.command()),
        model,
        res,
        redirect,
        locale);
  }

  @PostMapping("/rewards/proposals/{id}/return")
  String returnToUnit(
      @PathVariable long id,
      @Valid @ModelAttribute("returnForm") Proposals.Return form,
      BindingResult errors,
      Model model,
      HttpServletResponse res,
      RedirectAttributes redirect,
      Locale locale) {
    return step(id, errors, () -> proposals.returnToUnit(id, form), model, res, redirect, locale);
  }

  @PostMapping("/rewards/notice-comments/{commentId}/answer")
  String answer(
      @PathVariable long commentId,
      @Valid @ModelAttribute("answerForm") NoticeComments.Answer form,
      BindingResult errors,
      Model model,
      HttpServletResponse res,
      RedirectAttributes redirect,
      Locale locale) {
    NoticeComments.CommentView c = comments.get(commentId);
    readable(c.proposalId());
    if (!errors.hasErrors()) {
      NoticeComments.CommentView answered =
          Forms.attempt(errors, () -> comments.answer(commentId, form));
      if (answered != null) {
        return flash(
            redirect, locale, c.proposalId(), "proposal.flash.answered", answered.receipt());
      }
    }
    model.addAttribute("answeredComment", commentId);
    return again(c.proposalId(), res, model);
  }

  private String step(
      long id,
      BindingResult errors,
      java.util.function.Supplier<ProposalView> write,
      Model model,
      HttpServletResponse res,
      RedirectAttributes redirect,
      Locale locale) {
    readable(id);
    if (!errors.hasErrors()) {
      ProposalView p = Forms.attempt(errors, write);
      if (p != null) {
        return flash(
            redirect,
            locale,
            id,
            "proposal.flash.moved",
            messages.getMessage("proposal.status." + p.status(), null, locale));
      }
    }
    return again(id, res, model);
  }

  /**
   * The proposal page again, with the failed form's errors (its binding result is in the model).
   */
  private String again(long id, HttpServletResponse res, Model model) {
    res.setStatus(400);
    return page(id, model);
  }

  private String page(long id, Model model) {
    ProposalView p = readable(id);
    Actor actor = Access.current();
    boolean edit = p.status() == ProposalStatus.DRAFT && proposals.mayEdit(p);
    boolean secretariat = actor.role().isSecretariat();
    List<NoticeComments.CommentView> list = comments.of(id);
    Set<Action> actions = actions(p, edit, secretariat, list);
    String blocked = readyBlocked(p, secretariat, list);
    if ("".equals(blocked)) {
      actions.add(Action.READY);
    }
    model.addAttribute("p", p);
    model.addAttribute("comments", list);
    model.addAttribute("awards", awardNames());
    model.addAttribute("award", catalogue.get(p.awardCode()));
    model.addAttribute("actions", actions.stream().map(Action::name).collect(Collectors.toSet()));
    model.addAttribute("zone", java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
    model.addAttribute("readyBlocked", blocked == null || blocked.isEmpty() ? null : blocked);
    model.addAttribute("fileRoles", Proposals.FileRole.values());
    model.addAttribute("today", LocalDate.now(clock));
    putIfAbsent(model, "stepForm", new Proposals.Step(p.version()));
    putIfAbsent(
        model,
        "nomineeForm",
        new Proposals.NomineeForm(catalogue.get(p.awardCode()).recipient(), null, null, null));
    putIfAbsent(model, "fileForm", new FileForm(Proposals.FileRole.ACHIEVEMENT_REPORT, null));
    putIfAbsent(model, "noticeForm", new NoticeForm("", 10, null, p.version()));
    putIfAbsent(model, "returnForm", new Proposals.Return("", p.version()));
    putIfAbsent(model, "answerForm", new NoticeComments.Answer("", 0));
    if (actions.contains(Action.NOMINEES)) {
      model.addAttribute("people", peopleInScope(p, null));
      model.addAttribute("unitsInScope", unitsInScope(p));
    }
    return PROPOSAL;
  }

  /**
   * Puts a form on the page unless the request's form is there. A record that could not be built (a
   * value of the wrong type, e.g. letters for a number) is replaced by {@code form}, keeping the
   * binder's errors, so that the page shows the refused value beside its field.
   */
  static void putIfAbsent(Model model, String name, Object form) {
    if (model.getAttribute(name) != null) {
      return;
    }
    Object failed = model.getAttribute(BindingResult.MODEL_KEY_PREFIX + name);
    model.addAttribute(name, form);
    if (failed instanceof BindingResult old && old.hasErrors()) {
      org.springframework.validation.BeanPropertyBindingResult kept =
          new org.springframework.validation.BeanPropertyBindingResult(form, name);
      kept.addAllErrors(old);
      model.addAttribute(BindingResult.MODEL_KEY_PREFIX + name, kept);
    }
  }

  private static Set<Action> actions(
      ProposalView p, boolean edit, boolean secretariat, List<NoticeComments.CommentView> list) {
    Set<Action> a = new LinkedHashSet<>();
    if (edit) {
      a.add(Action.NOMINEES);
      a.add(Action.FILES);
      a.add(Action.SUBMIT);
    }
    if (!secretariat) {
      return a;
    }
    switch (p.status()) {
      case SUBMITTED -> a.add(Action.RECEIVE);
      case RECEIVED -> a.add(Action.REVIEW);
      case IN_REVIEW -> a.add(Action.NOTICE);
      case PUBLIC_NOTICE -> {
        if (list.stream().anyMatch(c -> c.answer() == null)) {
          a.add(Action.ANSWER);
        }
      }
      default -> {}
    }
    if (ProposalStatus.RETURNABLE.contains(p.status())) {
      a.add(Action.RETURN);
    }
    return a;
  }

  /**
   * Why a proposal on public notice cannot go on to the council yet (null when it can, or when it
   * is not the user's step): the notice still runs, or comments await their answer.
   */
  private @Nullable String readyBlocked(
      ProposalView p, boolean secretariat, List<NoticeComments.CommentView> list) {
    if (!secretariat || p.status() != ProposalStatus.PUBLIC_NOTICE) {
      return null;
    }
    Locale locale = LocaleContextHolder.getLocale();
    LocalDate today = LocalDate.now(clock);
    if (p.noticeUntil() != null && !today.isAfter(p.noticeUntil())) {
      return messages.getMessage(
          "error.proposal.noticeRunning", new Object[] {p.noticeUntil()}, locale);
    }
    long open = list.stream().filter(c -> c.answer() == null).count();
    if (open > 0) {
      return messages.getMessage("error.proposal.unansweredComments", new Object[] {open}, locale);
    }
    return "";
  }

  /** The proposal, if the signed-in user may read it (a unit's officers: their units' only). */
  private ProposalView readable(long id) {
    ProposalView p = proposals.get(id);
    if (!proposals.mayRead(p)) {
      throw ForbiddenException.outOfScope();
    }
    return p;
  }

  private List<PersonView> peopleInScope(ProposalView p, @Nullable String q) {
    Set<Long> scope = units.subtree(units.get(p.proposingUnitCode()).id());
    Set<String> codes =
        units.all().stream()
            .filter(u -> scope.contains(u.id()))
            .map(UnitView::code)
            .collect(Collectors.toSet());
    List<PersonView> out = new ArrayList<>();
    String query = q == null || q.isBlank() ? null : q.trim();
    for (PersonView person :
        query == null ? people.list(p.proposingUnitCode(), null) : people.list(null, query)) {
      if (codes.contains(person.unitCode()) && person.active()) {
        out.add(person);
      }
      if (out.size() >= 200) {
        break;
      }
    }
    return out;
  }

  private List<UnitView> unitsInScope(ProposalView p) {
    Set<Long> scope = units.subtree(units.get(p.proposingUnitCode()).id());
    return units.all().stream().filter(u -> scope.contains(u.id())).toList();
  }

  private static Actor requireWriter() {
    Actor a = Access.current();
    if (!a.role().isSecretariat() && !a.role().reportsForOwnUnit()) {
      throw ForbiddenException.outOfScope();
    }
    return a;
  }

  private String done(RedirectAttributes redirect, Locale locale, String key, ProposalView p) {
    return flash(redirect, locale, p.id(), key, p.title());
  }

  private String flash(
      RedirectAttributes redirect, Locale locale, long id, String key, Object... args) {
    redirect.addFlashAttribute("flash", messages.getMessage(key, args, locale));
    return "redirect:/rewards/proposals/" + id;
  }

  private List<AwardType> awardsFor(Recipient recipient) {
    return catalogue.types().stream().filter(t -> t.recipient() == recipient).toList();
  }

  private Map<String, String> awardNames() {
    return catalogue.names(LocaleContextHolder.getLocale());
  }
}
