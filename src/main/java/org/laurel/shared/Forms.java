package org.laurel.shared;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
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

  /**
   * Runs a form's write. A domain refusal (invalid input, conflict, a command that failed the
   * service's validation) is put on the form and null returned, so the page shows the form again.
   */
  public static <T> @Nullable T attempt(BindingResult form, Supplier<T> write) {
    try {
      return write.get();
    } catch (InvalidInputException e) {
      reject(form, e);
    } catch (ConflictException e) {
      reject(form, e);
    } catch (jakarta.validation.ConstraintViolationException e) {
      form.reject("error.invalid");
    }
    return null;
  }

  private static boolean hasField(BindingResult form, String field) {
    try {
      return form.getFieldType(field) != null;
    } catch (RuntimeException notAField) {
      return false;
    }
  }
}
