package org.laurel.access;

import org.jspecify.annotations.Nullable;

/** The signed-in user, as the modules see them when they check a write. */
public record Actor(
    long userId,
    String username,
    String displayName,
    Role role,
    long unitId,
    @Nullable Long personId) {}
