package org.laurel.shared;

import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one error handler of the JSON API: every error is an RFC 9457 problem detail whose title and
 * messages are in the caller's language. Unexpected errors are logged with a reference and never
 * show their message.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
public class ApiErrorHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);
  private final MessageSource messages;

  ApiErrorHandler(MessageSource messages) {
    this.messages = messages;
  }

  /** A field error in a problem detail. */
  public record FieldMessage(String field, String message) {}

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "error.title.notFound", text(e), List.of());
  }

  @ExceptionHandler(ConflictException.class)
  ProblemDetail conflict(ConflictException e) {
    return problem(HttpStatus.CONFLICT, "error.title.conflict", text(e), List.of());
  }

  @ExceptionHandler({ForbiddenException.class, AccessDeniedException.class})
  ProblemDetail forbidden(RuntimeException e) {
    String detail = e instanceof ForbiddenException f ? text(f) : msg("error.forbidden");
    return problem(HttpStatus.FORBIDDEN, "error.title.forbidden", detail, List.of());
  }

  @ExceptionHandler(InvalidInputException.class)
  ProblemDetail invalid(InvalidInputException e) {
    String message = text(e);
    return problem(
        HttpStatus.BAD_REQUEST,
        "error.title.invalid",
        message,
        List.of(new FieldMessage(e.field(), message)));
  }

  /** Method validation of a service (a command built in code rather than bound from JSON). */
  @ExceptionHandler(ConstraintViolationException.class)
  ProblemDetail violation(ConstraintViolationException e) {
    List<FieldMessage> fields =
        e.getConstraintViolations().stream()
            .map(v -> new FieldMessage(leaf(v.getPropertyPath().toString()), v.getMessage()))
            .toList();
    return problem(HttpStatus.BAD_REQUEST, "error.title.invalid", msg("error.invalid"), fields);
  }

  /** {@code create.cmd.name} → {@code name}: the method and parameter mean nothing to callers. */
  static String leaf(String path) {
    String[] parts = path.split("\\.", 3);
    return parts.length == 3 ? parts[2] : path;
  }

  /** A translated row of an import's error report. */
  public record RowMessage(long row, String column, @Nullable String value, String message) {}

  @ExceptionHandler(RejectedRowsException.class)
  ProblemDetail rejectedRows(RejectedRowsException e) {
    ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "error.title.invalid", text(e), List.of());
    p.setProperty(
        "rows",
        e.problems().stream()
            .map(
                r ->
                    new RowMessage(
                        r.row(),
                        r.column(),
                        r.value(),
                        messages.getMessage(
                            r.messageKey(),
                            r.args(),
                            r.messageKey(),
                            LocaleContextHolder.getLocale())))
            .toList());
    p.setProperty("badRows", e.badRows());
    return p;
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleMaxUploadSizeExceededException(
      org.springframework.web.multipart.MaxUploadSizeExceededException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
        .body(
            problem(
                HttpStatus.CONTENT_TOO_LARGE,
                "error.title.invalid",
                msg("error.import.tooLarge"),
                List.of()));
  }

  @ExceptionHandler(DuplicateKeyException.class)
  ProblemDetail duplicate(DuplicateKeyException e) {
    return problem(HttpStatus.CONFLICT, "error.title.conflict", msg("error.duplicate"), List.of());
  }

  @ExceptionHandler(OptimisticLockingFailureException.class)
  ProblemDetail stale(OptimisticLockingFailureException e) {
    return problem(
        HttpStatus.CONFLICT, "error.title.conflict", msg("error.staleVersion"), List.of());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
    String message = msg("error.badValue", e.getName());
    return problem(
        HttpStatus.BAD_REQUEST,
        "error.title.invalid",
        message,
        List.of(new FieldMessage(e.getName(), message)));
  }

  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e) {
    String reference = UUID.randomUUID().toString();
    log.error("Unexpected error, reference {}", reference, e);
    ProblemDetail p =
        problem(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "error.title.unexpected",
            msg("error.unexpected", reference),
            List.of());
    p.setProperty("reference", reference);
    return p;
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    Locale locale = LocaleContextHolder.getLocale();
    List<FieldMessage> fields = new ArrayList<>();
    for (FieldError fe : ex.getBindingResult().getFieldErrors()) {
      fields.add(new FieldMessage(fe.getField(), messages.getMessage(fe, locale)));
    }
    ex.getBindingResult()
        .getGlobalErrors()
        .forEach(ge -> fields.add(new FieldMessage("", messages.getMessage(ge, locale))));
    return ResponseEntity.badRequest()
        .body(problem(HttpStatus.BAD_REQUEST, "error.title.invalid", msg("error.invalid"), fields));
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    Locale locale = LocaleContextHolder.getLocale();
    List<FieldMessage> fields = new ArrayList<>();
    for (ParameterValidationResult r : ex.getParameterValidationResults()) {
      String name = r.getMethodParameter().getParameterName();
      r.getResolvableErrors()
          .forEach(
              err ->
                  fields.add(
                      new FieldMessage(
                          name == null ? "" : name, messages.getMessage(err, locale))));
    }
    return ResponseEntity.badRequest()
        .body(problem(HttpStatus.BAD_REQUEST, "error.title.invalid", msg("error.invalid"), fields));
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    String field = JsonFieldPath.of(ex);
    String message = field.isEmpty() ? msg("error.unreadable") : msg("error.badValue", field);
    List<FieldMessage> fields =
        field.isEmpty() ? List.of() : List.of(new FieldMessage(field, message));
    return ResponseEntity.badRequest()
        .body(problem(HttpStatus.BAD_REQUEST, "error.title.invalid", message, fields));
  }

  @Override
  protected ResponseEntity<Object> createResponseEntity(
      @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
    // the framework's own problems (405, 415, missing parameter…) get a translated title too
    if (body instanceof ProblemDetail p && p.getTitle() != null) {
      p.setTitle(
          messages.getMessage(
              "error.status." + statusCode.value(),
              null,
              p.getTitle(),
              LocaleContextHolder.getLocale()));
    }
    return super.createResponseEntity(body, headers, statusCode, request);
  }

  private ProblemDetail problem(
      HttpStatus status, String titleKey, String detail, List<FieldMessage> fields) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
    p.setTitle(msg(titleKey));
    p.setType(URI.create("about:blank"));
    if (!fields.isEmpty()) {
      p.setProperties(Map.of("errors", fields));
    }
    return p;
  }

  private String text(LaurelException e) {
    return messages.getMessage(
        e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale());
  }

  private String msg(String key, Object... args) {
    return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
  }
}
