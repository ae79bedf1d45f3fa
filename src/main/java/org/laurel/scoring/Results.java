package org.laurel.scoring;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.laurel.access.Access;
import org.laurel.audit.AuditLog;
import org.laurel.bloc.BlocView;
import org.laurel.bloc.BlocView.UnitRef;
import org.laurel.bloc.Blocs;
import org.laurel.indicator.BlocSummary;
import org.laurel.indicator.Indicator;
import org.laurel.indicator.Period;
import org.laurel.indicator.Summaries;
import org.laurel.scoring.PactDefinition.Criterion;
import org.laurel.scoring.PactDefinition.Method;
import org.laurel.scoring.PactDefinition.Round;
import org.laurel.scoring.ScoreEngine.Figures;
import org.laurel.scoring.ScoreEngine.Result;
import org.laurel.scoring.ScoreEngine.UnitIn;
import org.laurel.scoring.ScoringCommands.Publish;
import org.laurel.shared.ConflictException;
import org.laurel.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Computes a pact's results from its accepted indicator figures, submitted sheets and items, and
 * publishes them as an immutable version (n + 1) with every unit's explanation.
 */
@Service
public class Results {

  private final ScoringRepository repo;
  private final Pacts pacts;
  private final Blocs blocs;
  private final Summaries summaries;
  private final Access access;
  private final AuditLog audit;
  private final Clock clock;
  private final JsonMapper json;
  private final org.springframework.context.ApplicationEventPublisher events;

  Results(
      ScoringRepository repo,
      Pacts pacts,
      Blocs blocs,
      Summaries summaries,
      Access access,
      AuditLog audit,
      Clock clock,
      JsonMapper json,
      org.springframework.context.ApplicationEventPublisher events) {
    this.events = events;
    this.repo = repo;
    this.json = json;
    this.pacts = pacts;
    this.blocs = blocs;
    this.summaries = summaries;
    this.access = access;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * The smallest change in one criterion, or one indicator's figure for one period, that brings the
   * unit to the target rank, everything else as submitted now. The period may be left out when the
   * pact uses the indicator for one period only; a criterion linked to an indicator names both.
   */
  @Transactional(readOnly = true)
  WhatIf.Answer whatIf(
      long pactId,
      String unit,
      int targetRank,
      @org.jspecify.annotations.Nullable String criterion,
      @org.jspecify.annotations.Nullable String indicator,
      @org.jspecify.annotations.Nullable String period) {
    PactView pact = pacts.get(pactId);
    BlocView bloc = blocs.get(pact.blocId());
    if (bloc.members().stream().noneMatch(m -> m.code().equals(unit))) {
      throw new org.laurel.shared.InvalidInputException("unit", "error.whatIf.unit", unit);
    }
    if (targetRank < 1 || targetRank > bloc.members().size()) {
      throw new org.laurel.shared.InvalidInputException(
          "rank", "error.whatIf.rank", bloc.members().size());
    }
    if ((criterion == null) == (indicator == null)) {
      throw new org.laurel.shared.InvalidInputException("criterion", "error.whatIf.one");
    }
    if (indicator != null) {
      List<String> periods =
          pact.definition().criteria().stream()
              .filter(c -> c.method() == Method.INDICATOR && indicator.equals(c.indicator()))
              .map(c -> WhatIf.periodOf(c, pact.year()))
              .distinct()
              .sorted()
              .toList();
      if (periods.isEmpty()) {
        throw new org.laurel.shared.InvalidInputException(
            "indicator", "error.whatIf.indicator", indicator);
      }
      if (period == null ? periods.size() > 1 : !periods.contains(period)) {
        throw new org.laurel.shared.InvalidInputException(
            "period", "error.whatIf.period", indicator, String.join(", ", periods));
      }
      String p = period == null ? periods.get(0) : period;
      return WhatIf.indicator(visibleInputs(pact, bloc), unit, targetRank, indicator, p);
    }
    Criterion c =
        pact.definition().criteria().stream()
            .filter(x -> x.code().equals(criterion))
            .findFirst()
            .orElseThrow(
                () ->
                    new org.laurel.shared.InvalidInputException(
                        "criterion", "error.whatIf.criterion", criterion));
    boolean linked = c.method() == Method.INDICATOR && c.indicator() != null;
    String own = linked ? WhatIf.periodOf(c, pact.year()) : null;
    if (period != null && !period.equals(own)) {
      // a criterion names its own period; another one would not be what is computed
      throw new org.laurel.shared.InvalidInputException(
          "period", "error.whatIf.criterionPeriod", criterion, own == null ? "–" : own);
    }
    ScoreEngine.Inputs in = visibleInputs(pact, bloc);
    if (linked) {
      return WhatIf.indicator(in, unit, targetRank, c.indicator(), own);
    }
    if (c.method() != Method.MANUAL) {
      throw new org.laurel.shared.InvalidInputException(
          "criterion", "error.whatIf.criterion", criterion);
    }
    return WhatIf.criterion(in, unit, targetRank, c);
  }

  /**
   * The collusion and outlier signals of the pact's cross round (the council's scores of a unit
   * count as one more reference), for the secretariat only; the rule is in {@link CollusionSignal}.
   */
  @Transactional(readOnly = true)
  CollusionSignal.Signals signals(long pactId) {
    access.requireSecretariat();
    PactView pact = pacts.get(pactId);
    java.util.Map<String, java.math.BigDecimal> max = new java.util.HashMap<>();
    pact.definition()
        .groups()
        .forEach(g -> g.criteria().forEach(c -> max.put(c.code(), c.maxPoints())));
    return CollusionSignal.compute(repo.submittedMarks(pactId), max);
  }

  /** Publishes version n + 1 of a pact whose expected sheets are all submitted. */
  @Transactional
  public Ranking publish(long pactId) {
    return publish(pactId, new Publish(null));
  }

  /**
   * Computes and publishes version n + 1. While an expected sheet of a weighted round is not
   * submitted (self: each member; cross: each member for each other member; council: each member)
   * it is refused (409, naming how many are missing per round, nothing written) unless {@code
   * incompleteReason} says why to publish anyway; that reason is kept with the version and audited.
   * A publication of the same pact already under way is a conflict (409), never a second version
   * computed from the same state nor a 500.
   */
  @Transactional
  public Ranking publish(long pactId, Publish cmd) {
    access.requireSecretariat();
    pacts.get(pactId);
    if (!repo.tryLock(pactId)) {
      throw new org.laurel.shared.ConflictException("error.results.publishing", pactId);
    }
    PactView pact = pacts.get(pactId);
    BlocView bloc = blocs.get(pact.blocId());
    Map<Round, int[]> missing = missing(pact, bloc);
    boolean incomplete = missing.values().stream().anyMatch(m -> m[0] > 0);
    String reason =
        cmd.incompleteReason() == null || cmd.incompleteReason().isBlank()
            ? null
            : cmd.incompleteReason().trim();
    if (incomplete && reason == null) {
      List<Object> args = new ArrayList<>();
      for (int[] m : missing.values()) {
        args.add(m[0]);
        args.add(m[1]);
      }
      throw new org.laurel.shared.ConflictException("error.results.incomplete", args.toArray());
    }
    String kept = incomplete ? reason : null;
    List<Result> results = ScoreEngine.compute(inputs(pact, bloc));
    pacts.freeze(pact);
    int version = repo.lastVersion(pactId) + 1;
    repo.insertVersion(
        pactId,
        version,
        pact.definitionVersion(),
        clock.instant(),
        Access.current().username(),
        kept);
    Map<String, Long> ids = new HashMap<>();
    bloc.members().forEach(m -> ids.put(m.code(), m.id()));
    for (Result r : results) {
      repo.insertRow(pactId, version, ids.get(r.unit()), r);
    }
    Ranking published = new Ranking(pact.year(), version, repo.rows(pactId, version));
    Map<String, Object> audited = new java.util.LinkedHashMap<>();
    audited.put("year", published.year());
    audited.put("version", published.version());
    audited.put("rows", published.rows());
    if (kept != null) {
      audited.put("incompleteReason", kept);
      Map<String, Object> notSubmitted = new java.util.LinkedHashMap<>();
      missing.forEach((r, m) -> notSubmitted.put(r.name(), m[0]));
      audited.put("notSubmitted", notSubmitted);
    }
    audit.record("results.published", "pact", Long.toString(pactId), null, audited);
    events.publishEvent(
        new ResultsPublished(
            pactId,
            bloc.id(),
            bloc.code(),
            pact.year(),
            version,
            pact.definitionVersion(),
            repo.publishedAt(pactId, version).orElseThrow()));
    return published;
  }

  /**
   * Per round (in round order) how many expected sheets are not submitted and how many are
   * expected; a round without weight expects none. A submitted recusal counts as submitted.
   */
  private Map<Round, int[]> missing(PactView pact, BlocView bloc) {
    java.util.Set<String> submitted = new java.util.HashSet<>();
    for (SheetView.Progress p : repo.progress(pact.id())) {
      if (p.status() == SheetView.Status.SUBMITTED) {
        submitted.add(p.round() + "/" + p.assessor() + "/" + p.assessed());
      }
    }
    Map<Round, int[]> out = new java.util.EnumMap<>(Round.class);
    for (Round r : Round.values()) {
      int[] m = new int[2];
      if (pact.definition().weights().of(r).signum() > 0) {
        for (UnitRef assessed : bloc.members()) {
          List<String> assessors =
              switch (r) {
                case SELF -> List.of(assessed.code());
                case CROSS ->
                    bloc.members().stream()
                        .map(UnitRef::code)
                        .filter(c -> !c.equals(assessed.code()))
                        .toList();
                case COUNCIL -> List.of(PactDefinition.COUNCIL);
              };
          for (String a : assessors) {
            m[1]++;
            if (!submitted.contains(r + "/" + a + "/" + assessed.code())) {
              m[0]++;
            }
          }
        }
      }
      out.put(r, m);
    }
    return out;
  }

  /**
   * What moved between two published versions; {@code to} defaults to the latest, {@code from} to
   * the one before it.
   */
  @Transactional(readOnly = true)
  public Moves moves(
      long pactId,
      @org.jspecify.annotations.Nullable Integer from,
      @org.jspecify.annotations.Nullable Integer to) {
    PactView pact = pacts.get(pactId);
    int last = repo.lastVersion(pactId);
    int t = to == null ? last : to;
    int f = from == null ? t - 1 : from;
    for (var v : new Object[][] {{"from", f}, {"to", t}}) {
      int n = (Integer) v[1];
      if (n < 1 || n > last) {
        throw new org.laurel.shared.InvalidInputException(
            (String) v[0], "error.results.noVersion", n, pact.bloc(), last);
      }
    }
    return Moves.between(pactId, f, t, repo.rows(pactId, f), repo.rows(pactId, t));
  }

  /** A unit's explanation of a published version as rows of the export. */
  @Transactional(readOnly = true)
  List<List<@org.jspecify.annotations.Nullable Object>> exportRows(
      long pactId,
      int version,
      String unit,
      java.util.function.Supplier<Map<String, List<SheetView.Attachment>>> files) {
    Explained x = explained(pactId, version, unit);
    // files only once the explanation was found and may be read
    return ExplanationExport.rows(
        x.explanation(), x.row().rank(), x.published().definition().tieBreakChain(), files.get());
  }

  /** The latest published ranking of the bloc (or of the bloc with its code in {@code year}). */
  @Transactional(readOnly = true)
  public Ranking ranking(long blocId, int year) {
    Optional<Ranking> published = repo.latestRanking(blocId, year);
    if (published.isPresent()) {
      return published.get();
    }
    // only on the way to a 404: say which bloc and year have nothing published
    BlocView b = blocs.get(blocId);
    throw new NotFoundException("error.ranking.none", b.code(), Integer.toString(year));
  }

  @Transactional(readOnly = true)
  public JsonNode explanation(long pactId, int version, String unit) {
    pacts.get(pactId);
    return repo.explanation(pactId, version, unit)
        .orElseThrow(() -> new NotFoundException("error.result.notFound", pactId, version, unit));
  }

  /** A published version in full: raw beside normalised results, disagreement per criterion. */
  @Transactional(readOnly = true)
  public ResultsVersion version(long pactId, int version) {
    PactView pact = pacts.get(pactId);
    Instant at =
        repo.publishedAt(pactId, version)
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "error.ranking.none", pact.bloc(), Integer.toString(pact.year())));
    return full(pact, version, at);
  }

  private ResultsVersion full(PactView pact, int version, Instant at) {
    int pactVersion = repo.pactVersionOf(pact.id(), version);
    PactDefinition def = pacts.definitionAt(pact.id(), pactVersion);
    List<String> manual =
        def.criteria().stream()
            .filter(c -> c.method() == Method.MANUAL)
            .map(Criterion::code)
            .toList();
    List<ResultsVersion.UnitResult> rows = repo.versionRows(pact.id(), version);
    return new ResultsVersion(
        pact.id(),
        version,
        pactVersion,
        at,
        def.normalise(),
        manual,
        rows,
        repo.incompleteReason(pact.id(), version).orElse(null));
  }

  /** A published version of a pact's results, as the ranking page shows it. */
  record Published(
      PactView pact,
      int version,
      Instant publishedAt,
      List<Ranking.Row> rows,
      int pactVersion,
      PactDefinition definition,
      @org.jspecify.annotations.Nullable String incompleteReason) {}

  /** One unit's row of a published version with its explanation. */
  record Explained(Published published, Ranking.Row row, ScoreEngine.Explanation explanation) {}

  /** The latest published version of the bloc's pact; empty when nothing is published yet. */
  @Transactional(readOnly = true)
  Optional<Published> latest(long blocId) {
    blocs.get(blocId);
    return repo.pactOfBloc(blocId)
        .flatMap(
            p -> {
              int v = repo.lastVersion(p.id());
              return v == 0 ? Optional.empty() : Optional.of(published(p, v));
            });
  }

  @Transactional(readOnly = true)
  Explained explained(long pactId, int version, String unit) {
    PactView pact = pacts.get(pactId);
    JsonNode node =
        repo.explanation(pactId, version, unit)
            .orElseThrow(
                () -> new NotFoundException("error.result.notFound", pactId, version, unit));
    Published p = published(pact, version);
    Ranking.Row row =
        p.rows().stream()
            .filter(r -> r.unit().equals(unit))
            .findFirst()
            .orElseThrow(
                () -> new NotFoundException("error.result.notFound", pactId, version, unit));
    return new Explained(p, row, json.treeToValue(node, ScoreEngine.Explanation.class));
  }

  private Published published(PactView pact, int version) {
    Instant at =
        repo.publishedAt(pact.id(), version)
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "error.ranking.none", pact.bloc(), Integer.toString(pact.year())));
    int pactVersion = repo.pactVersionOf(pact.id(), version);
    return new Published(
        pact,
        version,
        at,
        repo.rows(pact.id(), version),
        pactVersion,
        pacts.definitionAt(pact.id(), pactVersion),
        repo.incompleteReason(pact.id(), version).orElse(null));
  }

  /** Everything the engine needs, read once. */
  /**
   * The inputs a what-if may start from for the current user. The secretariat works on everything
   * submitted now. Anyone else only while that still gives the latest published version's totals
   * and ranks: otherwise the answers would reveal standings nobody has published yet (scores
   * submitted, reopened or items added since, or no version at all).
   */
  private ScoreEngine.Inputs visibleInputs(PactView pact, BlocView bloc) {
    ScoreEngine.Inputs in = inputs(pact, bloc);
    if (Access.current().role().isSecretariat()) {
      return in;
    }
    int last = repo.lastVersion(pact.id());
    Map<String, Ranking.Row> published = new HashMap<>();
    if (last > 0) {
      repo.rows(pact.id(), last).forEach(r -> published.put(r.unit(), r));
    }
    List<Result> now = ScoreEngine.compute(in);
    boolean same =
        last > 0
            && now.size() == published.size()
            && now.stream()
                .allMatch(
                    r -> {
                      Ranking.Row p = published.get(r.unit());
                      return p != null
                          && p.rank() == r.rank()
                          && p.total().compareTo(r.total()) == 0;
                    });
    if (!same) {
      throw new ConflictException("error.whatIf.unpublished", pact.bloc());
    }
    return in;
  }

  ScoreEngine.Inputs inputs(PactView pact, BlocView bloc) {
    Map<String, Map<String, Figures>> figures = new HashMap<>();
    Map<String, BlocSummary> byPeriod = new HashMap<>();
    for (Criterion c : pact.definition().criteria()) {
      if (c.method() != Method.INDICATOR || c.indicator() == null) {
        continue;
      }
      String period = c.period() == null ? Integer.toString(pact.year()) : c.period();
      BlocSummary s =
          byPeriod.computeIfAbsent(
              period, p -> summaries.bloc(bloc.id(), Period.of(p), Locale.ENGLISH));
      s.indicators().stream()
          .filter(i -> i.indicator().equals(c.indicator()))
          .findFirst()
          .ifPresent(
              i -> {
                for (BlocSummary.MemberFigures m : i.members()) {
                  figures
                      .computeIfAbsent(m.unit(), k -> new HashMap<>())
                      .put(
                          c.code(),
                          new Figures(
                              m.value(),
                              m.estimate(),
                              m.samePeriodLastYear(),
                              i.direction() == Indicator.Direction.LOWER));
                }
              });
    }
    List<UnitIn> units = new ArrayList<>();
    for (UnitRef m : bloc.members()) {
      units.add(new UnitIn(m.code(), m.name()));
    }
    return new ScoreEngine.Inputs(
        pact.definition(),
        pact.year(),
        units,
        figures,
        repo.submittedMarks(pact.id()),
        repo.items(pact.id()));
  }
}
