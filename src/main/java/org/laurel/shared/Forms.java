package org.laurel.shared;

import org.springframework.validation.BindingResult;

/** Helpers for the web UI's forms. */
public final class Forms {
  private Forms() {}

  /**
   * Puts a domain error on the form: on its field when the field is on the form, otherwise as a
   * global error. The page then shows it beside the field, in the user's language.
   */
  public static void reject(BindingResult form, InvalidInputException e) {
    String field = e.field();
    if (!field.isEmpty() && form.getTarget() != null && hasField(form, field)) {
      form.rejectValue(field, e.messageKey(), e.args(), e.messageKey());
    } else {
      form.reject(e.messageKey(), e.args(), e.messageKey());
    }
  }

  /** A conflict (duplicate code, stale version) shown at the top of the form. */
  public static void reject(BindingResult form, ConflictException e) {
    form.reject(e.messageKey(), e.args(), e.messageKey());
  }

  private static boolean hasField(BindingResult form, String field) {
    try {
      return form.getFieldType(field) != null;
    } catch (RuntimeException notAField) {
      return false;
    }
  }
}
