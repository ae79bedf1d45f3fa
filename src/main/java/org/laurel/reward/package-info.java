/**
 * Rewards: the award catalogue with its effective-dated rule sets, the history of every award
 * granted (made in Laurel or imported), the eligibility engine, proposals with their dossiers and
 * the public notice before the council. Public API: {@link org.laurel.reward.AwardCatalogue},
 * {@link org.laurel.reward.AwardHistory} with {@link org.laurel.reward.AwardRecord} and the event
 * {@link org.laurel.reward.AwardGranted}.
 */
@NullMarked
@ApplicationModule(displayName = "Rewards")
package org.laurel.reward;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
