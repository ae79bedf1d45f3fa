package org.laurel.certificate;

import org.laurel.access.Access;
import org.laurel.reward.AwardGranted;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Issues the certificate of every award granted in Laurel, in its own transaction once the grant
 * has committed. The event publication registry keeps the event until this succeeds.
 */
@Component
class AwardGrantedListener {

  private final Certificates certificates;

  AwardGrantedListener(Certificates certificates) {
    this.certificates = certificates;
  }

  @ApplicationModuleListener
  void on(AwardGranted event) {
    Access.runAsSystem("certificates", () -> certificates.issueGranted(event.award().id()));
  }
}
