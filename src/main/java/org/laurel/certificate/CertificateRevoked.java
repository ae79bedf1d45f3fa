package org.laurel.certificate;

import org.jspecify.annotations.Nullable;

/** A certificate was revoked, with the reason and the decision that revoked it. */
public record CertificateRevoked(
    String publicId, long awardId, String reason, @Nullable String decision) {}
