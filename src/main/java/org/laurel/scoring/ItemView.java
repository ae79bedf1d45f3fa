package org.laurel.scoring;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.laurel.shared.ConflictException;

/**
 * A bonus or penalty item of a pact: points for a unit on a BONUS or PENALTY criterion, with its
 * reason, who recorded it and when; once withdrawn, also who withdrew it, when and why. A withdrawn
 * item stays listed but no longer counts at the next publication.
 */
public record ItemView(
    long id,
    long pactId,
    String unit,
    String criterion,
    BigDecimal points,
    String reason,
    Instant createdAt,
    String createdBy,
    @Nullable Instant withdrawnAt,
    @Nullable String withdrawnBy,
    @Nullable String withdrawReason) {

  public boolean withdrawn() {
    return withdrawnAt != null;
  }

  /** Refuses to withdraw an item twice (409): a withdrawal is final. */
  ItemView requireActive() {
    if (withdrawn()) {
      throw new ConflictException("error.item.withdrawn", id);
    }
    return this;
  }
}
