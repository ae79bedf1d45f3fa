package org.laurel.organisation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A recorded reorganisation, with its lineage links (empty for renames and transfers). */
public record ReorganisationView(
    long id,
    ReorganisationKind kind,
    LocalDate effectiveDate,
    @Nullable String reference,
    @Nullable String description,
    boolean synthetic,
    @Nullable String subjectCode,
    @Nullable String oldValue,
    @Nullable String newValue,
    Instant recordedAt,
    String recordedBy,
    List<LineageLink> links) {}
