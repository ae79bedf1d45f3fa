/**
 * Emulation movements and campaigns with their lifecycle, scope, milestones and goals; units'
 * registrations of titles and targets; the registry of initiatives; advanced examples and new
 * models with their replication; the calendar with reminders; and the public portal that shows what
 * is explicitly published.
 */
@NullMarked
@ApplicationModule(displayName = "Movements, registrations, initiatives and advanced examples")
package org.laurel.movement;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
