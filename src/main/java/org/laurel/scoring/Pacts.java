package org.laurel.scoring;

import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.laurel.access.Access;
import org.laurel.audit.AuditLog;
import org.laurel.bloc.BlocView;
import org.laurel.bloc.Blocs;
import org.laurel.indicator.Summaries;
import org.laurel.organisation.UnitView;
import org.laurel.organisation.Units;
import org.laurel.scoring.PactDefinition.Band;
import org.laurel.scoring.PactDefinition.Criterion;
import org.laurel.scoring.PactDefinition.Group;
import org.laurel.scoring.PactDefinition.Method;
import org.laurel.scoring.PactDefinition.Step;
import org.laurel.scoring.ScoringCommands.CopyPact;
import org.laurel.scoring.ScoringCommands.CopySource;
import org.laurel.scoring.ScoringCommands.NewItem;
import org.laurel.scoring.ScoringCommands.PactChange;
import org.laurel.shared.ConflictException;
import org.laurel.shared.InvalidInputException;
import org.laurel.shared.NotFoundException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/** Pacts: the secretariat writes a bloc's pact while it is a draft; assessment freezes it. */
@Service
@Validated
public class Pacts {

  private final ScoringRepository repo;
  private final Blocs blocs;
  private final Units units;
  private final Summaries summaries;
  private final Access access;
  private final AuditLog audit;
  private final Clock clock;
  private final tools.jackson.databind.json.JsonMapper json;

  Pacts(
      ScoringRepository repo,
      Blocs blocs,
      Units units,
      Summaries summaries,
      Access access,
      AuditLog audit,
      Clock clock,
      tools.jackson.databind.json.JsonMapper json) {
    this.json = json;
    this.repo = repo;
    this.blocs = blocs;
    this.units = units;
    this.summaries = summaries;
    this.access = access;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public PactView get(long id) {
    return repo.pact(id).orElseThrow(() -> new NotFoundException("error.pact.notFound", id));
  }

  @Transactional(readOnly = true)
  public PactView ofBloc(long blocId) {
    BlocView b = blocs.get(blocId);
    return repo.pactOfBloc(blocId)
        .orElseThrow(
            () -> new NotFoundException("error.pact.none", b.code(), Integer.toString(b.year())));
  }

  @Transactional
  public PactView create(long blocId, @Valid PactDefinition def) {
    access.requireSecretariat();
    BlocView b = blocs.get(blocId);
    if (repo.pactOfBloc(blocId).isPresent()) {
      throw new ConflictException("error.pact.exists", b.code(), Integer.toString(b.year()));
    }
    check(def);
    long id = repo.insertPact(blocId, b.year(), def, Access.current().username());
    PactView created = get(id);
    audit.record("pact.created", "pact", Long.toString(id), null, created);
    return created;
  }

  /**
   * A bloc's pact as a draft copy of the template or of last year's pact (same bloc code, year
   * before): signing date and signatories are left for this year; indicator periods of last year
   * move one year on.
   */
  @Transactional
  public PactView copy(long blocId, @Valid CopyPact cmd) {
    access.requireSecretariat();
    BlocView b = blocs.get(blocId);
    if (repo.pactOfBloc(blocId).isPresent()) {
      throw new ConflictException("error.pact.exists", b.code(), Integer.toString(b.year()));
    }
    PactDefinition source =
        switch (cmd.source()) {
          case TEMPLATE -> template();
          case LAST_YEAR -> lastYear(b).definition();
        };
    PactDefinition def = forNextYear(source, cmd.source() == CopySource.LAST_YEAR);
    check(def);
    long id = repo.insertPact(blocId, b.year(), def, Access.current().username());
    PactView created = get(id);
    audit.record(
        "pact.copied", "pact", Long.toString(id), Map.of("source", cmd.source().name()), created);
    return created;
  }

  private PactView lastYear(BlocView b) {
    String year = Integer.toString(b.year() - 1);
    return blocs.list(b.year() - 1).stream()
        .filter(x -> x.code().equals(b.code()))
        .findFirst()
        .flatMap(x -> repo.pactOfBloc(x.id()))
        .orElseThrow(() -> new NotFoundException("error.pact.none", b.code(), year));
  }

  /** The template: a 1,000-point district bloc pact on the catalogue's indicators. */
  PactDefinition template() {
    try (var in = new ClassPathResource(TEMPLATE).getInputStream()) {
      return json.readValue(in, PactDefinition.class);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static final String TEMPLATE = "scoring/pact-template.json";

  private static PactDefinition forNextYear(PactDefinition d, boolean shiftPeriods) {
    List<Group> groups =
        d.groups().stream()
            .map(
                g ->
                    new Group(
                        g.code(),
                        g.name(),
                        g.maxPoints(),
                        g.criteria().stream().map(c -> shiftPeriods ? shifted(c) : c).toList()))
            .toList();
    return new PactDefinition(
        null,
        null,
        groups,
        d.weights(),
        d.classification(),
        d.otherwise(),
        d.tieBreak(),
        d.trimmedMean(),
        d.normalise());
  }

  private static Criterion shifted(Criterion c) {
    if (c.period() == null) {
      return c;
    }
    int y = Integer.parseInt(c.period().substring(0, 4)) + 1;
    return new Criterion(
        c.code(),
        c.name(),
        c.maxPoints(),
        c.method(),
        c.indicator(),
        c.measure(),
        y + c.period().substring(4),
        c.rule());
  }

  @Transactional(readOnly = true)
  public List<PactVersion> versions(long pactId) {
    get(pactId);
    return repo.pactVersions(pactId);
  }

  @Transactional(readOnly = true)
  public PactVersion version(long pactId, int number) {
    PactDefinition def =
        repo.pactDefinition(pactId, number)
            .orElseThrow(() -> new NotFoundException("error.pact.noVersion", pactId, number));
    PactVersion v =
        repo.pactVersions(pactId).stream()
            .filter(x -> x.number() == number)
            .findFirst()
            .orElseThrow();
    return new PactVersion(v.number(), v.createdAt(), v.createdBy(), v.reason(), def);
  }

  /** The definition a version of the pact had. */
  PactDefinition definitionAt(long pactId, int number) {
    return repo.pactDefinition(pactId, number)
        .orElseThrow(() -> new NotFoundException("error.pact.noVersion", pactId, number));
  }

  @Transactional
  public PactView update(long blocId, @Valid PactChange cmd) {
    access.requireSecretariat();
    PactView before = ofBloc(blocId);
    before.requireReasonOnceFrozen(cmd.reason());
    check(cmd.definition());
    if (!before.frozen()) {
      if (repo.updatePact(before.id(), cmd.definition(), cmd.version()) == 0) {
        throw ConflictException.staleVersion();
      }
      PactView after = get(before.id());
      audit.record("pact.updated", "pact", Long.toString(before.id()), before, after);
      return after;
    }
    String reason = cmd.reason().trim();
    if (repo.newPactVersion(
            before.id(), cmd.definition(), cmd.version(), Access.current().username(), reason)
        == 0) {
      throw ConflictException.staleVersion();
    }
    PactView after = get(before.id());
    audit.record(
        "pact.versioned",
        "pact",
        Long.toString(before.id()),
        before,
        Map.of("pact", after, "reason", reason));
    return after;
  }

  /** Freezes the pact when assessment starts (first sheet) or results are published. */
  void freeze(PactView p) {
    if (!p.frozen() && repo.freeze(p.id(), clock.instant())) {
      audit.record(
          "pact.frozen",
          "pact",
          Long.toString(p.id()),
          Map.of("status", "DRAFT"),
          Map.of("status", "ACTIVE"));
    }
  }

  /** A bonus or penalty item; the secretariat records it with its reason. */
  @Transactional
  public Map<String, Object> addItem(long pactId, @Valid NewItem cmd) {
    access.requireSecretariat();
    PactView p = get(pactId);
    Criterion c =
        p.definition().criteria().stream()
            .filter(x -> x.code().equals(cmd.criterion()))
            .findFirst()
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "criterion", "error.pact.unknownCriterion", cmd.criterion()));
    if (c.method() != Method.BONUS && c.method() != Method.PENALTY) {
      throw new InvalidInputException("criterion", "error.item.notItem", c.code());
    }
    UnitView u =
        units
            .find(cmd.unit())
            .orElseThrow(() -> new InvalidInputException("unit", "error.unit.unknown", cmd.unit()));
    if (!blocs.get(p.blocId()).hasMember(u.id())) {
      throw new InvalidInputException("unit", "error.sheet.notMember", u.code(), p.bloc());
    }
    long id =
        repo.insertItem(
            pactId,
            u.id(),
            c.code(),
            cmd.points(),
            cmd.reason().trim(),
            Access.current().username());
    Map<String, Object> view =
        Map.of(
            "id", id,
            "unit", u.code(),
            "criterion", c.code(),
            "points", cmd.points(),
            "reason", cmd.reason().trim());
    audit.record("pact.item", "pact", Long.toString(pactId), null, view);
    return view;
  }

  /** The rules bean validation cannot express; each names the offending field. */
  void check(PactDefinition def) {
    Set<String> groups = new HashSet<>();
    Set<String> criteria = new HashSet<>();
    for (int gi = 0; gi < def.groups().size(); gi++) {
      Group g = def.groups().get(gi);
      String gf = "groups[" + gi + "]";
      if (!groups.add(g.code())) {
        throw new InvalidInputException(gf + ".code", "error.pact.duplicateCode", g.code());
      }
      BigDecimal sum = BigDecimal.ZERO;
      for (int ci = 0; ci < g.criteria().size(); ci++) {
        Criterion c = g.criteria().get(ci);
        String cf = gf + ".criteria[" + ci + "]";
        if (!criteria.add(c.code()) || groups.contains(c.code())) {
          throw new InvalidInputException(cf + ".code", "error.pact.duplicateCode", c.code());
        }
        if (c.method() == Method.INDICATOR) {
          checkIndicator(c, cf);
        } else if (c.indicator() != null || c.rule() != null) {
          throw new InvalidInputException(cf + ".rule", "error.pact.ruleNotIndicator", c.code());
        }
        if (c.method() == Method.INDICATOR || c.method() == Method.MANUAL) {
          sum = sum.add(c.maxPoints());
        }
      }
      if (sum.compareTo(g.maxPoints()) > 0) {
        throw new InvalidInputException(
            gf + ".maxPoints",
            "error.pact.groupOverMax",
            g.code(),
            ScoreEngine.plain(sum),
            ScoreEngine.plain(g.maxPoints()));
      }
    }
    if (def.weights().self().add(def.weights().cross()).add(def.weights().council()).signum()
        == 0) {
      throw new InvalidInputException("weights", "error.pact.noWeight");
    }
    checkClassification(def.classification());
    List<String> chain = def.tieBreakChain();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < chain.size(); i++) {
      String t = chain.get(i);
      if (!PactDefinition.COUNCIL.equals(t) && !groups.contains(t) && !criteria.contains(t)) {
        throw new InvalidInputException("tieBreak[" + i + "]", "error.pact.unknownTieBreak", t);
      }
      if (!seen.add(t)) {
        throw new InvalidInputException("tieBreak[" + i + "]", "error.pact.duplicateTieBreak", t);
      }
    }
  }

  /**
   * Two classifications at the same minimum would leave the label to the order they were listed in;
   * refused on the later one.
   */
  private static void checkClassification(List<Band> bands) {
    for (int j = 0; j < bands.size(); j++) {
      for (int i = 0; i < j; i++) {
        if (bands.get(i).min().compareTo(bands.get(j).min()) == 0) {
          throw new InvalidInputException(
              "classification[" + j + "].min",
              "error.pact.classificationSameMin",
              ScoreEngine.plain(bands.get(j).min()),
              bands.get(i).label(),
              bands.get(j).label());
        }
      }
    }
  }

  /**
   * Bands must never give fewer points for a better result: sorted by threshold (the percentage
   * already points the "better" way, also when lower is better), the points do not fall, and no two
   * bands share a threshold. Each refusal names the later band's field.
   */
  static void checkBands(Criterion c, List<Step> bands, String cf) {
    for (int i = 0; i < bands.size(); i++) {
      if (bands.get(i).points().compareTo(c.maxPoints()) > 0) {
        throw new InvalidInputException(
            cf + ".rule.bands[" + i + "].points",
            "error.pact.bandAboveMax",
            c.code(),
            ScoreEngine.plain(bands.get(i).points()));
      }
    }
    List<Integer> order =
        java.util.stream.IntStream.range(0, bands.size())
            .boxed()
            .sorted(java.util.Comparator.comparing(i -> bands.get(i).from()))
            .toList();
    for (int k = 1; k < order.size(); k++) {
      Step lower = bands.get(order.get(k - 1));
      int j = order.get(k);
      Step higher = bands.get(j);
      if (higher.from().compareTo(lower.from()) == 0) {
        throw new InvalidInputException(
            cf + ".rule.bands[" + j + "].from",
            "error.pact.bandSameFrom",
            c.code(),
            ScoreEngine.plain(higher.from()));
      }
      if (higher.points().compareTo(lower.points()) < 0) {
        throw new InvalidInputException(
            cf + ".rule.bands[" + j + "].points",
            "error.pact.bandsFall",
            c.code(),
            ScoreEngine.plain(higher.from()),
            ScoreEngine.plain(higher.points()),
            ScoreEngine.plain(lower.from()),
            ScoreEngine.plain(lower.points()));
      }
    }
  }

  private void checkIndicator(Criterion c, String cf) {
    if (c.indicator() == null || summaries.indicator(c.indicator()).isEmpty()) {
      throw new InvalidInputException(
          cf + ".indicator", "error.indicator.unknown", String.valueOf(c.indicator()));
    }
    if (c.measure() == null) {
      throw new InvalidInputException(cf + ".measure", "error.pact.measureRequired", c.code());
    }
    if (c.period() != null
        && !c.period().matches("^\\d{4}(-(M(0[1-9]|1[0-2])|Q[1-4]|H[12]|9M))?$")) {
      throw new InvalidInputException(cf + ".period", "error.period.format", c.period());
    }
    var rule = c.rule();
    boolean bands = rule != null && rule.bands() != null && !rule.bands().isEmpty();
    boolean linear = rule != null && rule.fullAt() != null;
    if (bands == linear) {
      throw new InvalidInputException(cf + ".rule", "error.pact.ruleRequired", c.code());
    }
    if (bands) {
      checkBands(c, rule.bands(), cf);
    }
    if ((rule.bonusAbove() == null) != (rule.bonusPoints() == null)) {
      throw new InvalidInputException(
          cf + ".rule.bonusPoints", "error.pact.bonusIncomplete", c.code());
    }
  }
}
