package org.laurel.scoring;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A version of a pact's definition: version 1 is the draft and what assessment started under; each
 * change after freezing is the next, with who made it and why. {@code definition} is given when one
 * version is read, not in lists.
 */
public record PactVersion(
    int number,
    Instant createdAt,
    String createdBy,
    @Nullable String reason,
    @Nullable PactDefinition definition) {}
