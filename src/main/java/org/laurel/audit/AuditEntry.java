package org.laurel.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One entry of the audit log, as stored. */
public record AuditEntry(
    long seq,
    Instant occurredAt,
    String actor,
    String action,
    String entityType,
    String entityId,
    @Nullable String before,
    @Nullable String after,
    String prevHash,
    String hash) {}
