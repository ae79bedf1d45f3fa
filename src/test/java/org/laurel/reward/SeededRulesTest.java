package org.laurel.reward;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.laurel.organisation.Units;
import org.laurel.reward.AwardType.Recipient;
import org.laurel.reward.RuleSet.Condition;
import org.laurel.support.LaurelTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every seeded rule set (each award × each of the three regimes) passes for a nominee who meets all
 * its conditions, and each of its conditions, broken on its own, fails while the others still hold.
 * Each case is written and rolled back in its own transaction.
 */
@LaurelTest
class SeededRulesTest {

  /** A year each seeded version judges: 91/2017, 98/2023, 152/2025. */
  static final Map<Integer, Integer> YEAR_OF_VERSION = Map.of(1, 2020, 2, 2024, 3, 2025);

  @Autowired JdbcClient jdbc;
  @Autowired Units units;
  @Autowired RuleSets ruleSets;
  @Autowired AwardCatalogue catalogue;
  @Autowired Eligibility eligibility;
  @Autowired PlatformTransactionManager txManager;

  @Test
  void everySeededRulePassesAndEachConditionFailsOnItsOwn() {
    List<RuleSet> seeded =
        jdbc.sql("select award_code, version from rule_set where note = 'seed' order by 1, 2")
            .query((rs, n) -> ruleSets.get(rs.getString(1), rs.getInt(2)))
            .list();
    assertThat(seeded).hasSize(48);
    SoftAssertions soft = new SoftAssertions();
    int cases = 0;
    for (RuleSet rules : seeded) {
      int year = YEAR_OF_VERSION.get(rules.version());
      AwardType type = catalogue.get(rules.awardCode());
      Evaluation pass = run(type, rules, year, -1);
      soft.assertThat(pass.eligible())
          .as("%s v%d passes: %s", rules.awardCode(), rules.version(), pass.conditions())
          .isTrue();
      soft.assertThat(pass.ruleSetVersion()).isEqualTo(rules.version());
      cases++;
      List<Condition> conditions = rules.definition().conditions();
      for (int i = 0; i < conditions.size(); i++) {
        if (conditions.get(i).type() == RuleSet.Type.QUOTA
            && type.recipient() != Recipient.INDIVIDUAL) {
          continue;
        }
        Evaluation fail = run(type, rules, year, i);
        String what =
            "%s v%d without %s"
                .formatted(rules.awardCode(), rules.version(), conditions.get(i).type());
        soft.assertThat(fail.eligible()).as(what).isFalse();
        soft.assertThat(fail.conditions().get(i).met())
            .as(what + ": " + fail.conditions().get(i))
            .isFalse();
        for (int j = 0; j < conditions.size(); j++) {
          if (j != i) {
            soft.assertThat(fail.conditions().get(j).met())
                .as(what + ", other condition " + fail.conditions().get(j))
                .isTrue();
          }
        }
        cases++;
      }
    }
    assertThat(cases).isGreaterThan(150);
    soft.assertAll();
  }

  /** Builds a world that meets every condition but {@code broken} (-1: none), and evaluates. */
  private Evaluation run(AwardType type, RuleSet rules, int year, int broken) {
    TransactionTemplate tx = new TransactionTemplate(txManager);
    return tx.execute(
        status -> {
          status.setRollbackOnly();
          RuleWorld w = new RuleWorld(jdbc, units);
          long person = w.person("Người được đề nghị");
          String household = "Hộ ông Thử";
          Nominee nominee =
              switch (type.recipient()) {
                case INDIVIDUAL -> Nominee.person(person);
                case COLLECTIVE -> Nominee.unit(w.unitCode);
                case HOUSEHOLD -> Nominee.household(w.unitCode, household);
              };
          List<Condition> conditions = rules.definition().conditions();
          for (int i = 0; i < conditions.size(); i++) {
            Condition c = conditions.get(i);
            boolean keep = i != broken;
            switch (c.type()) {
              case PREREQUISITE -> {
                int count = c.count();
                boolean consecutive = Boolean.TRUE.equals(c.consecutive());
                // consecutive: the years up to the year, with a gap when broken;
                // otherwise the year before, or nothing when broken
                int[] years;
                if (consecutive) {
                  years =
                      java.util.stream.IntStream.rangeClosed(year - count + 1, year)
                          .filter(y -> keep || (count > 1 ? y != year - 1 : false))
                          .toArray();
                } else {
                  years = keep ? new int[] {year - 1} : new int[0];
                }
                grant(w, type.recipient(), person, household, c.awards().get(0), years);
              }
              case INITIATIVES -> {
                int n = keep ? c.count() : c.count() - 1;
                for (int k = 0; k < n; k++) {
                  w.initiative(person, c.level(), LocalDate.of(year, 6, 1 + k));
                }
              }
              case NO_DISCIPLINE -> {
                if (!keep) {
                  if (type.recipient() == Recipient.INDIVIDUAL) {
                    w.discipline(person, LocalDate.of(year, 3, 1));
                  } else {
                    w.discipline(null, LocalDate.of(year, 3, 1));
                  }
                }
              }
              case QUOTA -> {
                // 7 others × 15 % = 1.05 → 1 place, for the nominee; none when broken
                if (keep) {
                  w.others(c.awards().get(0), year, 7);
                }
              }
              case MIN_INTERVAL -> {
                if (!keep) {
                  grant(w, type.recipient(), person, household, type.code(), year - 1);
                }
              }
              case ONE_ACHIEVEMENT -> {
                if (!keep) {
                  grant(w, type.recipient(), person, household, type.code(), year);
                }
              }
            }
          }
          return eligibility.evaluate(List.of(nominee), type, year, rules, w).get(0);
        });
  }

  private static void grant(
      RuleWorld w, Recipient kind, long person, String household, String code, int... years) {
    switch (kind) {
      case INDIVIDUAL -> w.personAward(person, code, years);
      case COLLECTIVE -> w.unitAward(code, years);
      case HOUSEHOLD -> {
        for (int y : years) {
          w.householdAward(household, code, y);
        }
      }
    }
  }
}
