package org.laurel.certificate;

/** A certificate was issued for an award. */
public record CertificateIssued(String publicId, long awardId, String issuerCode) {}
