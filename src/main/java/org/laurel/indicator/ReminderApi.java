package org.laurel.indicator;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Indicators and reports")
class ReminderApi {

  private final Reminders reminders;

  ReminderApi(Reminders reminders) {
    this.reminders = reminders;
  }

  @PostMapping("/reminders/run")
  @Operation(
      summary =
          "Secretariat: decide today's reminders and send what is due now, instead of waiting"
              + " for the scheduled job. Failed mails stay in the outbox and are retried.")
  Reminders.RunResult run() {
    return reminders.runNow();
  }
}
