package org.laurel.scoring;

import org.jspecify.annotations.Nullable;
import org.laurel.shared.ConflictException;

/**
 * A bloc's pact as stored: DRAFT while it may be edited in place, ACTIVE (frozen) once assessed;
 * then each change is a new version ({@code definitionVersion}) of its definition.
 */
public record PactView(
    long id,
    long blocId,
    String bloc,
    int year,
    Status status,
    int version,
    int definitionVersion,
    PactDefinition definition) {

  public enum Status {
    DRAFT,
    ACTIVE
  }

  public boolean frozen() {
    return status == Status.ACTIVE;
  }

  /** Once assessment has started, a change needs a reason: it makes a new version. */
  void requireReasonOnceFrozen(@Nullable String reason) {
    if (frozen() && (reason == null || reason.isBlank())) {
      throw new ConflictException("error.pact.frozen", bloc, Integer.toString(year));
    }
  }
}
