package org.laurel.scoring;

import org.laurel.shared.ConflictException;

/** A bloc's pact as stored: DRAFT while it may be edited, ACTIVE (frozen) once assessed. */
public record PactView(
    long id,
    long blocId,
    String bloc,
    int year,
    Status status,
    int version,
    PactDefinition definition) {

  public enum Status {
    DRAFT,
    ACTIVE
  }

  public boolean frozen() {
    return status == Status.ACTIVE;
  }

  /** Refuses any change of the tree once assessment has started. */
  void requireEditable() {
    if (frozen()) {
      throw new ConflictException("error.pact.frozen", bloc, Integer.toString(year));
    }
  }
}
