package org.laurel.shared;

/** Something named by the request does not exist: answered 404. */
public class NotFoundException extends LaurelException {
  public NotFoundException(String messageKey, Object... args) {
    super(messageKey, args);
  }
}
