package org.laurel.indicator;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.laurel.access.Access;
import org.laurel.access.Actor;
import org.laurel.access.Role;
import org.laurel.audit.AuditLog;
import org.laurel.bloc.BlocView;
import org.laurel.bloc.Blocs;
import org.laurel.indicator.IndicatorRepository.Key;
import org.laurel.indicator.ValidationIssue.Severity;
import org.laurel.organisation.UnitView;
import org.laurel.organisation.Units;
import org.laurel.shared.ConflictException;
import org.laurel.shared.ForbiddenException;
import org.laurel.shared.InvalidInputException;
import org.laurel.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Periodic reports and their workflow: draft → submitted → accepted, or returned with a reason.
 * Locked once accepted or past the deadline, unless the secretariat reopens it. Every step audited.
 */
@Service
@Validated
public class Reports {

  /** Values entered for a report: indicator code → value (and a comment where a warning asks). */
  public record Entry(
      Map<String, @Nullable BigDecimal> values,
      Map<String, String> comments,
      @PositiveOrZero int version) {}

  public record Decision(@Nullable @Size(max = 2000) String reason, @PositiveOrZero int version) {}

  public record Reopen(@NotBlank @Size(max = 2000) String reason, @PositiveOrZero int version) {}

  /** Thrown when submission finds errors, or warnings without a comment. */
  public static class ValidationFailed extends InvalidInputException {
    private final List<ValidationIssue> issues;

    ValidationFailed(List<ValidationIssue> issues) {
      super("values", "error.report.invalid", issues.size());
      this.issues = List.copyOf(issues);
    }

    public List<ValidationIssue> issues() {
      return issues;
    }
  }

  private final ReportRepository repo;
  private final IndicatorRepository indicators;
  private final Units units;
  private final Blocs blocs;
  private final Access access;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  Reports(
      ReportRepository repo,
      IndicatorRepository indicators,
      Units units,
      Blocs blocs,
      Access access,
      AuditLog audit,
      ApplicationEventPublisher events,
      Clock clock) {
    this.repo = repo;
    this.indicators = indicators;
    this.units = units;
    this.blocs = blocs;
    this.access = access;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public ReportView get(String unitCode, String period, Locale locale) {
    UnitView unit = unit(unitCode);
    Period p = period(period);
    var row = repo.find(unit.id(), p.toString());
    Map<Long, ReportRepository.Value> values = row.map(r -> repo.values(r.id())).orElse(Map.of());
    Map<Key, BigDecimal> lastYear =
        indicators.acceptedValues(
            List.of(unit.id()),
            p.year() - 1,
            p.startMonth(),
            p.endMonth(),
            p.samePeriodLastYear().toString());
    Map<Key, BigDecimal> estimates = indicators.estimates(List.of(unit.id()), p.year());
    List<ReportView.Line> lines = new ArrayList<>();
    for (Indicator i : indicators.all()) {
      ReportRepository.Value v = values.get(i.id());
      lines.add(
          new ReportView.Line(
              i.code(),
              i.name(locale),
              i.measure(),
              i.required(),
              v == null ? null : v.value(),
              v == null ? null : v.comment(),
              lastYear.get(new Key(unit.id(), i.id())),
              estimates.get(new Key(unit.id(), i.id()))));
    }
    LocalDate due = repo.dueDate(unit.id(), p).orElse(null);
    return row.map(
            r ->
                new ReportView(
                    r.id(),
                    unit.code(),
                    unit.name(),
                    r.period(),
                    r.status(),
                    r.source(),
                    r.submittedAt(),
                    r.submittedBy(),
                    r.decidedAt(),
                    r.decidedBy(),
                    r.reason(),
                    r.reopened(),
                    due,
                    locked(r, due),
                    lines,
                    r.version()))
        .orElse(
            new ReportView(
                null,
                unit.code(),
                unit.name(),
                p.toString(),
                ReportView.Status.DRAFT,
                ReportView.Source.ENTRY,
                null,
                null,
                null,
                null,
                null,
                false,
                due,
                due != null && LocalDate.now(clock).isAfter(due),
                lines,
                0));
  }

  /** Saves the values as a draft (creating the report on first save). */
  @Transactional
  public ReportView save(String unitCode, String period, @Valid Entry entry, Locale locale) {
    UnitView unit = unit(unitCode);
    access.requireUnitData(unit.id());
    Period p = period(period);
    Map<Long, ReportRepository.Value> values = resolve(entry);
    var existing = repo.find(unit.id(), p.toString());
    long id;
    Map<Long, ReportRepository.Value> before = Map.of();
    if (existing.isEmpty()) {
      if (entry.version() != 0) {
        throw ConflictException.staleVersion();
      }
      LocalDate due = repo.dueDate(unit.id(), p).orElse(null);
      if (due != null && LocalDate.now(clock).isAfter(due)) {
        throw new ConflictException("error.report.pastDeadline", p.toString(), due.toString());
      }
      id = repo.insertDraft(unit.id(), p);
    } else {
      ReportRepository.Row r = existing.get();
      requireEditable(r, unit, p);
      if (!repo.touch(r.id(), entry.version())) {
        throw ConflictException.staleVersion();
      }
      id = r.id();
      before = repo.values(id);
    }
    repo.replaceValues(id, values);
    audit.record("report.saved", "report", unit.code() + "/" + p, codes(before), codes(values));
    return get(unit.code(), p.toString(), locale);
  }

  /** Checks the report against the rules without changing it. */
  @Transactional(readOnly = true)
  public List<ValidationIssue> check(String unitCode, String period) {
    UnitView unit = unit(unitCode);
    Period p = period(period);
    var r = repo.find(unit.id(), p.toString()).orElseThrow(() -> notFound(unit, p));
    return validate(unit, p, repo.values(r.id()));
  }

  @Transactional
  public ReportView submit(String unitCode, String period, @Valid Decision d, Locale locale) {
    UnitView unit = unit(unitCode);
    Actor actor = access.requireUnitData(unit.id());
    Period p = period(period);
    ReportRepository.Row r =
        repo.find(unit.id(), p.toString()).orElseThrow(() -> notFound(unit, p));
    requireEditable(r, unit, p);
    Map<Long, ReportRepository.Value> values = repo.values(r.id());
    List<ValidationIssue> blocking =
        validate(unit, p, values).stream()
            .filter(i -> i.severity() == Severity.ERROR || !hasComment(values, i.indicator()))
            .toList();
    if (!blocking.isEmpty()) {
      throw new ValidationFailed(blocking);
    }
    move(r, d.version(), ReportView.Status.SUBMITTED, actor, null, true, false, "report.submitted");
    return get(unitCode, period, locale);
  }

  @Transactional
  public ReportView accept(String unitCode, String period, @Valid Decision d, Locale locale) {
    UnitView unit = unit(unitCode);
    Period p = period(period);
    Actor actor = requireReviewer(unit, p);
    ReportRepository.Row r =
        repo.find(unit.id(), p.toString()).orElseThrow(() -> notFound(unit, p));
    if (r.status() != ReportView.Status.SUBMITTED) {
      throw new ConflictException("error.report.notSubmitted", p.toString());
    }
    move(r, d.version(), ReportView.Status.ACCEPTED, actor, null, false, false, "report.accepted");
    events.publishEvent(new ReportAccepted(unit.code(), p.toString()));
    return get(unitCode, period, locale);
  }

  @Transactional
  public ReportView returnForCorrection(
      String unitCode, String period, @Valid Decision d, Locale locale) {
    UnitView unit = unit(unitCode);
    Period p = period(period);
    Actor actor = requireReviewer(unit, p);
    if (d.reason() == null || d.reason().isBlank()) {
      throw new InvalidInputException("reason", "error.report.reasonRequired");
    }
    ReportRepository.Row r =
        repo.find(unit.id(), p.toString()).orElseThrow(() -> notFound(unit, p));
    if (r.status() != ReportView.Status.SUBMITTED) {
      throw new ConflictException("error.report.notSubmitted", p.toString());
    }
    move(
        r,
        d.version(),
        ReportView.Status.RETURNED,
        actor,
        d.reason(),
        false,
        true,
        "report.returned");
    return get(unitCode, period, locale);
  }

  /** The secretariat reopens an accepted or overdue report, with a reason. */
  @Transactional
  public ReportView reopen(String unitCode, String period, @Valid Reopen cmd, Locale locale) {
    Actor actor = access.requireSecretariat();
    UnitView unit = unit(unitCode);
    Period p = period(period);
    ReportRepository.Row r =
        repo.find(unit.id(), p.toString()).orElseThrow(() -> notFound(unit, p));
    move(
        r,
        cmd.version(),
        ReportView.Status.DRAFT,
        actor,
        cmd.reason(),
        false,
        true,
        "report.reopened");
    return get(unitCode, period, locale);
  }

  @Transactional
  public void setDeadline(long blocId, String period, LocalDate due) {
    access.requireSecretariat();
    BlocView bloc = blocs.get(blocId);
    Period p = period(period);
    repo.setDeadline(bloc.id(), p.toString(), due);
    audit.record(
        "deadline.set",
        "bloc",
        Long.toString(bloc.id()),
        null,
        Map.of(p.toString(), due.toString()));
  }

  /** Whether the signed-in user may enter (save, submit) the unit's reports. */
  @Transactional(readOnly = true)
  public boolean mayEnter(String unitCode) {
    UnitView unit = unit(unitCode);
    Actor a = Access.current();
    return a.role().isSecretariat()
        || (a.role().reportsForOwnUnit() && units.isWithin(unit.id(), a.unitId()));
  }

  /** Whether the signed-in user may accept or return the unit's report for the period. */
  @Transactional(readOnly = true)
  public boolean mayReview(String unitCode, String period) {
    return reviews(Access.current(), unit(unitCode), period(period));
  }

  /** A line of a unit's list of reports. */
  public record Summary(
      String period, ReportView.Status status, ReportView.Source source, int values, int version) {}

  /** The unit's reports of a year, in period order. */
  @Transactional(readOnly = true)
  public List<Summary> list(String unitCode, int year) {
    UnitView unit = unit(unitCode);
    return repo.list(unit.id(), year).stream()
        .sorted(java.util.Comparator.comparing(s -> Period.of(s.period())))
        .toList();
  }

  // ---- rules

  /**
   * The rules: required values, ranges, year-to-date values that may not fall, and a warning when a
   * value moves more than half against the same period last year.
   */
  List<ValidationIssue> validate(
      UnitView unit, Period p, Map<Long, ReportRepository.Value> values) {
    List<ValidationIssue> issues = new ArrayList<>();
    Map<Key, BigDecimal> lastYear =
        indicators.acceptedValues(
            List.of(unit.id()),
            p.year() - 1,
            p.startMonth(),
            p.endMonth(),
            p.samePeriodLastYear().toString());
    for (Indicator i : indicators.all()) {
      ReportRepository.Value v = values.get(i.id());
      if (v == null) {
        if (i.required()) {
          issues.add(
              new ValidationIssue(Severity.ERROR, i.code(), "rule.required", new Object[] {}));
        }
        continue;
      }
      BigDecimal x = v.value();
      if (i.minValue() != null && x.compareTo(i.minValue()) < 0) {
        issues.add(
            new ValidationIssue(
                Severity.ERROR,
                i.code(),
                "rule.min",
                new Object[] {plain(x), plain(i.minValue())}));
      }
      if (i.maxValue() != null && x.compareTo(i.maxValue()) > 0) {
        issues.add(
            new ValidationIssue(
                Severity.ERROR,
                i.code(),
                "rule.max",
                new Object[] {plain(x), plain(i.maxValue())}));
      }
      if (i.yearToDate() && !i.mayDecrease()) {
        repo.earlierYearToDate(unit.id(), i.id(), p)
            .filter(e -> ((BigDecimal) e[1]).compareTo(x) > 0)
            .ifPresent(
                e ->
                    issues.add(
                        new ValidationIssue(
                            Severity.ERROR,
                            i.code(),
                            "rule.ytdFalls",
                            new Object[] {plain(x), plain((BigDecimal) e[1]), e[0]})));
      }
      BigDecimal ly = lastYear.get(new Key(unit.id(), i.id()));
      if (ly != null && ly.signum() > 0) {
        BigDecimal change =
            x.subtract(ly)
                .abs()
                .multiply(BigDecimal.valueOf(100))
                .divide(ly, 0, RoundingMode.HALF_UP);
        if (change.compareTo(BigDecimal.valueOf(50)) > 0) {
          issues.add(
              new ValidationIssue(
                  Severity.WARNING, i.code(), "rule.bigChange", new Object[] {change, plain(ly)}));
        }
      }
    }
    for (IndicatorRepository.CrossRule rule : indicators.crossRules()) {
      ReportRepository.Value a = values.get(rule.indicatorId());
      ReportRepository.Value b = values.get(rule.otherId());
      if (a == null || b == null) {
        continue; // a missing value is the required rule's business
      }
      BigDecimal bound = b.value().multiply(rule.factor());
      int c = a.value().compareTo(bound);
      if ((rule.op().equals("LE") && c > 0) || (rule.op().equals("GE") && c < 0)) {
        issues.add(
            new ValidationIssue(
                rule.severity(),
                rule.indicator(),
                "rule.cross." + rule.op(),
                new Object[] {plain(a.value()), rule.other(), plain(bound)}));
      }
    }
    return issues;
  }

  // ---- helpers

  private boolean hasComment(Map<Long, ReportRepository.Value> values, String indicatorCode) {
    Indicator i = indicators.byCode(indicatorCode).orElseThrow();
    ReportRepository.Value v = values.get(i.id());
    return v != null && v.comment() != null && !v.comment().isBlank();
  }

  private void move(
      ReportRepository.Row r,
      int version,
      ReportView.Status to,
      Actor actor,
      @Nullable String reason,
      boolean submitted,
      boolean reopened,
      String action) {
    if (!repo.transition(r.id(), version, to, actor.username(), reason, submitted, reopened)) {
      throw ConflictException.staleVersion();
    }
    audit.record(
        action,
        "report",
        units.findById(r.unitId()).map(UnitView::code).orElse("?") + "/" + r.period(),
        Map.of("status", r.status().name()),
        reason == null
            ? Map.of("status", to.name())
            : Map.of("status", to.name(), "reason", reason));
  }

  private Actor requireReviewer(UnitView unit, Period p) {
    Actor a = Access.current();
    if (!reviews(a, unit, p)) {
      throw ForbiddenException.outOfScope();
    }
    return a;
  }

  /** The secretariat, or the bloc head of a bloc of the period's year that the unit belongs to. */
  private boolean reviews(Actor a, UnitView unit, Period p) {
    if (a.role().isSecretariat()) {
      return true;
    }
    return a.role() == Role.BLOC_HEAD
        && blocs.list(p.year()).stream()
            .anyMatch(b -> b.head().id() == a.unitId() && b.hasMember(unit.id()));
  }

  private void requireEditable(ReportRepository.Row r, UnitView unit, Period p) {
    if (r.status() == ReportView.Status.ACCEPTED || r.status() == ReportView.Status.SUBMITTED) {
      throw new ConflictException("error.report.locked", p.toString(), r.status().name());
    }
    LocalDate due = repo.dueDate(unit.id(), p).orElse(null);
    if (!r.reopened() && due != null && LocalDate.now(clock).isAfter(due)) {
      throw new ConflictException("error.report.pastDeadline", p.toString(), due.toString());
    }
  }

  private boolean locked(ReportRepository.Row r, @Nullable LocalDate due) {
    return r.status() == ReportView.Status.ACCEPTED
        || r.status() == ReportView.Status.SUBMITTED
        || (!r.reopened() && due != null && LocalDate.now(clock).isAfter(due));
  }

  private Map<Long, ReportRepository.Value> resolve(Entry entry) {
    Map<Long, ReportRepository.Value> out = new LinkedHashMap<>();
    for (var e : entry.values().entrySet()) {
      Indicator i =
          indicators
              .byCode(e.getKey())
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          "values." + e.getKey(), "error.indicator.unknown", e.getKey()));
      if (e.getValue() != null) {
        String comment = entry.comments().get(e.getKey());
        out.put(
            i.id(),
            new ReportRepository.Value(
                e.getValue(), comment == null || comment.isBlank() ? null : comment.trim()));
      }
    }
    return out;
  }

  private Map<String, String> codes(Map<Long, ReportRepository.Value> values) {
    Map<String, String> out = new java.util.TreeMap<>();
    for (Indicator i : indicators.all()) {
      ReportRepository.Value v = values.get(i.id());
      if (v != null) {
        out.put(i.code(), plain(v.value()));
      }
    }
    return out;
  }

  private UnitView unit(String code) {
    return units.find(code).orElseThrow(() -> new NotFoundException("error.unit.notFound", code));
  }

  static Period period(String text) {
    return Period.parse(text)
        .orElseThrow(() -> new InvalidInputException("period", "error.period.format", text));
  }

  private static NotFoundException notFound(UnitView unit, Period p) {
    return new NotFoundException("error.report.notFound", unit.code(), p.toString());
  }

  static String plain(BigDecimal b) {
    return b.stripTrailingZeros().toPlainString();
  }
}
