package org.laurel.shared;

import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The error page of the web UI: the same statuses as the API (404, 409, 403, 400), a translated
 * explanation, and never an exception's own message.
 */
@ControllerAdvice(annotations = Controller.class)
public class UiErrorHandler {

  private static final Logger log = LoggerFactory.getLogger(UiErrorHandler.class);
  private final MessageSource messages;

  UiErrorHandler(MessageSource messages) {
    this.messages = messages;
  }

  @ExceptionHandler(NotFoundException.class)
  String notFound(NotFoundException e, Model model, HttpServletResponse res) {
    return page(404, "error.title.notFound", text(e), model, res);
  }

  @ExceptionHandler(ConflictException.class)
  String conflict(ConflictException e, Model model, HttpServletResponse res) {
    return page(409, "error.title.conflict", text(e), model, res);
  }

  @ExceptionHandler({ForbiddenException.class, AccessDeniedException.class})
  String forbidden(RuntimeException e, Model model, HttpServletResponse res) {
    String detail = e instanceof ForbiddenException f ? text(f) : msg("error.forbidden");
    return page(403, "error.title.forbidden", detail, model, res);
  }

  @ExceptionHandler(InvalidInputException.class)
  String invalid(InvalidInputException e, Model model, HttpServletResponse res) {
    return page(400, "error.title.invalid", text(e), model, res);
  }

  @ExceptionHandler(jakarta.validation.ConstraintViolationException.class)
  String violation(
      jakarta.validation.ConstraintViolationException e, Model model, HttpServletResponse res) {
    String detail =
        e.getConstraintViolations().stream()
            .map(v -> ApiErrorHandler.leaf(v.getPropertyPath().toString()) + ": " + v.getMessage())
            .sorted()
            .collect(java.util.stream.Collectors.joining("; "));
    return page(400, "error.title.invalid", detail, model, res);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  String mismatch(MethodArgumentTypeMismatchException e, Model model, HttpServletResponse res) {
    return page(400, "error.title.invalid", msg("error.badValue", e.getName()), model, res);
  }

  @ExceptionHandler(NoResourceFoundException.class)
  String noResource(NoResourceFoundException e, Model model, HttpServletResponse res) {
    return page(404, "error.title.notFound", msg("error.status.404"), model, res);
  }

  @ExceptionHandler(Exception.class)
  String unexpected(Exception e, Model model, HttpServletResponse res) {
    String reference = UUID.randomUUID().toString();
    log.error("Unexpected error, reference {}", reference, e);
    return page(500, "error.title.unexpected", msg("error.unexpected", reference), model, res);
  }

  private String page(
      int status, String titleKey, String detail, Model model, HttpServletResponse res) {
    res.setStatus(status);
    model.addAttribute("status", status);
    model.addAttribute("title", msg(titleKey));
    model.addAttribute("detail", detail);
    return "error";
  }

  private String text(LaurelException e) {
    return messages.getMessage(
        e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale());
  }

  private String msg(String key, Object... args) {
    return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
  }
}
