package org.laurel.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.laurel.access.Access;
import org.laurel.reward.AwardCatalogue;
import org.laurel.reward.AwardType;
import org.laurel.reward.DecisionBody;
import org.laurel.reward.DecisionView;
import org.laurel.reward.Decisions;
import org.laurel.reward.RewardFund;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo decisions and reward fund (synthetic): the fund's income for 2024 and 2025 (budget
 * allocations), then, for every 2024 proposal the council voted on, decisions granting its approved
 * nominees — one per issuing body and award, dated 20 January 2025 — issued (awards, certificates
 * and payments follow) and published on the portal. With no council demo there is no voted
 * proposal, and only the fund's income is entered.
 */
@Component
class DemoDecisions {

  private static final Logger log = LoggerFactory.getLogger(DemoDecisions.class);

  static final int YEAR = 2024;
  static final LocalDate DECIDED = LocalDate.of(2025, 1, 20);

  private final Decisions decisions;
  private final RewardFund fund;
  private final AwardCatalogue catalogue;

  DemoDecisions(Decisions decisions, RewardFund fund, AwardCatalogue catalogue) {
    this.decisions = decisions;
    this.fund = fund;
    this.catalogue = catalogue;
  }

  @Transactional
  public void load() {
    Access.runAsSystem(
        "demo-loader",
        () -> {
          income();
          int n = decide(YEAR, DECIDED);
          log.info("Demo decisions: {} issued and published for the {} proposals", n, YEAR);
        });
  }

  private void income() {
    fund.income(
        new RewardFund.NewIncome(
            LocalDate.of(2024, 1, 15),
            1_500_000_000L,
            "Ngân sách tỉnh cấp cho Quỹ thi đua, khen thưởng năm 2024 (dữ liệu mô phỏng)",
            "Dự toán 2024"));
    fund.income(
        new RewardFund.NewIncome(
            LocalDate.of(2024, 7, 10),
            400_000_000L,
            "Bổ sung do điều chỉnh mức lương cơ sở từ 01/7/2024 (dữ liệu mô phỏng)",
            null));
    fund.income(
        new RewardFund.NewIncome(
            LocalDate.of(2025, 1, 10),
            2_000_000_000L,
            "Ngân sách tỉnh cấp cho Quỹ thi đua, khen thưởng năm 2025 (dữ liệu mô phỏng)",
            "Dự toán 2025"));
  }

  /**
   * Issues and publishes, for the proposals of the year that the council voted on, a decision per
   * issuing body and award granting every approved nominee not granted yet; the number of
   * decisions. Awards no body in Laurel decides (a unit head's titles) are left out.
   */
  /** A made-up name for the signer of the demo's upward decisions. */
  static final String SYNTHETIC_SIGNER = "Lê Văn Minh";

  int decide(int year, LocalDate decidedOn) {
    Map<String, List<Long>> byBodyAndAward = new LinkedHashMap<>();
    List<DecisionBody> bodies = decisions.bodies();
    for (Decisions.Candidate c : decisions.candidates(year, decidedOn)) {
      AwardType type = catalogue.get(c.awardCode());
      DecisionBody body =
          bodies.stream()
              .filter(b -> b.deciders().contains(type.decider()))
              .findFirst()
              .orElse(null);
      if (body == null) {
        log.info("No issuing body decides {}: nominee {} left out", c.awardCode(), c.nomineeId());
        continue;
      }
      byBodyAndAward
          .computeIfAbsent(body.code() + "|" + c.awardCode(), k -> new ArrayList<>())
          .add(c.nomineeId());
    }
    int issued = 0;
    for (Map.Entry<String, List<Long>> e : byBodyAndAward.entrySet()) {
      String body = e.getKey().substring(0, e.getKey().indexOf('|'));
      // a body without a standing signer in Laurel (the Prime Minister's decisions, recorded when
      // they reach the province) gets the demo's synthetic one
      boolean signed =
          bodies.stream().anyMatch(b -> b.code().equals(body) && b.defaultSigner() != null);
      DecisionView draft =
          decisions.draft(
              new Decisions.Draft(
                  DecisionView.Kind.GRANTING,
                  body,
                  decidedOn,
                  null,
                  signed ? null : SYNTHETIC_SIGNER,
                  null,
                  null,
                  "Đã có thành tích xuất sắc trong phong trào thi đua năm " + year,
                  null,
                  null,
                  e.getValue(),
                  null,
                  null));
      DecisionView done = decisions.issue(draft.id(), new Decisions.Step(draft.version()));
      decisions.publish(done.id(), new Decisions.Step(done.version()));
      issued++;
    }
    return issued;
  }
}
