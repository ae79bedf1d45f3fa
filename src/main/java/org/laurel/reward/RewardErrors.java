package org.laurel.reward;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Too many public comments from one address: 429 with a translated problem detail. */
@RestControllerAdvice(basePackageClasses = RewardErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class RewardErrors {

  private final MessageSource messages;

  RewardErrors(MessageSource messages) {
    this.messages = messages;
  }

  @ExceptionHandler(NoticeComments.TooManyComments.class)
  ProblemDetail tooMany(NoticeComments.TooManyComments e) {
    ProblemDetail p =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.TOO_MANY_REQUESTS,
            messages.getMessage(e.messageKey(), e.args(), LocaleContextHolder.getLocale()));
    p.setTitle(messages.getMessage("error.title.tooMany", null, LocaleContextHolder.getLocale()));
    return p;
  }
}
