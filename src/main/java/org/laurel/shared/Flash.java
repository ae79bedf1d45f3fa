package org.laurel.shared;

import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A button's post (a step, a publication, a reopening): runs the write and redirects back with its
 * flash message, or with the translated refusal when the write was refused as invalid or clashing.
 */
public final class Flash {
  private Flash() {}

  public static String after(
      RedirectAttributes redirect,
      MessageSource messages,
      Locale locale,
      String target,
      Supplier<String> write) {
    String text;
    try {
      text = write.get();
    } catch (ConflictException | InvalidInputException e) {
      text = refusal(messages, locale, e);
    }
    redirect.addFlashAttribute("flash", text);
    return "redirect:" + target;
  }

  private static String refusal(MessageSource messages, Locale locale, LaurelException e) {
    return messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale);
  }
}
