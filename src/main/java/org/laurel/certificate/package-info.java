/**
 * Certificates: one per award, with a PDF (Vietnamese text in an embedded font, QR code to the
 * public verification page) and a signed credential in the Open Badges 3.0 shape (VC-JWT, ES256,
 * with the issuing body's key); public verification, the published keys (JWKS), revocation and the
 * published status list. Public API: {@link org.laurel.certificate.Certificates} with {@link
 * org.laurel.certificate.CertificateView} and the events {@link
 * org.laurel.certificate.CertificateIssued} and {@link org.laurel.certificate.CertificateRevoked}.
 */
@NullMarked
@ApplicationModule(displayName = "Certificates")
package org.laurel.certificate;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
