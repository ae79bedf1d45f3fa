package org.laurel.shared;

/** The actor's role or unit scope does not allow this write: 403. */
public class ForbiddenException extends LaurelException {
  public ForbiddenException(String messageKey, Object... args) {
    super(messageKey, args);
  }

  public static ForbiddenException outOfScope() {
    return new ForbiddenException("error.forbidden");
  }
}
