package org.laurel.access;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiPredicate;
import org.laurel.access.UiWriteAccessMatrixTest.Row;
import org.laurel.access.WriteAccessMatrixTest.Call;
import org.laurel.access.WriteAccessMatrixTest.Endpoint;
import org.laurel.access.WriteAccessMatrixTest.Scope;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The evidence files' rows of both write matrices (API and UI): upload to, and delete from, the
 * scoring fixture's draft cross sheets MX.A → MX.B (own) and MX.B → MX.A (foreign). One evidence
 * file on each sheet is committed once (a row only: deleting a missing file is harmless).
 */
final class EvidenceMatrix {
  private EvidenceMatrix() {}

  /** The secretariat anywhere; a reporter or bloc head for their own unit's sheets. */
  static final BiPredicate<Role, Scope> SHEET_WRITER =
      (r, s) -> r.isSecretariat() || (r.reportsForOwnUnit() && s == Scope.OWN);

  static volatile long ownEvidence;
  static volatile long foreignEvidence;

  static final String PDF = "%PDF-1.4\n% matrix evidence\n";

  static synchronized void ensure(JdbcClient jdbc, PlatformTransactionManager tx) {
    if (ownEvidence != 0) {
      return;
    }
    ScoringFixtures.committed(
        tx,
        () -> {
          ownEvidence = insert(jdbc, "MX.A");
          foreignEvidence = insert(jdbc, "MX.B");
        });
  }

  private static long insert(JdbcClient jdbc, String assessor) {
    return jdbc.sql(
            """
            insert into evidence_file(sheet_id, criterion, file_name, media_type, size_bytes,
              sha256, storage_key, uploaded_by, uploaded_at)
            select s.id, 'M', 'bien-ban.pdf', 'application/pdf', 10, 'x',
              'matrix/' || s.id || '/' || gen_random_uuid(), 'matrix', now()
            from sheet s join unit a on a.id = s.assessor_unit_id where s.pact_id = ?
              and s.round = 'CROSS' and a.code = ?
            returning id""")
        .params(ScoringFixtures.scorePact, assessor)
        .query(Long.class)
        .single();
  }

  static String other(WriteAccessMatrixTest.World w, Scope s) {
    return w.unit(s == Scope.OWN ? Scope.FOREIGN : Scope.OWN);
  }

  static String sheet(WriteAccessMatrixTest.World w, Scope s) {
    return "/pacts/%d/sheets/CROSS/%s/%s"
        .formatted(ScoringFixtures.scorePact, w.unit(s), other(w, s));
  }

  static long evidence(Scope s) {
    return s == Scope.OWN ? ownEvidence : foreignEvidence;
  }

  /** The API rows. */
  static final List<Endpoint> API =
      List.of(
          new Endpoint(
              "POST /api/v1/pacts/{id}/sheets/{round}/{assessor}/{assessed}/criteria/{criterion}/evidence",
              (w, s, c) ->
                  new Call(HttpMethod.POST, "/api/v1" + sheet(w, s) + "/criteria/M/evidence", PDF),
              SHEET_WRITER),
          new Endpoint(
              "DELETE /api/v1/pacts/{id}/evidence/{evidenceId}",
              (w, s, c) ->
                  new Call(
                      HttpMethod.DELETE,
                      "/api/v1/pacts/%d/evidence/%d"
                          .formatted(ScoringFixtures.scorePact, evidence(s)),
                      null),
              SHEET_WRITER));

  /** The UI rows. */
  static final List<Row> UI =
      List.of(
          new Row(
              "POST /pacts/{id}/sheets/{round}/{assessor}/{assessed}/criteria/{criterion}/evidence",
              "POST /api/v1/pacts/{id}/sheets/{round}/{assessor}/{assessed}/criteria/{criterion}/evidence",
              (w, s, c) ->
                  MockMvcRequestBuilders.multipart(sheet(w, s) + "/criteria/M/evidence")
                      .file(
                          new MockMultipartFile(
                              "file",
                              "bien-ban.pdf",
                              "application/pdf",
                              PDF.getBytes(StandardCharsets.US_ASCII))),
              SHEET_WRITER,
              MovementMatrix.wrote(
                  "/pacts/", "select count(*) from evidence_file where uploaded_by like 'mx-%'")),
          new Row(
              "POST /pacts/{id}/evidence/{evidenceId}/delete",
              "DELETE /api/v1/pacts/{id}/evidence/{evidenceId}",
              (w, s, c) ->
                  MockMvcRequestBuilders.post(
                      "/pacts/%d/evidence/%d/delete"
                          .formatted(ScoringFixtures.scorePact, evidence(s))),
              SHEET_WRITER,
              (result, c, jdbc) -> {
                MovementMatrix.redirectWithFlash("/pacts/").verify(result, c, jdbc);
                org.assertj.core.api.Assertions.assertThat(
                        jdbc.sql("select count(*) from evidence_file where id in (?, ?)")
                            .params(ownEvidence, foreignEvidence)
                            .query(Long.class)
                            .single())
                    .as("one of the two evidence files (the cell's) is deleted")
                    .isEqualTo(1L);
              }));
}
