package org.laurel.shared;

/**
 * Base of the errors Laurel explains to its users. Carries a message-bundle key, never a text, so
 * that the error handler can translate it into the user's language.
 */
public abstract class LaurelException extends RuntimeException {
  private final String messageKey;
  private final Object[] args;

  protected LaurelException(String messageKey, Object... args) {
    super(messageKey, null, false, false);
    this.messageKey = messageKey;
    this.args = args.clone();
  }

  public String messageKey() {
    return messageKey;
  }

  public Object[] args() {
    return args.clone();
  }
}
