package org.laurel.certificate;

import org.laurel.access.Access;
import org.laurel.reward.AwardRevoked;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Revokes the certificate of an award that a later decision revoked or replaced, with that
 * decision's number, once the decision has committed. Should the award's certificate not be issued
 * yet (the grant's event is handled in its own thread), it is issued first, then revoked; a
 * certificate already revoked stays as it is.
 */
@Component
class AwardRevokedListener {

  private static final Logger log = LoggerFactory.getLogger(AwardRevokedListener.class);

  private final Certificates certificates;

  AwardRevokedListener(Certificates certificates) {
    this.certificates = certificates;
  }

  @ApplicationModuleListener
  void on(AwardRevoked event) {
    Access.runAsSystem(
        "certificates",
        () -> {
          // the grant's own event may not have issued the certificate yet: issue it now (once)
          CertificateView c = certificates.issueGranted(event.awardId());
          if (c.revokedAt() != null) {
            log.info("Certificate of award {} was already revoked", event.awardId());
            return;
          }
          String reason =
              (event.superseded()
                      ? "Khen thưởng được đính chính theo Quyết định số "
                      : "Khen thưởng bị hủy bỏ theo Quyết định số ")
                  + event.decisionNumber()
                  + (event.reason().isBlank() ? "" : ": " + event.reason());
          certificates.revoke(
              event.awardId(),
              new Certificates.Revocation(
                  reason.length() > 2000 ? reason.substring(0, 2000) : reason,
                  event.decisionNumber()));
        });
  }
}
