package org.laurel.indicator;

/**
 * What a validation rule found in a report. Errors block submission; warnings need a comment on the
 * value. The message is a bundle key with its arguments, translated when shown.
 */
public record ValidationIssue(
    Severity severity, String indicator, String messageKey, Object[] args) {

  public enum Severity {
    ERROR,
    WARNING
  }
}
