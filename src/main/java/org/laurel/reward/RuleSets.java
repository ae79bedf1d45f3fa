package org.laurel.reward;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.laurel.access.Access;
import org.laurel.access.Actor;
import org.laurel.audit.AuditLog;
import org.laurel.reward.RuleSet.Condition;
import org.laurel.reward.RuleSet.Definition;
import org.laurel.shared.ConflictException;
import org.laurel.shared.InvalidInputException;
import org.laurel.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rule sets of the award types, effective-dated and versioned. The set in force on a day is the
 * one with the latest start on or before it (the highest version among equal starts). Awards for a
 * year's achievements are judged by the rules in force on 31 December of that year.
 */
@Service
@Validated
public class RuleSets {

  /**
   * A new version of an award's rule set: {@code baseVersion} is the version it was edited from
   * (the latest; another admin's newer edit is a conflict).
   */
  public record Revision(
      @NotNull LocalDate effectiveFrom,
      @NotBlank @Size(max = 200) String legalBasis,
      @NotNull @Valid Definition definition,
      @Nullable @Size(max = 2000) String note,
      @PositiveOrZero int baseVersion) {}

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final AwardCatalogue catalogue;
  private final Access access;
  private final AuditLog audit;

  RuleSets(
      JdbcClient jdbc, JsonMapper json, AwardCatalogue catalogue, Access access, AuditLog audit) {
    this.jdbc = jdbc;
    this.json = json;
    this.catalogue = catalogue;
    this.access = access;
    this.audit = audit;
  }

  /** The rule set in force on a day, if the award has one then. */
  @Transactional(readOnly = true)
  public Optional<RuleSet> inForce(String awardCode, LocalDate day) {
    RuleSet best = null;
    for (RuleSet r : current().byAward().getOrDefault(awardCode, List.of())) {
      if (!r.effectiveFrom().isAfter(day)
          && (best == null
              || r.effectiveFrom().isAfter(best.effectiveFrom())
              || r.effectiveFrom().equals(best.effectiveFrom()) && r.version() > best.version())) {
        best = r;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * Every version of every rule set, kept between checks. Versions are only ever added (an edit is
   * a new row), so the number of rows is a stamp of the whole table: one cheap query per check or
   * batch tells whether the copy is current, on every instance, and a version another instance
   * saved (or a rolled-back one) is seen at the next check. Not the highest id: ids are handed out
   * at insert and committed in any order, so a version committed after a higher id would be missed.
   */
  private record Snapshot(long stamp, java.util.Map<String, List<RuleSet>> byAward) {}

  private volatile Snapshot snapshot = new Snapshot(-1, java.util.Map.of());

  private Snapshot current() {
    long stamp = jdbc.sql("select count(*) from rule_set").query(Long.class).single();
    Snapshot s = snapshot;
    if (s.stamp() != stamp) {
      java.util.Map<String, List<RuleSet>> byAward = new java.util.HashMap<>();
      for (RuleSet r :
          jdbc.sql("select * from rule_set order by award_code, version desc")
              .query(this::map)
              .list()) {
        byAward.computeIfAbsent(r.awardCode(), k -> new java.util.ArrayList<>()).add(r);
      }
      byAward.replaceAll((k, v) -> List.copyOf(v));
      s = new Snapshot(stamp, java.util.Map.copyOf(byAward));
      snapshot = s;
    }
    return s;
  }

  /** The rule set that judges a year's achievements: the one in force on 31 December. */
  @Transactional(readOnly = true)
  public Optional<RuleSet> forYear(String awardCode, int year) {
    return inForce(awardCode, LocalDate.of(year, 12, 31));
  }

  /** Every version of an award's rule set, newest first. */
  @Transactional(readOnly = true)
  public List<RuleSet> versions(String awardCode) {
    return jdbc.sql("select * from rule_set where award_code = ? order by version desc")
        .param(awardCode)
        .query(this::map)
        .list();
  }

  @Transactional(readOnly = true)
  public RuleSet get(String awardCode, int version) {
    return current().byAward().getOrDefault(awardCode, List.of()).stream()
        .filter(r -> r.version() == version)
        .findFirst()
        .orElseThrow(() -> new NotFoundException("error.ruleSet.notFound", awardCode, version));
  }

  /** Latest version of every award's rule set. */
  @Transactional(readOnly = true)
  public List<RuleSet> latest() {
    return jdbc.sql(
            """
            select distinct on (award_code) * from rule_set
            order by award_code, version desc""")
        .query(this::map)
        .list();
  }

  /** An administrator's edit: a new version; the old ones stay as they were. */
  @Transactional
  public RuleSet revise(String awardCode, @Valid Revision r) {
    Actor actor = access.requireAdmin();
    catalogue.get(awardCode);
    jdbc.sql("select pg_advisory_xact_lock(hashtext('rule_set:' || ?))")
        .param(awardCode)
        .query()
        .singleRow();
    int latest =
        jdbc.sql("select coalesce(max(version), 0) from rule_set where award_code = ?")
            .param(awardCode)
            .query(Integer.class)
            .single();
    if (r.baseVersion() != latest) {
      throw ConflictException.staleVersion();
    }
    validate(r.definition());
    long id =
        jdbc.sql(
                """
                insert into rule_set(award_code, version, effective_from, legal_basis, definition,
                                     note, created_by)
                values (?, ?, ?, ?, cast(? as jsonb), ?, ?) returning id""")
            .params(
                awardCode,
                latest + 1,
                Date.valueOf(r.effectiveFrom()),
                r.legalBasis().trim(),
                json.writeValueAsString(r.definition()),
                r.note() == null || r.note().isBlank() ? null : r.note().trim(),
                actor.username())
            .query(Long.class)
            .single();
    RuleSet created = get(awardCode, latest + 1);
    audit.record(
        "ruleSet.revised",
        "rule_set",
        awardCode + "/v" + created.version(),
        latest == 0 ? null : get(awardCode, latest),
        created);
    return created;
  }

  /** What bean validation cannot say: the fields each type of condition needs. */
  void validate(Definition d) {
    if (d.vote() != null
        && d.vote().quorum() != null
        && d.vote().quorum().numerator() > d.vote().quorum().denominator()) {
      throw new InvalidInputException("definition.vote.quorum.numerator", "error.ruleSet.quorum");
    }
    for (int i = 0; i < d.conditions().size(); i++) {
      Condition c = d.conditions().get(i);
      String at = "definition.conditions[" + i + "].";
      switch (c.type()) {
        case PREREQUISITE -> {
          awards(at, c);
          need(at + "count", c.count());
          if (c.window() != null && c.count() != null && c.window() < c.count()) {
            throw new InvalidInputException(at + "window", "error.ruleSet.windowShort");
          }
        }
        case INITIATIVES -> {
          need(at + "level", c.level());
          need(at + "count", c.count());
          need(at + "window", c.window());
        }
        case NO_DISCIPLINE, MIN_INTERVAL -> need(at + "window", c.window());
        case QUOTA -> {
          awards(at, c);
          need(at + "rounding", c.rounding());
          if (c.percent() == null
              || c.percent().signum() <= 0
              || c.percent().compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new InvalidInputException(at + "percent", "error.ruleSet.percent");
          }
        }
        case ONE_ACHIEVEMENT -> {}
      }
    }
  }

  private void awards(String at, Condition c) {
    if (c.awards() == null || c.awards().isEmpty()) {
      throw new InvalidInputException(at + "awards", "error.ruleSet.required");
    }
    for (int j = 0; j < c.awards().size(); j++) {
      catalogue.require(at + "awards[" + j + "]", c.awards().get(j));
    }
  }

  private static void need(String field, @Nullable Object value) {
    if (value == null) {
      throw new InvalidInputException(field, "error.ruleSet.required");
    }
  }

  private RuleSet map(ResultSet rs, int n) throws SQLException {
    return new RuleSet(
        rs.getLong("id"),
        rs.getString("award_code"),
        rs.getInt("version"),
        rs.getDate("effective_from").toLocalDate(),
        rs.getString("legal_basis"),
        json.readValue(rs.getString("definition"), Definition.class),
        rs.getString("note"),
        rs.getString("created_by"),
        rs.getTimestamp("created_at").toInstant());
  }
}
