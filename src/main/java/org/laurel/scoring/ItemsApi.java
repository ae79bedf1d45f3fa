package org.laurel.scoring;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.laurel.scoring.ScoringCommands.WithdrawItem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A pact's bonus and penalty items: the list, and their withdrawal. Adding one is {@code POST
 * /api/v1/pacts/{id}/items} in {@link ScoringApi}.
 */
@RestController
@RequestMapping("/api/v1/pacts/{id}/items")
@Tag(name = "Pacts, assessments and results")
class ItemsApi {

  private final Items items;

  ItemsApi(Items items) {
    this.items = items;
  }

  @GetMapping
  @Operation(
      summary =
          "The pact's bonus and penalty items, withdrawn ones too (withdrawnAt, withdrawnBy,"
              + " withdrawReason set), in the order they were recorded")
  List<ItemView> list(@PathVariable long id) {
    return items.list(id);
  }

  @PostMapping("/{itemId}/withdraw")
  @Operation(
      summary =
          "Withdraw an item with a reason {\"reason\":…} (secretariat). The item stays listed"
              + " with who withdrew it, when and why, and no longer counts from the next"
              + " publication; published versions keep their explanations. 404 for an item that"
              + " is not the pact's, 409 when it is withdrawn already. To correct an item,"
              + " withdraw it and add the right one.")
  ItemView withdraw(
      @PathVariable long id, @PathVariable long itemId, @Valid @RequestBody WithdrawItem cmd) {
    return items.withdraw(id, itemId, cmd);
  }
}
