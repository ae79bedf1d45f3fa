package org.laurel.certificate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CertificateRepository {

  private static final String SELECT =
      "select c.*, b.name_vi as body_name_vi, b.name_en as body_name_en from certificate c"
          + " join issuing_body b on b.code = c.body_code ";

  private final JdbcClient jdbc;

  CertificateRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<CertificateView> byPublicId(String publicId) {
    return jdbc.sql(SELECT + "where c.public_id = ?").param(publicId).query(this::map).optional();
  }

  Optional<CertificateView> byAward(long awardId) {
    return jdbc.sql(SELECT + "where c.award_id = ?").param(awardId).query(this::map).optional();
  }

  List<CertificateView> byAwards(List<Long> awardIds) {
    if (awardIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(SELECT + "where c.award_id = any(?) order by c.award_id")
        .param(awardIds.toArray(Long[]::new))
        .query(this::map)
        .list();
  }

  List<CertificateView> search(
      @Nullable Long personId, @Nullable String unitCode, @Nullable Integer year, int limit) {
    return jdbc.sql(
            SELECT
                + "where (cast(:person as bigint) is null or c.person_id = :person)"
                + " and (cast(:unit as text) is null or c.unit_code = :unit)"
                + " and (cast(:year as int) is null or c.year = :year)"
                + " order by c.year desc, c.unit_code, c.recipient_name, c.award_code limit :limit")
        .param("person", personId)
        .param("unit", unitCode)
        .param("year", year)
        .param("limit", limit)
        .query(this::map)
        .list();
  }

  /** The next free position in a body's status list; the body's row stays locked. */
  int nextStatusIndex(String bodyCode) {
    return jdbc.sql(
            "update issuing_body set next_status_index = next_status_index + 1 where code = ?"
                + " returning next_status_index - 1")
        .param(bodyCode)
        .query(Integer.class)
        .single();
  }

  record NewCertificate(
      String publicId,
      long awardId,
      String bodyCode,
      String kid,
      int statusIndex,
      String awardCode,
      String awardNameVi,
      String awardNameEn,
      String recipient,
      String recipientName,
      @Nullable Long personId,
      long unitId,
      String unitCode,
      String unitName,
      int year,
      @Nullable String decisionNumber,
      java.time.@Nullable LocalDate decisionDate,
      @Nullable String achievement,
      String credential,
      Instant issuedAt) {}

  /** Inserts unless the award already has a certificate; false when it had. */
  boolean insert(NewCertificate c) {
    return jdbc.sql(
                "insert into certificate(public_id, award_id, body_code, kid, status_index,"
                    + " award_code, award_name_vi, award_name_en, recipient, recipient_name,"
                    + " person_id, unit_id, unit_code, unit_name, year, decision_number,"
                    + " decision_date, achievement, credential_jwt, issued_at) values (?, ?, ?, ?,"
                    + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (award_id) do"
                    + " nothing")
            .params(
                c.publicId(),
                c.awardId(),
                c.bodyCode(),
                c.kid(),
                c.statusIndex(),
                c.awardCode(),
                c.awardNameVi(),
                c.awardNameEn(),
                c.recipient(),
                c.recipientName(),
                c.personId(),
                c.unitId(),
                c.unitCode(),
                c.unitName(),
                c.year(),
                c.decisionNumber(),
                c.decisionDate(),
                c.achievement(),
                c.credential(),
                Timestamp.from(c.issuedAt()))
            .update()
        == 1;
  }

  /** Marks revoked unless it already is; false when nothing changed. */
  boolean revoke(long awardId, String reason, @Nullable String decision, Instant at) {
    return jdbc.sql(
                "update certificate set revoked_at = ?, revocation_reason = ?,"
                    + " revocation_decision = ?, version = version + 1"
                    + " where award_id = ? and revoked_at is null")
            .params(Timestamp.from(at), reason, decision, awardId)
            .update()
        == 1;
  }

  List<Integer> revokedIndexes(String bodyCode) {
    return jdbc.sql(
            "select status_index from certificate where body_code = ? and revoked_at is not null"
                + " order by status_index")
        .param(bodyCode)
        .query(Integer.class)
        .list();
  }

  Optional<IssuingBodies.Body> body(String code) {
    return jdbc.sql(
            "select code, name_vi, name_en, next_status_index from issuing_body where code = ?")
        .param(code)
        .query((rs, n) -> new IssuingBodies.Body(rs.getString(1), rs.getString(2), rs.getString(3)))
        .optional();
  }

  int statusListSize(String code) {
    return jdbc.sql("select next_status_index from issuing_body where code = ?")
        .param(code)
        .query(Integer.class)
        .single();
  }

  List<IssuingBodies.Body> bodies() {
    return jdbc.sql("select code, name_vi, name_en from issuing_body order by code")
        .query((rs, n) -> new IssuingBodies.Body(rs.getString(1), rs.getString(2), rs.getString(3)))
        .list();
  }

  private CertificateView map(ResultSet rs, int n) throws SQLException {
    Timestamp revoked = rs.getTimestamp("revoked_at");
    java.sql.Date decided = rs.getDate("decision_date");
    long person = rs.getLong("person_id");
    Long personId = rs.wasNull() ? null : person;
    return new CertificateView(
        rs.getString("public_id"),
        rs.getLong("award_id"),
        rs.getString("award_code"),
        rs.getString("award_name_vi"),
        rs.getString("award_name_en"),
        rs.getString("recipient"),
        rs.getString("recipient_name"),
        personId,
        rs.getString("unit_code"),
        rs.getString("unit_name"),
        rs.getInt("year"),
        rs.getString("decision_number"),
        decided == null ? null : decided.toLocalDate(),
        rs.getString("achievement"),
        rs.getString("body_code"),
        rs.getString("body_name_vi"),
        rs.getString("body_name_en"),
        rs.getString("kid"),
        rs.getInt("status_index"),
        rs.getTimestamp("issued_at").toInstant(),
        revoked == null ? null : revoked.toInstant(),
        rs.getString("revocation_reason"),
        rs.getString("revocation_decision"),
        rs.getInt("version"),
        rs.getString("credential_jwt"));
  }
}
