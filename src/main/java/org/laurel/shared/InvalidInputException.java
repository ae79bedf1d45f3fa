package org.laurel.shared;

/** Input that passed bean validation but breaks a domain rule; names the field: 400. */
public class InvalidInputException extends LaurelException {
  private final String field;

  public InvalidInputException(String field, String messageKey, Object... args) {
    super(messageKey, args);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
