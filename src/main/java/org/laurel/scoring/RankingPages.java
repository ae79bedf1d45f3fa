package org.laurel.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.laurel.access.Access;
import org.laurel.bloc.BlocView;
import org.laurel.bloc.Blocs;
import org.laurel.indicator.Figures;
import org.laurel.scoring.PactDefinition.Group;
import org.laurel.scoring.Results.Explained;
import org.laurel.scoring.Results.Published;
import org.laurel.scoring.ScoreEngine.Line;
import org.laurel.shared.Flash;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages of the published results: a bloc's latest ranking (table and chart, what moved, and the
 * secretariat's publication of a new version) and the explanation of one unit's points.
 */
@Controller
class RankingPages {

  /** A row of the ranking table, with its classification in the user's language. */
  record RowView(
      int rank, String unit, String name, BigDecimal total, String classification, String label) {}

  /** A group of the pact with its criteria lines of one unit. */
  record GroupView(String code, String name, BigDecimal max, BigDecimal points, List<Line> lines) {}

  private final Results results;
  private final Blocs blocs;
  private final Figures figures;
  private final MessageSource messages;
  private final ExplanationDownloads downloads;
  private final Pacts pacts;
  private final EvidenceFiles evidence;

  RankingPages(
      Results results,
      Blocs blocs,
      Figures figures,
      MessageSource messages,
      ExplanationDownloads downloads,
      Pacts pacts,
      EvidenceFiles evidence) {
    this.pacts = pacts;
    this.evidence = evidence;
    this.downloads = downloads;
    this.results = results;
    this.blocs = blocs;
    this.figures = figures;
    this.messages = messages;
  }

  @GetMapping("/blocs/{id}/ranking")
  String ranking(@PathVariable long id, Model model) {
    BlocView bloc = blocs.get(id);
    Optional<Published> latest = results.latest(id);
    model.addAttribute("bloc", bloc);
    model.addAttribute("published", latest.orElse(null));
    model.addAttribute("publishedAt", latest.map(p -> figures.time(p.publishedAt())).orElse(null));
    model.addAttribute("rows", latest.map(p -> rows(p.rows())).orElse(List.of()));
    ResultsVersion full = latest.map(p -> results.version(p.pact().id(), p.version())).orElse(null);
    model.addAttribute("full", full);
    Map<String, ResultsVersion.UnitResult> byUnit = new LinkedHashMap<>();
    if (full != null) {
      full.rows().forEach(r -> byUnit.put(r.unit(), r));
    }
    model.addAttribute("byUnit", byUnit);
    model.addAttribute(
        "moves",
        latest
            .filter(p -> p.version() > 1)
            .map(p -> results.moves(p.pact().id(), null, null))
            .orElse(null));
    // the pact, for the links to its items and the secretariat's publication
    model.addAttribute(
        "pact", latest.map(Published::pact).orElseGet(() -> pactOf(id).orElse(null)));
    model.addAttribute("maySecretariat", Access.current().role().isSecretariat());
    return "scoring/ranking";
  }

  /**
   * The secretariat publishes the pact's results as a new immutable version (the API's {@code POST
   * /api/v1/pacts/{id}/results}) and sees it on the ranking page with what moved.
   */
  @PostMapping("/pacts/{id}/results")
  String publish(
      @PathVariable long id,
      @org.springframework.web.bind.annotation.RequestParam(required = false)
          @org.jspecify.annotations.Nullable
          String incompleteReason,
      RedirectAttributes redirect) {
    if (!Access.current().role().isSecretariat()) {
      throw org.laurel.shared.ForbiddenException.outOfScope();
    }
    PactView pact = pacts.get(id);
    // back to the top of the page: the flash message, the new version, the link to what moved
    return Flash.after(
        redirect,
        messages,
        LocaleContextHolder.getLocale(),
        "/blocs/" + pact.blocId() + "/ranking",
        () -> {
          String reason =
              incompleteReason == null || incompleteReason.isBlank()
                  ? null
                  : incompleteReason.strip();
          int version = results.publish(id, new ScoringCommands.Publish(reason)).version();
          return msg(
              version > 1 ? "scoring.publish.flash.moved" : "scoring.publish.flash.first", version);
        });
  }

  private Optional<PactView> pactOf(long blocId) {
    try {
      return Optional.of(pacts.ofBloc(blocId));
    } catch (org.laurel.shared.NotFoundException e) {
      return Optional.empty();
    }
  }

  /** The data of the ranking chart: totals by unit, best first. */
  @GetMapping(value = "/blocs/{id}/ranking/chart", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  Map<String, Object> chart(@PathVariable long id) {
    BlocView bloc = blocs.get(id);
    Optional<Published> latest = results.latest(id);
    List<RowView> rows = latest.map(p -> rows(p.rows())).orElse(List.of());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(
        "title", msg("scoring.chart.title", bloc.name(), latest.map(p -> p.version()).orElse(0)));
    out.put("totalLabel", msg("scoring.total"));
    out.put("units", rows.stream().map(RowView::name).toList());
    out.put("codes", rows.stream().map(RowView::unit).toList());
    out.put("totals", rows.stream().map(RowView::total).toList());
    out.put("ranks", rows.stream().map(RowView::rank).toList());
    out.put("classifications", rows.stream().map(RowView::classification).toList());
    out.put("labels", rows.stream().map(RowView::label).toList());
    return out;
  }

  @GetMapping("/pacts/{pactId}/results/{version}/units/{unit}.csv")
  void explanationCsv(
      @PathVariable long pactId,
      @PathVariable int version,
      @PathVariable String unit,
      jakarta.servlet.http.HttpServletResponse res)
      throws java.io.IOException {
    downloads.write(pactId, version, unit, ExplanationExport.Format.CSV, res);
  }

  @GetMapping("/pacts/{pactId}/results/{version}/units/{unit}.xlsx")
  void explanationXlsx(
      @PathVariable long pactId,
      @PathVariable int version,
      @PathVariable String unit,
      jakarta.servlet.http.HttpServletResponse res)
      throws java.io.IOException {
    downloads.write(pactId, version, unit, ExplanationExport.Format.XLSX, res);
  }

  @GetMapping("/pacts/{pactId}/results/{version}/units/{unit}")
  String explanation(
      @PathVariable long pactId,
      @PathVariable int version,
      @PathVariable String unit,
      Model model) {
    Explained e = results.explained(pactId, version, unit);
    PactView pact = e.published().pact();
    PactDefinition def = e.published().definition();
    List<GroupView> groups = new ArrayList<>();
    for (Group g : def.groups()) {
      List<Line> lines =
          e.explanation().criteria().stream().filter(l -> l.group().equals(g.code())).toList();
      BigDecimal points = lines.stream().map(Line::points).reduce(BigDecimal.ZERO, BigDecimal::add);
      groups.add(new GroupView(g.code(), g.name(), g.maxPoints(), points, lines));
    }
    model.addAttribute("pact", pact);
    model.addAttribute("bloc", blocs.get(pact.blocId()));
    model.addAttribute("version", version);
    model.addAttribute("pactVersion", e.published().pactVersion());
    model.addAttribute("publishedAt", figures.time(e.published().publishedAt()));
    model.addAttribute("row", rows(List.of(e.row())).get(0));
    model.addAttribute("count", e.published().rows().size());
    model.addAttribute("groups", groups);
    model.addAttribute("raw", def.normalise() ? e.explanation() : null);
    model.addAttribute("tieBreak", tieBreak(def, e.explanation().tieBreak()));
    model.addAttribute("rules", rules(def));
    model.addAttribute("notes", notes(e.explanation().criteria()));
    // evidence files by round/assessor/criterion, those there when the version was published
    model.addAttribute("evidence", evidence.ofExplanation(pactId, version, unit));
    return "scoring/explanation";
  }

  /** A step of the tie-break chain with its name and this unit's value. */
  record TieBreakView(String code, String name, BigDecimal value) {}

  /** The tie-break values in the pact's order (the stored JSON does not keep it), named. */
  private List<TieBreakView> tieBreak(PactDefinition def, Map<String, BigDecimal> values) {
    Map<String, String> names = new LinkedHashMap<>();
    for (Group g : def.groups()) {
      names.put(g.code(), g.name());
      g.criteria().forEach(c -> names.put(c.code(), c.name()));
    }
    names.put(PactDefinition.COUNCIL, msg("scoring.tieBreak.council"));
    return def.tieBreakChain().stream()
        .filter(values::containsKey)
        .map(t -> new TieBreakView(t, names.getOrDefault(t, t), values.get(t)))
        .toList();
  }

  /** Each indicator criterion's rule in the user's language, by criterion code. */
  private Map<String, String> rules(PactDefinition def) {
    Map<String, String> out = new LinkedHashMap<>();
    for (PactDefinition.Criterion c : def.criteria()) {
      PactDefinition.Rule r = c.rule();
      if (r == null) {
        continue;
      }
      String text;
      if (r.bands() != null && !r.bands().isEmpty()) {
        text =
            msg(
                "scoring.rule.bands",
                r.bands().stream()
                    .sorted(java.util.Comparator.comparing(PactDefinition.Step::from))
                    .map(
                        st ->
                            msg(
                                "scoring.rule.step",
                                figures.number(st.from()),
                                figures.number(st.points())))
                    .collect(java.util.stream.Collectors.joining("; ")));
      } else if (r.fullAt() != null) {
        text =
            msg(
                "scoring.rule.linear",
                figures.number(c.maxPoints()),
                figures.number(r.fullAt()),
                figures.number(
                    r.minusPerPercent() == null ? BigDecimal.ZERO : r.minusPerPercent()));
      } else {
        continue;
      }
      if (r.bonusAbove() != null && r.bonusPoints() != null) {
        text +=
            msg(
                "scoring.rule.bonusText",
                figures.number(r.bonusPoints()),
                figures.number(r.bonusAbove()));
      }
      out.put(c.code(), text);
    }
    return out;
  }

  /** The engine's notes (written in English) in the user's language, by criterion code. */
  private Map<String, String> notes(List<Line> lines) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Line l : lines) {
      String n = l.note();
      if (n == null) {
        continue;
      }
      String text;
      if (n.startsWith("no accepted figure")) {
        text = msg("scoring.note.noFigure");
      } else if (n.startsWith("no submitted scores")) {
        text = msg("scoring.note.noScores");
      } else if (n.startsWith("capped at ")) {
        text = msg("scoring.note.capped", figures.number(l.max()));
      } else {
        text = n;
      }
      out.put(l.criterion(), text);
    }
    return out;
  }

  private List<RowView> rows(List<Ranking.Row> rows) {
    return rows.stream()
        .map(
            r ->
                new RowView(
                    r.rank(),
                    r.unit(),
                    r.name(),
                    r.total(),
                    r.classification(),
                    messages.getMessage(
                        "scoring.class." + r.classification(),
                        null,
                        r.classification(),
                        LocaleContextHolder.getLocale())))
        .toList();
  }

  private String msg(String key, Object... args) {
    return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
  }
}
