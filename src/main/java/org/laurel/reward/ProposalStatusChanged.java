package org.laurel.reward;

import org.jspecify.annotations.Nullable;

/** A proposal took a step (a return goes back to {@code DRAFT} with its reason). */
public record ProposalStatusChanged(
    long proposalId, @Nullable ProposalStatus from, ProposalStatus to, @Nullable String reason) {}
