package org.laurel.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiPredicate;
import org.laurel.access.UiWriteAccessMatrixTest.Row;
import org.laurel.access.WriteAccessMatrixTest.Call;
import org.laurel.access.WriteAccessMatrixTest.Endpoint;
import org.laurel.access.WriteAccessMatrixTest.Scope;
import org.laurel.certificate.Certificates;
import org.laurel.reward.AwardHistory;
import org.laurel.reward.AwardImports;
import org.laurel.reward.AwardRecord;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The certificate module's rows of both write matrices (API and UI), and what they act on,
 * committed once: per scope an award of MX.A / MX.B without a certificate (to issue) and one with a
 * certificate (to revoke). Issuing and revoking are the secretariat's, in any unit.
 */
final class CertificateMatrix {
  private CertificateMatrix() {}

  static final BiPredicate<Role, Scope> SECRETARIAT = (r, s) -> r.isSecretariat();

  static volatile long ownUncertified;
  static volatile long foreignUncertified;
  static volatile String ownCertificate;
  static volatile String foreignCertificate;

  static long uncertified(Scope s) {
    return s == Scope.OWN ? ownUncertified : foreignUncertified;
  }

  static String certificate(Scope s) {
    return s == Scope.OWN ? ownCertificate : foreignCertificate;
  }

  static synchronized void ensure(ApplicationContext context, PlatformTransactionManager tx) {
    if (ownCertificate != null) {
      return;
    }
    AwardImports imports = context.getBean(AwardImports.class);
    AwardHistory history = context.getBean(AwardHistory.class);
    Certificates certificates = context.getBean(Certificates.class);
    TransactionTemplate t = new TransactionTemplate(tx);
    t.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
    Access.runAsSystem(
        "matrix-setup",
        () ->
            t.executeWithoutResult(
                st -> {
                  imports.importFile(
                      ("recipient,unit,person,household,award,year,decision_number,decision_date\n"
                              + "COLLECTIVE,MX.A,,,TTLDXS,2016,MX-1/QĐ,2017-01-10\n"
                              + "COLLECTIVE,MX.B,,,TTLDXS,2016,MX-1/QĐ,2017-01-10\n"
                              + "COLLECTIVE,MX.A,,,TTLDXS,2015,MX-2/QĐ,2016-01-10\n"
                              + "COLLECTIVE,MX.B,,,TTLDXS,2015,MX-2/QĐ,2016-01-10\n")
                          .getBytes(StandardCharsets.UTF_8),
                      "matrix-certificates.csv");
                  ownUncertified = award(history, "MX.A", 2016);
                  foreignUncertified = award(history, "MX.B", 2016);
                  List<org.laurel.certificate.CertificateView> issued =
                      certificates.issue(
                          new Certificates.IssueRequest(
                              List.of(award(history, "MX.A", 2015), award(history, "MX.B", 2015))));
                  ownCertificate = issued.get(0).publicId();
                  foreignCertificate = issued.get(1).publicId();
                }));
  }

  private static long award(AwardHistory history, String unit, int year) {
    return history.ofUnit(unit, false).stream()
        .filter(a -> a.year() == year && a.awardCode().equals("TTLDXS"))
        .map(AwardRecord::id)
        .findFirst()
        .orElseThrow();
  }

  /** The API rows. */
  static final List<Endpoint> API =
      List.of(
          new Endpoint(
              "POST /api/v1/certificates",
              (w, s, c) ->
                  new Call(
                      HttpMethod.POST,
                      "/api/v1/certificates",
                      "{\"awardIds\":[" + uncertified(s) + "]}"),
              SECRETARIAT),
          new Endpoint(
              "POST /api/v1/certificates/{id}/revoke",
              (w, s, c) ->
                  new Call(
                      HttpMethod.POST,
                      "/api/v1/certificates/" + certificate(s) + "/revoke",
                      "{\"reason\":\"Ma trận\",\"decision\":\"MX-3/QĐ\"}"),
              SECRETARIAT));

  /** The UI rows. */
  static final List<Row> UI =
      List.of(
          new Row(
              "POST /certificates/issue",
              "POST /api/v1/certificates",
              (w, s, c) ->
                  MockMvcRequestBuilders.post("/certificates/issue")
                      .param("awardIds", Long.toString(uncertified(s))),
              SECRETARIAT,
              (result, c, jdbc) -> {
                MovementMatrix.redirectWithFlash("/certificates").verify(result, c, jdbc);
                assertThat(
                        jdbc.sql("select count(*) from certificate where award_id in (?, ?)")
                            .params(ownUncertified, foreignUncertified)
                            .query(Long.class)
                            .single())
                    .as("a certificate was issued")
                    .isEqualTo(1);
              }),
          new Row(
              "POST /certificates/{id}/revoke",
              "POST /api/v1/certificates/{id}/revoke",
              (w, s, c) ->
                  MockMvcRequestBuilders.post("/certificates/" + certificate(s) + "/revoke")
                      .param("reason", "Ma trận giao diện")
                      .param("decision", "MX-4/QĐ"),
              SECRETARIAT,
              (result, c, jdbc) -> {
                MovementMatrix.redirectWithFlash("/certificates").verify(result, c, jdbc);
                assertThat(
                        jdbc.sql(
                                "select count(*) from certificate where revocation_reason ="
                                    + " 'Ma trận giao diện'")
                            .query(Long.class)
                            .single())
                    .as("the certificate is revoked")
                    .isEqualTo(1);
              }));
}
