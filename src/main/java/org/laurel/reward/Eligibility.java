package org.laurel.reward;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.laurel.organisation.People;
import org.laurel.organisation.PersonView;
import org.laurel.organisation.Units;
import org.laurel.reward.AwardType.Recipient;
import org.laurel.reward.Disciplines.Discipline;
import org.laurel.reward.Evaluation.ConditionResult;
import org.laurel.reward.InitiativeSource.Recognised;
import org.laurel.reward.RuleSet.Condition;
import org.laurel.shared.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The eligibility engine: a nominee × an award type × a year, judged by the award's rule set (the
 * version in force on 31 December of the year, or a given version) against the award history,
 * discipline records, recognised initiatives and the unit's quota. Every condition gives its
 * evidence. Pure reading: a batch loads its facts in a few queries, then judges in memory.
 */
@Service
public class Eligibility {

  /** A unit's quota for an award in a year, as the rule set in force counts it. */
  public record QuotaReport(
      String unitCode,
      String awardCode,
      int year,
      @Nullable Integer ruleSetVersion,
      @Nullable String baseAward,
      long baseCount,
      @Nullable BigDecimal percent,
      RuleSet.@Nullable Rounding rounding,
      long cap,
      long granted,
      long nominated,
      long remaining,
      boolean binding,
      String evidence) {}

  /** An award the nominee holds: its code, year and the unit it was recorded under. */
  record Held(String code, int year, long unitId) {}

  /** What the engine knows of one nominee. */
  record Facts(
      long unitId,
      String unitCode,
      List<Held> held,
      List<Discipline> disciplines,
      List<Recognised> initiatives) {}

  private final RuleSets ruleSets;
  private final AwardCatalogue catalogue;
  private final AwardHistory history;
  private final AwardRepository awards;
  private final Disciplines disciplines;
  private final InitiativeSource initiatives;
  private final NominationCounts nominations;
  private final People people;
  private final Units units;
  private final JdbcClient jdbc;
  private final MessageSource messages;

  Eligibility(
      RuleSets ruleSets,
      AwardCatalogue catalogue,
      AwardHistory history,
      AwardRepository awards,
      Disciplines disciplines,
      InitiativeSource initiatives,
      NominationCounts nominations,
      People people,
      Units units,
      JdbcClient jdbc,
      MessageSource messages) {
    this.ruleSets = ruleSets;
    this.catalogue = catalogue;
    this.history = history;
    this.awards = awards;
    this.disciplines = disciplines;
    this.initiatives = initiatives;
    this.nominations = nominations;
    this.people = people;
    this.units = units;
    this.jdbc = jdbc;
    this.messages = messages;
  }

  /** The nominee's eligibility under the rule set that judges the year. */
  @Transactional(readOnly = true)
  public Evaluation check(Nominee nominee, String awardCode, int year) {
    return checkAll(List.of(nominee), awardCode, year).get(0);
  }

  /** The same under a given version of the rule set: reproduces an earlier evaluation. */
  @Transactional(readOnly = true)
  public Evaluation check(Nominee nominee, String awardCode, int year, int ruleSetVersion) {
    RuleSet rules = ruleSets.get(awardCode, ruleSetVersion);
    return evaluate(List.of(nominee), catalogue.get(awardCode), year, rules, initiatives).get(0);
  }

  /** A whole list at once, in the list's order. */
  @Transactional(readOnly = true)
  public List<Evaluation> checkAll(List<Nominee> nominees, String awardCode, int year) {
    AwardType type = catalogue.require("awardCode", awardCode);
    RuleSet rules = ruleSets.forYear(awardCode, year).orElse(null);
    return evaluate(nominees, type, year, rules, initiatives);
  }

  /** Evaluation with another initiative source (tests, what-if). */
  List<Evaluation> evaluate(
      List<Nominee> nominees,
      AwardType type,
      int year,
      @Nullable RuleSet rules,
      InitiativeSource source) {
    for (int i = 0; i < nominees.size(); i++) {
      if (nominees.get(i).kind() != type.recipient()) {
        throw new InvalidInputException(
            nominees.size() == 1 ? "nominee" : "nominees[" + i + "]",
            "error.award.recipientMismatch",
            type.code(),
            type.recipient());
      }
    }
    if (rules == null) {
      return nominees.stream()
          .map(n -> new Evaluation(n, type.code(), year, null, null, false, List.of()))
          .toList();
    }
    int span = span(rules, year);
    boolean needsInitiatives =
        rules.definition().conditions().stream()
            .anyMatch(c -> c.type() == RuleSet.Type.INITIATIVES);
    // awards before the rules' window matter only to a minimum interval (when was it last?)
    boolean needsAllYears =
        rules.definition().conditions().stream()
            .anyMatch(c -> c.type() == RuleSet.Type.MIN_INTERVAL);
    int firstYear = needsAllYears ? 0 : year - span + 1;
    Map<String, Facts> facts =
        facts(nominees, type.recipient(), year, span, firstYear, needsInitiatives, source);
    Context ctx = new Context(type, year, rules, LocaleContextHolder.getLocale());
    List<Evaluation> out = new ArrayList<>(nominees.size());
    for (Nominee n : nominees) {
      Facts f = facts.get(n.key());
      List<ConditionResult> results = new ArrayList<>();
      for (Condition c : rules.definition().conditions()) {
        results.add(judge(c, n, f, ctx));
      }
      out.add(
          new Evaluation(
              n,
              type.code(),
              year,
              rules.version(),
              rules.legalBasis(),
              results.stream().allMatch(ConditionResult::met),
              List.copyOf(results)));
    }
    return out;
  }

  /** A unit's quota for an award in a year. */
  @Transactional(readOnly = true)
  public QuotaReport quota(String unitCode, String awardCode, int year) {
    catalogue.require("awardCode", awardCode);
    long unitId = units.get(unitCode).id();
    RuleSet rules = ruleSets.forYear(awardCode, year).orElse(null);
    Condition quota =
        rules == null
            ? null
            : rules.definition().conditions().stream()
                .filter(c -> c.type() == RuleSet.Type.QUOTA)
                .findFirst()
                .orElse(null);
    Context ctx =
        new Context(catalogue.get(awardCode), year, rules, LocaleContextHolder.getLocale());
    long granted = countGranted(unitId, awardCode, year, null);
    long nominated = nominations.nominated(unitId, awardCode, year, null);
    if (quota == null || rules == null) {
      return new QuotaReport(
          unitCode,
          awardCode,
          year,
          rules == null ? null : rules.version(),
          null,
          0,
          null,
          null,
          Long.MAX_VALUE,
          granted,
          nominated,
          Long.MAX_VALUE,
          false,
          ctx.text("eligibility.quota.none", unitCode, Integer.toString(year)));
    }
    String base = quota.awards().get(0);
    long baseCount = awards.countIndividuals(unitId, base, year);
    long cap = cap(baseCount, quota);
    long used = granted + nominated;
    return new QuotaReport(
        unitCode,
        awardCode,
        year,
        rules.version(),
        base,
        baseCount,
        quota.percent(),
        quota.rounding(),
        cap,
        granted,
        nominated,
        Math.max(0, cap - used),
        used >= cap,
        ctx.text(
            "eligibility.quota.report",
            unitCode,
            baseCount,
            ctx.name(base),
            Integer.toString(year),
            cap,
            quota.percent().stripTrailingZeros().toPlainString(),
            ctx.text("eligibility.rounding." + quota.rounding()),
            used));
  }

  static long cap(long baseCount, Condition quota) {
    RoundingMode mode =
        switch (quota.rounding() == null ? RuleSet.Rounding.FLOOR : quota.rounding()) {
          case FLOOR -> RoundingMode.FLOOR;
          case HALF_UP -> RoundingMode.HALF_UP;
          case CEILING -> RoundingMode.CEILING;
        };
    return BigDecimal.valueOf(baseCount)
        .multiply(quota.percent())
        .divide(BigDecimal.valueOf(100), 0, mode)
        .longValueExact();
  }

  // ---- judging one condition

  private ConditionResult judge(Condition c, Nominee n, Facts f, Context ctx) {
    int y = ctx.year;
    return switch (c.type()) {
      case PREREQUISITE -> {
        int count = c.count() == null ? 1 : c.count();
        int window = c.windowOr(count);
        Set<String> codes = Set.copyOf(c.awards());
        TreeSet<Integer> years = new TreeSet<>();
        for (Held h : f.held()) {
          if (codes.contains(h.code()) && h.year() > y - window && h.year() <= y) {
            years.add(h.year());
          }
        }
        boolean consecutive = Boolean.TRUE.equals(c.consecutive());
        boolean met = consecutive ? longestRun(years) >= count : years.size() >= count;
        String names = c.awards().stream().map(ctx::name).collect(Collectors.joining(" / "));
        yield result(
            c,
            met,
            ctx.text(
                consecutive
                    ? "eligibility.prerequisite.consecutive"
                    : "eligibility.prerequisite.any",
                names,
                ctx.years(years),
                count,
                Integer.toString(y - window + 1),
                Integer.toString(y),
                ctx.met(met)));
      }
      case INITIATIVES -> {
        int from = y - c.windowOr(1) + 1;
        List<Recognised> found =
            f.initiatives().stream()
                .filter(i -> i.level().compareTo(c.level()) >= 0)
                .filter(i -> inYears(i.decisionDate(), from, y))
                .toList();
        int count = c.count() == null ? 1 : c.count();
        boolean met = found.size() >= count;
        String list =
            found.isEmpty()
                ? ctx.text("eligibility.none")
                : found.stream()
                    .map(i -> i.title() + " (" + i.decisionDate() + ")")
                    .collect(Collectors.joining("; "));
        yield result(
            c,
            met,
            ctx.text(
                "eligibility.initiatives",
                found.size(),
                ctx.text("eligibility.level." + c.level()),
                Integer.toString(from),
                Integer.toString(y),
                list,
                count,
                ctx.met(met)));
      }
      case NO_DISCIPLINE -> {
        int from = y - c.windowOr(1) + 1;
        List<Discipline> found =
            f.disciplines().stream().filter(d -> inYears(d.decidedOn(), from, y)).toList();
        boolean met = found.isEmpty();
        yield result(
            c,
            met,
            met
                ? ctx.text(
                    "eligibility.discipline.none",
                    Integer.toString(from),
                    Integer.toString(y),
                    ctx.met(true))
                : ctx.text(
                    "eligibility.discipline.found",
                    found.stream()
                        .map(d -> d.form() + " " + d.decidedOn())
                        .collect(Collectors.joining("; ")),
                    ctx.met(false)));
      }
      case QUOTA -> {
        if (n.kind() != Recipient.INDIVIDUAL) {
          yield result(c, true, ctx.text("eligibility.quota.notApplicable"));
        }
        String base = c.awards().get(0);
        long unitId =
            f.held().stream()
                .filter(h -> h.year() == y && h.code().equals(base))
                .mapToLong(Held::unitId)
                .findFirst()
                .orElse(f.unitId());
        long baseCount =
            ctx.baseCounts.computeIfAbsent(unitId, u -> awards.countIndividuals(u, base, y));
        long cap = cap(baseCount, c);
        long others =
            countGranted(unitId, ctx.type.code(), y, n.personId())
                + nominations.nominated(unitId, ctx.type.code(), y, n.personId());
        boolean met = others + 1 <= cap;
        yield result(
            c,
            met,
            ctx.text(
                "eligibility.quota",
                unitCode(unitId, f),
                baseCount,
                ctx.name(base),
                Integer.toString(y),
                cap,
                c.percent().stripTrailingZeros().toPlainString(),
                ctx.text("eligibility.rounding." + c.rounding()),
                others,
                ctx.met(met)));
      }
      case MIN_INTERVAL -> {
        int window = c.windowOr(1);
        Set<String> codes = c.awards() == null ? Set.of(ctx.type.code()) : Set.copyOf(c.awards());
        int last =
            f.held().stream()
                .filter(h -> codes.contains(h.code()) && h.year() < y)
                .mapToInt(Held::year)
                .max()
                .orElse(Integer.MIN_VALUE);
        boolean met = last == Integer.MIN_VALUE || y - last >= window;
        String names = codes.stream().sorted().map(ctx::name).collect(Collectors.joining(" / "));
        yield result(
            c,
            met,
            last == Integer.MIN_VALUE
                ? ctx.text("eligibility.interval.never", names, ctx.met(true))
                : ctx.text(
                    "eligibility.interval", names, Integer.toString(last), window, ctx.met(met)));
      }
      case ONE_ACHIEVEMENT -> {
        List<String> same =
            f.held().stream()
                .filter(h -> h.year() == y)
                .map(h -> ctx.types.get(h.code()))
                .filter(
                    t ->
                        t != null
                            && (t.code().equals(ctx.type.code())
                                || (t.form() == ctx.type.form() && t.level() == ctx.type.level())))
                .map(t -> t.name(ctx.locale))
                .distinct()
                .toList();
        boolean met = same.isEmpty();
        yield result(
            c,
            met,
            met
                ? ctx.text("eligibility.oneAchievement.none", Integer.toString(y), ctx.met(true))
                : ctx.text(
                    "eligibility.oneAchievement.found",
                    String.join("; ", same),
                    Integer.toString(y),
                    ctx.met(false)));
      }
    };
  }

  private String unitCode(long unitId, Facts f) {
    if (unitId == f.unitId() && !f.unitCode().isEmpty()) {
      return f.unitCode();
    }
    return units.findById(unitId).map(u -> u.code()).orElse("#" + unitId);
  }

  private static ConditionResult result(Condition c, boolean met, String evidence) {
    return new ConditionResult(c.type(), met, evidence, c.source());
  }

  private static boolean inYears(LocalDate day, int from, int to) {
    return day.getYear() >= from && day.getYear() <= to;
  }

  static int longestRun(TreeSet<Integer> years) {
    int best = 0;
    int run = 0;
    Integer prev = null;
    for (int y : years) {
      run = prev != null && y == prev + 1 ? run + 1 : 1;
      best = Math.max(best, run);
      prev = y;
    }
    return best;
  }

  /** How many years back the rule set looks. */
  private static int span(RuleSet rules, int year) {
    int span = 1;
    for (Condition c : rules.definition().conditions()) {
      span = Math.max(span, c.windowOr(c.count() == null ? 1 : c.count()));
    }
    return span;
  }

  private long countGranted(long unitId, String awardCode, int year, @Nullable Long exceptPerson) {
    return jdbc.sql(
            """
            select count(*) from award where unit_id = ? and award_code = ? and year = ?
              and revoked_by_decision is null and superseded_by_decision is null
              and person_id is not null and person_id is distinct from ?""")
        .params(unitId, awardCode, year, exceptPerson)
        .query(Long.class)
        .single();
  }

  // ---- loading the facts of a batch

  private Map<String, Facts> facts(
      List<Nominee> nominees,
      Recipient kind,
      int year,
      int span,
      int firstYear,
      boolean needsInitiatives,
      InitiativeSource source) {
    LocalDate from = LocalDate.of(year - span + 1, 1, 1);
    LocalDate to = LocalDate.of(year, 12, 31);
    Map<String, Facts> out = new HashMap<>();
    switch (kind) {
      case INDIVIDUAL -> {
        Set<Long> ids = new LinkedHashSet<>();
        for (Nominee n : nominees) {
          if (n.personId() == null) {
            throw new InvalidInputException("personId", "error.award.personRequired");
          }
          ids.add(n.personId());
        }
        Map<Long, List<Held>> held = new HashMap<>();
        Map<Long, Long> unitOf = new HashMap<>();
        jdbc.sql(
                """
                select person_id, award_code, year, unit_id from award
                where person_id = any(?) and year between ? and ?
                  and revoked_by_decision is null and superseded_by_decision is null""")
            .params(longArray(ids), firstYear, year)
            .query(
                rs -> {
                  long p = rs.getLong(1);
                  held.computeIfAbsent(p, k -> new ArrayList<>())
                      .add(new Held(rs.getString(2), rs.getInt(3), rs.getLong(4)));
                  if (rs.getInt(3) == year) {
                    unitOf.putIfAbsent(p, rs.getLong(4));
                  }
                });
        Map<Long, List<Discipline>> disc = new HashMap<>();
        for (Discipline d : disciplines.ofPeople(ids, from, to)) {
          disc.computeIfAbsent(d.personId(), k -> new ArrayList<>()).add(d);
        }
        // one query for the whole batch in the movement module, only when the rules ask for them
        Map<Long, List<Recognised>> inits =
            needsInitiatives ? source.recognisedFor(ids, from, to) : Map.of();
        for (long id : ids) {
          Long unitId = unitOf.get(id);
          String unitCode = null;
          if (unitId == null) {
            PersonView p =
                people
                    .find(id)
                    .orElseThrow(
                        () -> new InvalidInputException("personId", "error.person.notFound", id));
            var u = units.get(p.unitCode());
            unitId = u.id();
            unitCode = u.code();
          }
          out.put(
              "P" + id,
              new Facts(
                  unitId,
                  unitCode == null ? "" : unitCode,
                  held.getOrDefault(id, List.of()),
                  disc.getOrDefault(id, List.of()),
                  inits.getOrDefault(id, List.of())));
        }
      }
      case COLLECTIVE, HOUSEHOLD -> {
        for (Nominee n : nominees) {
          if (n.unitCode() == null) {
            throw new InvalidInputException("unitCode", "error.award.unitRequired");
          }
          var unit =
              units
                  .find(n.unitCode())
                  .orElseThrow(
                      () ->
                          new InvalidInputException(
                              "unitCode", "error.unit.unknown", n.unitCode()));
          Set<Long> lineage = history.lineage(unit.id());
          List<Held> held =
              jdbc.sql(
                      """
                      select award_code, year, unit_id from award
                      where unit_id = any(?) and year between ? and ? and recipient = ?
                        and revoked_by_decision is null and superseded_by_decision is null
                        and coalesce(household_name, '') = coalesce(?, '')""")
                  .params(longArray(lineage), firstYear, year, kind.name(), n.householdName())
                  .query((rs, i) -> new Held(rs.getString(1), rs.getInt(2), rs.getLong(3)))
                  .list();
          List<Discipline> disc =
              kind == Recipient.COLLECTIVE ? disciplines.ofUnits(lineage, from, to) : List.of();
          out.put(n.key(), new Facts(unit.id(), unit.code(), held, disc, List.of()));
        }
      }
    }
    return out;
  }

  private static Long[] longArray(Set<Long> ids) {
    return ids.toArray(Long[]::new);
  }

  /** Per-evaluation context: the award, year, rules, language and caches. */
  private final class Context {
    final AwardType type;
    final int year;
    final @Nullable RuleSet rules;
    final Locale locale;
    final Map<String, AwardType> types = new HashMap<>();
    final Map<Long, Long> baseCounts = new HashMap<>();

    Context(AwardType type, int year, @Nullable RuleSet rules, Locale locale) {
      this.type = type;
      this.year = year;
      this.rules = rules;
      this.locale = locale;
      for (AwardType t : catalogue.types()) {
        types.put(t.code(), t);
      }
    }

    String name(String code) {
      AwardType t = types.get(code);
      return t == null ? code : t.name(locale);
    }

    String met(boolean met) {
      return text(met ? "eligibility.met" : "eligibility.notMet");
    }

    String years(Set<Integer> years) {
      return years.isEmpty()
          ? text("eligibility.none")
          : years.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /**
     * A message in the evaluation's language. Each key is looked up once per evaluation (a lookup
     * walks every bundle of the application) and its pattern formatted as the message source would:
     * raw text without arguments, {@link java.text.MessageFormat} with them.
     */
    String text(String key, Object... args) {
      if (args.length == 0) {
        return texts.computeIfAbsent(key, k -> messages.getMessage(k, null, k, locale));
      }
      java.text.MessageFormat format =
          formats.computeIfAbsent(
              key,
              k -> {
                String pattern = messages.getMessage(k, null, null, locale);
                return pattern == null ? null : new java.text.MessageFormat(pattern, locale);
              });
      return format == null ? messages.getMessage(key, args, key, locale) : format.format(args);
    }

    private final Map<String, String> texts = new HashMap<>();
    private final Map<String, java.text.@Nullable MessageFormat> formats = new HashMap<>();
  }
}
