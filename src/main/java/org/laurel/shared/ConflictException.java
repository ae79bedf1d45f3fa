package org.laurel.shared;

/**
 * The request clashes with the current state (stale version, duplicate code, illegal transition):
 * 409.
 */
public class ConflictException extends LaurelException {
  public ConflictException(String messageKey, Object... args) {
    super(messageKey, args);
  }

  public static ConflictException staleVersion() {
    return new ConflictException("error.staleVersion");
  }
}
