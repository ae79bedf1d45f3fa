package org.laurel.reward;

import org.jspecify.annotations.Nullable;

/** A council session was prepared, opened or closed. */
public record CouncilSessionStatusChanged(
    long sessionId, CouncilSessionView.@Nullable Status from, CouncilSessionView.Status to) {}
