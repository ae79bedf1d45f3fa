package org.laurel.scoring;

import jakarta.validation.Valid;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.laurel.access.Access;
import org.laurel.audit.AuditLog;
import org.laurel.scoring.ScoringCommands.WithdrawItem;
import org.laurel.shared.ConflictException;
import org.laurel.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The bonus and penalty items of a pact: listed for everyone signed in; the secretariat adds them
 * ({@link Pacts#addItem}) and withdraws them with a reason. A withdrawal keeps the item (who, when,
 * why) and is audited; the item no longer counts at the next publication, while the versions
 * published before keep their stored explanations, which still show it.
 */
@Service
@Validated
public class Items {

  private final ScoringRepository repo;
  private final Pacts pacts;
  private final Access access;
  private final AuditLog audit;
  private final Clock clock;

  Items(ScoringRepository repo, Pacts pacts, Access access, AuditLog audit, Clock clock) {
    this.repo = repo;
    this.pacts = pacts;
    this.access = access;
    this.audit = audit;
    this.clock = clock;
  }

  /** Every item of the pact, withdrawn ones too, in the order they were recorded. */
  @Transactional(readOnly = true)
  public List<ItemView> list(long pactId) {
    pacts.get(pactId);
    return repo.itemViews(pactId);
  }

  /**
   * Withdraws an active item with a reason (secretariat): 404 for an item that is not the pact's,
   * 409 when it is withdrawn already.
   */
  @Transactional
  public ItemView withdraw(long pactId, long itemId, @Valid WithdrawItem cmd) {
    access.requireSecretariat();
    pacts.get(pactId);
    ItemView before =
        repo.itemForUpdate(pactId, itemId)
            .orElseThrow(() -> new NotFoundException("error.item.notFound", itemId, pactId))
            .requireActive();
    String reason = cmd.reason().trim();
    if (repo.withdrawItem(itemId, Access.current().username(), clock.instant(), reason) == 0) {
      throw new ConflictException("error.item.withdrawn", itemId);
    }
    ItemView after = repo.itemForUpdate(pactId, itemId).orElseThrow();
    audit.record(
        "pact.item.withdrawn",
        "pact",
        Long.toString(pactId),
        before,
        Map.of("item", after, "reason", reason));
    return after;
  }
}
