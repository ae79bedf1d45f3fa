/**
 * Emulation pacts (criteria trees with scoring methods, round weights, classification bands and a
 * tie-break chain), assessment sheets of the self, cross and council rounds, bonus and penalty
 * items, and the computed results, published as immutable versions with an explanation of every
 * point.
 */
@NullMarked
@ApplicationModule(displayName = "Pacts, assessments and results")
package org.laurel.scoring;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
