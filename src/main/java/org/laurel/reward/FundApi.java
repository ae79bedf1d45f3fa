package org.laurel.reward;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/fund")
@Tag(name = "Rewards: reward fund")
class FundApi {

  private final RewardFund fund;

  FundApi(RewardFund fund) {
    this.fund = fund;
  }

  @GetMapping("/years")
  List<Integer> years() {
    return fund.years();
  }

  @GetMapping("/{year}")
  @Operation(
      summary =
          "A year's ledger: income, payments (coefficient × base salary on the decision date,"
              + " rounded up to 10,000 VND) and reversals, totals by award type and unit, balance")
  RewardFund.Ledger ledger(@PathVariable int year) {
    return fund.ledger(year);
  }

  @PostMapping("/income")
  @Operation(summary = "Enter income (a budget allocation with its source; secretariat)")
  ResponseEntity<RewardFund.Entry> income(@Valid @RequestBody RewardFund.NewIncome cmd) {
    RewardFund.Entry e = fund.income(cmd);
    return ResponseEntity.created(URI.create("/api/v1/fund/" + e.year())).body(e);
  }
}
