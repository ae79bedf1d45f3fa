package org.laurel.shared;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduled jobs (e.g. the reminder sender) run on every instance and are cluster-safe by
 * construction; none runs for a command-line command.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@Profile("!command")
class SchedulingConfiguration {}
