/**
 * Rewards: the award catalogue with its effective-dated rule sets, the history of every award
 * granted (made in Laurel or imported), the eligibility engine, proposals with their dossiers and
 * the public notice before the council, the council's sessions and secret ballots. Public API:
 * {@link org.laurel.reward.AwardCatalogue}, {@link org.laurel.reward.AwardHistory} with {@link
 * org.laurel.reward.AwardRecord} and the event {@link org.laurel.reward.AwardGranted}; {@link
 * org.laurel.reward.CouncilSessions} and {@link org.laurel.reward.Ballots} with the events {@link
 * org.laurel.reward.CouncilSessionStatusChanged} and {@link org.laurel.reward.BallotClosed}.
 */
@NullMarked
@ApplicationModule(displayName = "Rewards")
package org.laurel.reward;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
