package org.laurel.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.laurel.access.Access;
import org.laurel.bloc.BlocView;
import org.laurel.bloc.BlocView.UnitRef;
import org.laurel.bloc.Blocs;
import org.laurel.scoring.PactDefinition.Criterion;
import org.laurel.scoring.PactDefinition.Group;
import org.laurel.scoring.PactDefinition.Method;
import org.laurel.scoring.PactDefinition.Round;
import org.laurel.scoring.ScoringCommands.Reopen;
import org.laurel.scoring.ScoringCommands.ScoreEntry;
import org.laurel.scoring.ScoringCommands.SheetForm;
import org.laurel.scoring.ScoringCommands.Submit;
import org.laurel.shared.ConflictException;
import org.laurel.shared.InvalidInputException;
import org.laurel.shared.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The assessor's scoring sheet (criteria tree with max points, score or abstention, comment and
 * evidence link; save, submit; the secretariat's reopen), the progress of a pact's rounds, the
 * what-if form and the secretariat's collusion signals.
 */
@Controller
class AssessmentPages {

  /** A manual criterion on the sheet with what is entered for it. */
  record Field(
      Criterion criterion,
      @Nullable String points,
      boolean abstain,
      @Nullable String comment,
      @Nullable String evidence) {}

  record GroupFields(Group group, List<Field> fields) {}

  /** One expected sheet of a round: who assesses whom, and where it stands. */
  record Expected(
      String assessor, String assessed, String assessedName, String status, boolean readable) {}

  /** An assessor's sheets of a round. */
  record AssessorProgress(
      String assessor,
      String name,
      int submitted,
      int expected,
      List<Expected> sheets,
      boolean done) {}

  private final Pacts pacts;
  private final Assessments assessments;
  private final Results results;
  private final Blocs blocs;
  private final MessageSource messages;
  private final EvidenceFiles evidence;

  AssessmentPages(
      Pacts pacts,
      Assessments assessments,
      Results results,
      Blocs blocs,
      MessageSource messages,
      EvidenceFiles evidence) {
    this.evidence = evidence;
    this.pacts = pacts;
    this.assessments = assessments;
    this.results = results;
    this.blocs = blocs;
    this.messages = messages;
  }

  static final String SHEET = "/pacts/{id}/sheets/{round}/{assessor}/{assessed}";

  @GetMapping(SHEET)
  String sheet(
      @PathVariable long id,
      @PathVariable Round round,
      @PathVariable String assessor,
      @PathVariable String assessed,
      Model model) {
    PactView pact = pacts.get(id);
    SheetView sheet = existing(id, round, assessor, assessed);
    model.addAttribute("recuse", sheet != null && sheet.recusalReason() != null);
    model.addAttribute("recusalReason", sheet == null ? null : sheet.recusalReason());
    Map<String, Field> entered = new LinkedHashMap<>();
    if (sheet != null) {
      for (SheetView.Entry e : sheet.scores()) {
        entered.put(
            e.criterion(),
            new Field(
                null,
                e.points() == null ? null : e.points().toPlainString(),
                e.abstain(),
                e.comment(),
                e.evidence()));
      }
    }
    return sheetPage(pact, round, assessor, assessed, sheet, entered, null, model);
  }

  @PostMapping(SHEET)
  String save(
      @PathVariable long id,
      @PathVariable Round round,
      @PathVariable String assessor,
      @PathVariable String assessed,
      @RequestParam MultiValueMap<String, String> form,
      Model model,
      RedirectAttributes redirect) {
    PactView pact = pacts.get(id);
    Map<String, Field> entered = new LinkedHashMap<>();
    List<ScoreEntry> scores = new ArrayList<>();
    String error = null;
    for (Criterion c : manual(pact.definition())) {
      String code = c.code();
      String pts = trimmed(form.getFirst("points[" + code + "]"));
      boolean abstain = form.containsKey("abstain[" + code + "]");
      String comment = trimmed(form.getFirst("comment[" + code + "]"));
      String evidence = trimmed(form.getFirst("evidence[" + code + "]"));
      entered.put(code, new Field(null, pts, abstain, comment, evidence));
      if (pts == null && !abstain) {
        continue;
      }
      BigDecimal points = null;
      if (!abstain) {
        try {
          points = new BigDecimal(pts.replace(',', '.'));
        } catch (NumberFormatException e) {
          error = msg("error.sheet.range", pts, code, ScoreEngine.plain(c.maxPoints()));
          continue;
        }
      }
      scores.add(new ScoreEntry(code, points, abstain, comment, evidence));
    }
    String v = trimmed(form.getFirst("version"));
    boolean recuse = form.containsKey("recuse");
    // the reason only counts with the box ticked: unticking it withdraws the recusal
    String recusalReason = recuse ? trimmed(form.getFirst("recusalReason")) : null;
    model.addAttribute("recuse", recuse);
    model.addAttribute("recusalReason", recusalReason);
    if (error == null) {
      try {
        assessments.save(
            id,
            round,
            assessor,
            assessed,
            new SheetForm(scores, v == null ? null : Integer.valueOf(v), recuse, recusalReason));
        redirect.addFlashAttribute("flash", msg("scoring.sheet.flash.saved"));
        return "redirect:" + path(id, round, assessor, assessed);
      } catch (InvalidInputException | ConflictException | NotFoundException e) {
        error = msg(e.messageKey(), e.args());
      }
    }
    return sheetPage(
        pact,
        round,
        assessor,
        assessed,
        existing(id, round, assessor, assessed),
        entered,
        error,
        model);
  }

  @PostMapping(SHEET + "/submit")
  String submit(
      @PathVariable long id,
      @PathVariable Round round,
      @PathVariable String assessor,
      @PathVariable String assessed,
      @RequestParam int version,
      RedirectAttributes redirect) {
    try {
      assessments.submit(id, round, assessor, assessed, new Submit(version));
      redirect.addFlashAttribute("flash", msg("scoring.sheet.flash.submitted"));
    } catch (InvalidInputException | ConflictException | NotFoundException e) {
      redirect.addFlashAttribute("flash", msg(e.messageKey(), e.args()));
    }
    return "redirect:" + path(id, round, assessor, assessed);
  }

  @PostMapping(SHEET + "/reopen")
  String reopen(
      @PathVariable long id,
      @PathVariable Round round,
      @PathVariable String assessor,
      @PathVariable String assessed,
      @RequestParam int version,
      @RequestParam(defaultValue = "") String reason,
      RedirectAttributes redirect) {
    if (!Access.current().role().isSecretariat()) {
      throw org.laurel.shared.ForbiddenException.outOfScope();
    }
    if (reason.isBlank()) {
      redirect.addFlashAttribute("flash", msg("scoring.sheet.reasonRequired"));
      return "redirect:" + path(id, round, assessor, assessed);
    }
    try {
      assessments.reopen(id, round, assessor, assessed, new Reopen(version, reason));
      redirect.addFlashAttribute("flash", msg("scoring.sheet.flash.reopened"));
    } catch (InvalidInputException | ConflictException | NotFoundException e) {
      redirect.addFlashAttribute("flash", msg(e.messageKey(), e.args()));
    }
    return "redirect:" + path(id, round, assessor, assessed);
  }

  @GetMapping("/pacts/{id}/progress")
  String progress(@PathVariable long id, Model model) {
    PactView pact = pacts.get(id);
    BlocView bloc = blocs.get(pact.blocId());
    Map<String, String> status = new LinkedHashMap<>();
    // statuses only: the progress never shows a score
    for (SheetView.Progress s : assessments.progress(id)) {
      status.put(s.round() + "/" + s.assessor() + "/" + s.assessed(), s.status().name());
    }
    Map<Round, List<AssessorProgress>> rounds = new LinkedHashMap<>();
    for (Round r : Round.values()) {
      List<AssessorProgress> rows = new ArrayList<>();
      if (r == Round.COUNCIL) {
        rows.add(
            progressOf(
                r,
                PactDefinition.COUNCIL,
                msg("scoring.round.COUNCIL"),
                bloc,
                status,
                assessments.mayRead(r, PactDefinition.COUNCIL)));
      } else {
        for (UnitRef a : bloc.members()) {
          rows.add(
              progressOf(r, a.code(), a.name(), bloc, status, assessments.mayRead(r, a.code())));
        }
      }
      rounds.put(r, rows);
    }
    model.addAttribute("pact", pact);
    model.addAttribute("bloc", bloc);
    model.addAttribute("rounds", rounds);
    Map<Round, String> missing = new LinkedHashMap<>();
    rounds.forEach(
        (r, rows) ->
            missing.put(
                r,
                String.join(
                    ", ",
                    rows.stream().filter(a -> !a.done()).map(AssessorProgress::name).toList())));
    model.addAttribute("missing", missing);
    return "scoring/progress";
  }

  private static AssessorProgress progressOf(
      Round r,
      String assessor,
      String name,
      BlocView bloc,
      Map<String, String> status,
      boolean readable) {
    List<Expected> sheets = new ArrayList<>();
    for (UnitRef u : bloc.members()) {
      boolean expected =
          switch (r) {
            case SELF -> u.code().equals(assessor);
            case CROSS -> !u.code().equals(assessor);
            case COUNCIL -> true;
          };
      if (expected) {
        sheets.add(
            new Expected(
                assessor,
                u.code(),
                u.name(),
                status.getOrDefault(r + "/" + assessor + "/" + u.code(), "MISSING"),
                readable));
      }
    }
    int submitted = (int) sheets.stream().filter(s -> s.status().equals("SUBMITTED")).count();
    return new AssessorProgress(
        assessor, name, submitted, sheets.size(), sheets, submitted == sheets.size());
  }

  @GetMapping("/pacts/{id}/what-if")
  String whatIf(
      @PathVariable long id,
      @RequestParam(required = false) @Nullable String unit,
      @RequestParam(required = false) @Nullable Integer rank,
      @RequestParam(required = false) @Nullable String criterion,
      Model model) {
    PactView pact = pacts.get(id);
    BlocView bloc = blocs.get(pact.blocId());
    model.addAttribute("pact", pact);
    model.addAttribute("bloc", bloc);
    model.addAttribute(
        "criteria",
        pact.definition().criteria().stream()
            .filter(c -> c.method() == Method.MANUAL || c.method() == Method.INDICATOR)
            .toList());
    model.addAttribute("year", Integer.toString(pact.year()));
    model.addAttribute("unit", unit);
    model.addAttribute("rank", rank);
    model.addAttribute("criterion", criterion);
    if (unit != null && rank != null && criterion != null) {
      try {
        model.addAttribute("answer", results.whatIf(id, unit, rank, criterion, null, null));
      } catch (InvalidInputException | org.laurel.shared.ConflictException e) {
        // a bad question, or scores changed since the published version: said on the form
        model.addAttribute("error", msg(e.messageKey(), e.args()));
      }
    }
    return "scoring/what-if";
  }

  @GetMapping("/pacts/{id}/signals")
  String signals(@PathVariable long id, Model model) {
    PactView pact = pacts.get(id);
    model.addAttribute("signals", results.signals(id));
    model.addAttribute("pact", pact);
    model.addAttribute("bloc", blocs.get(pact.blocId()));
    return "scoring/signals";
  }

  private String sheetPage(
      PactView pact,
      Round round,
      String assessor,
      String assessed,
      @Nullable SheetView sheet,
      Map<String, Field> entered,
      @Nullable String error,
      Model model) {
    List<GroupFields> groups = new ArrayList<>();
    for (Group g : pact.definition().groups()) {
      List<Field> fields = new ArrayList<>();
      for (Criterion c : g.criteria()) {
        if (c.method() != Method.MANUAL) {
          continue;
        }
        Field f = entered.get(c.code());
        fields.add(
            f == null
                ? new Field(c, null, false, null, null)
                : new Field(c, f.points(), f.abstain(), f.comment(), f.evidence()));
      }
      if (!fields.isEmpty()) {
        groups.add(new GroupFields(g, fields));
      }
    }
    BlocView bloc = blocs.get(pact.blocId());
    Map<String, String> names = new LinkedHashMap<>();
    bloc.members().forEach(m -> names.put(m.code(), m.name()));
    names.put(PactDefinition.COUNCIL, msg("scoring.round.COUNCIL"));
    model.addAttribute("pact", pact);
    model.addAttribute("bloc", bloc);
    model.addAttribute("assessorName", names.getOrDefault(assessor, assessor));
    model.addAttribute("assessedName", names.getOrDefault(assessed, assessed));
    model.addAttribute("round", round);
    model.addAttribute("assessor", assessor);
    model.addAttribute("assessed", assessed);
    model.addAttribute("sheet", sheet);
    model.addAttribute("groups", groups);
    model.addAttribute("error", error);
    model.addAttribute("action", path(pact.id(), round, assessor, assessed));
    model.addAttribute("maySecretariat", Access.current().role().isSecretariat());
    model.addAttribute("mayWrite", assessments.mayWrite(round, assessor));
    model.addAttribute(
        "editable",
        sheet != null
            && sheet.status() == SheetView.Status.DRAFT
            && assessments.mayWrite(round, assessor));
    model.addAttribute("evidenceMaxFiles", evidence.maxFiles());
    model.addAttribute("evidenceMaxMb", evidence.maxBytes() / (1024 * 1024));
    return "scoring/sheet";
  }

  private @Nullable SheetView existing(long id, Round round, String assessor, String assessed) {
    try {
      return assessments.get(id, round, assessor, assessed);
    } catch (NotFoundException e) {
      return null;
    }
  }

  private static List<Criterion> manual(PactDefinition def) {
    return def.criteria().stream().filter(c -> c.method() == Method.MANUAL).toList();
  }

  private static @Nullable String trimmed(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  static String path(long id, Round round, String assessor, String assessed) {
    return "/pacts/%d/sheets/%s/%s/%s".formatted(id, round.name(), assessor, assessed);
  }

  private String msg(String key, Object... args) {
    return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
  }
}
