package org.laurel.indicator;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reminders by e-mail. They run only when an SMTP host is configured ({@code spring.mail.host}).
 *
 * @param leadDays how many days before a deadline the reporters of units that have not submitted
 *     are reminded (from then until the deadline day, once)
 * @param overdueDays for how many days after a deadline the bloc head is still told which reports
 *     are missing (once); older deadlines are left alone
 * @param from the sender address
 * @param baseUrl where Laurel is reached, for the links in the mails
 * @param maxAttempts after this many failed attempts a mail is given up (it stays in the outbox)
 * @param batchSize how many mails one run of the sender claims
 * @param decideInterval how often the job looks for reminders to write
 * @param sendInterval how often the sender looks for mails to send
 */
@ConfigurationProperties("laurel.reminders")
record ReminderProperties(
    @DefaultValue("3") int leadDays,
    @DefaultValue("7") int overdueDays,
    @DefaultValue("laurel@localhost") String from,
    @DefaultValue("http://localhost:8080") String baseUrl,
    @DefaultValue("8") int maxAttempts,
    @DefaultValue("50") int batchSize,
    @DefaultValue("PT1H") Duration decideInterval,
    @DefaultValue("PT1M") Duration sendInterval) {}
