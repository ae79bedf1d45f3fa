package org.laurel.indicator;

import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A report refused on submission lists every rule it broke, by indicator, translated. */
@RestControllerAdvice(assignableTypes = IndicatorApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class IndicatorErrors {

  record Issue(String indicator, ValidationIssue.Severity severity, String message) {}

  private final MessageSource messages;

  IndicatorErrors(MessageSource messages) {
    this.messages = messages;
  }

  @ExceptionHandler(Reports.ValidationFailed.class)
  ProblemDetail invalid(Reports.ValidationFailed e) {
    var locale = LocaleContextHolder.getLocale();
    ProblemDetail p =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
    p.setTitle(messages.getMessage("error.title.invalid", null, locale));
    List<Issue> issues =
        e.issues().stream()
            .map(
                i ->
                    new Issue(
                        i.indicator(),
                        i.severity(),
                        messages.getMessage(i.messageKey(), i.args(), i.messageKey(), locale)))
            .toList();
    p.setProperty("issues", issues);
    return p;
  }
}
