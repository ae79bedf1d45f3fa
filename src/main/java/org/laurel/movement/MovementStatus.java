package org.laurel.movement;

/** Where a movement is in its lifecycle. */
public enum MovementStatus {
  DRAFT,
  LAUNCHED,
  IN_PROGRESS,
  REVIEWED,
  CLOSED;

  /** Units may register while the movement is launched or under way. */
  public boolean open() {
    return this == LAUNCHED || this == IN_PROGRESS;
  }
}
