package org.laurel.scoring;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.laurel.scoring.PactDefinition.Criterion;
import org.laurel.scoring.PactDefinition.Group;
import org.laurel.scoring.PactDefinition.Round;
import org.laurel.scoring.ScoreEngine.Item;
import org.laurel.scoring.ScoreEngine.Mark;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@Repository
class ScoringRepository {

  private final JdbcClient jdbc;
  private final JsonMapper json;

  ScoringRepository(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  // ---- pacts

  private static final String PACT =
      "select p.*, b.code as bloc_code from pact p join bloc b on b.id = p.bloc_id ";

  Optional<PactView> pact(long id) {
    return jdbc.sql(PACT + "where p.id = ?").param(id).query(this::mapPact).optional();
  }

  Optional<PactView> pactOfBloc(long blocId) {
    return jdbc.sql(PACT + "where p.bloc_id = ?").param(blocId).query(this::mapPact).optional();
  }

  private PactView mapPact(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new PactView(
        rs.getLong("id"),
        rs.getLong("bloc_id"),
        rs.getString("bloc_code"),
        rs.getInt("year"),
        PactView.Status.valueOf(rs.getString("status")),
        rs.getInt("version"),
        rs.getInt("definition_version"),
        json.readValue(rs.getString("definition"), PactDefinition.class));
  }

  long insertPact(long blocId, int year, PactDefinition def, String by) {
    long id =
        jdbc.sql(
                """
                insert into pact(bloc_id, year, status, definition)
                values (?, ?, 'DRAFT', cast(? as jsonb)) returning id""")
            .params(blocId, year, json.writeValueAsString(def))
            .query(Long.class)
            .single();
    writeCriteria(id, def);
    jdbc.sql(
            """
            insert into pact_version(pact_id, number, definition, created_by)
            values (?, 1, cast(? as jsonb), ?)""")
        .params(id, json.writeValueAsString(def), by)
        .update();
    return id;
  }

  /**
   * Replaces a draft's definition; 0 when the version is stale or the pact is no longer a draft.
   */
  int updatePact(long id, PactDefinition def, int version) {
    int n =
        jdbc.sql(
                """
                update pact set definition = cast(? as jsonb), version = version + 1
                where id = ? and version = ? and status = 'DRAFT'""")
            .params(json.writeValueAsString(def), id, version)
            .update();
    if (n > 0) {
      jdbc.sql("delete from pact_criterion where pact_id = ?").param(id).update();
      writeCriteria(id, def);
      jdbc.sql(
              """
              update pact_version set definition = cast(? as jsonb)
              where pact_id = ? and number = 1""")
          .params(json.writeValueAsString(def), id)
          .update();
    }
    return n;
  }

  /**
   * A frozen pact's new definition as version n + 1; 0 when the version is stale. Criteria that the
   * new version drops stay listed (old sheets refer to them) but no longer count.
   */
  int newPactVersion(long id, PactDefinition def, int version, String by, String reason) {
    String doc = json.writeValueAsString(def);
    int n =
        jdbc.sql(
                """
                update pact set definition = cast(? as jsonb), version = version + 1,
                                definition_version = definition_version + 1
                where id = ? and version = ? and status = 'ACTIVE'""")
            .params(doc, id, version)
            .update();
    if (n == 0) {
      return 0;
    }
    jdbc.sql(
            """
            insert into pact_version(pact_id, number, definition, created_by, reason)
            select id, definition_version, cast(? as jsonb), ?, ? from pact where id = ?""")
        .params(doc, by, reason, id)
        .update();
    for (Group g : def.groups()) {
      for (Criterion c : g.criteria()) {
        jdbc.sql(
                """
                insert into pact_criterion(pact_id, code, group_code, method, max_points)
                values (?, ?, ?, ?, ?)
                on conflict (pact_id, code) do update
                set group_code = excluded.group_code, method = excluded.method,
                    max_points = excluded.max_points""")
            .params(id, c.code(), g.code(), c.method().name(), c.maxPoints())
            .update();
      }
    }
    return n;
  }

  List<PactVersion> pactVersions(long pactId) {
    return jdbc.sql(
            """
            select number, created_at, created_by, reason from pact_version
            where pact_id = ? order by number""")
        .param(pactId)
        .query(
            (rs, n) ->
                new PactVersion(
                    rs.getInt(1),
                    rs.getTimestamp(2).toInstant(),
                    rs.getString(3),
                    rs.getString(4),
                    null))
        .list();
  }

  Optional<PactDefinition> pactDefinition(long pactId, int number) {
    return jdbc.sql("select definition from pact_version where pact_id = ? and number = ?")
        .params(pactId, number)
        .query(String.class)
        .optional()
        .map(d -> json.readValue(d, PactDefinition.class));
  }

  /** The pact version a published result version was computed under. */
  int pactVersionOf(long pactId, int resultVersion) {
    return jdbc.sql("select pact_version from result_version where pact_id = ? and version = ?")
        .params(pactId, resultVersion)
        .query(Integer.class)
        .optional()
        .orElse(1);
  }

  private void writeCriteria(long pactId, PactDefinition def) {
    for (Group g : def.groups()) {
      for (Criterion c : g.criteria()) {
        jdbc.sql(
                """
                insert into pact_criterion(pact_id, code, group_code, method, max_points)
                values (?, ?, ?, ?, ?)""")
            .params(pactId, c.code(), g.code(), c.method().name(), c.maxPoints())
            .update();
      }
    }
  }

  /**
   * Locks the pact's row for a publication; false when another transaction holds it (a publication
   * under way).
   */
  boolean tryLock(long pactId) {
    try {
      jdbc.sql("select id from pact where id = ? for update nowait")
          .param(pactId)
          .query(Long.class)
          .single();
      return true;
    } catch (org.springframework.dao.DataAccessException e) {
      // 55P03 lock_not_available, translated or not depending on the driver's mapping
      if (e instanceof org.springframework.dao.PessimisticLockingFailureException
          || e.getMostSpecificCause() instanceof java.sql.SQLException sql
              && "55P03".equals(sql.getSQLState())) {
        return false;
      }
      throw e;
    }
  }

  /** DRAFT → ACTIVE; true when this call froze it. */
  boolean freeze(long pactId, Instant at) {
    return jdbc.sql(
                """
                update pact set status = 'ACTIVE', frozen_at = ?, version = version + 1
                where id = ? and status = 'DRAFT'""")
            .params(Timestamp.from(at), pactId)
            .update()
        > 0;
  }

  // ---- sheets

  private static final String SHEET =
      """
      select s.*, coalesce(a.code, 'COUNCIL') as assessor_code, u.code as assessed_code
      from sheet s left join unit a on a.id = s.assessor_unit_id join unit u on u.id = s.assessed_unit_id
      """;

  Optional<SheetView> sheet(
      long pactId, Round round, @Nullable Long assessorUnitId, long assessedUnitId) {
    return jdbc.sql(
            SHEET
                + """
                where s.pact_id = ? and s.round = ? and coalesce(s.assessor_unit_id, 0) = ?
                  and s.assessed_unit_id = ? for update of s""")
        .params(pactId, round.name(), assessorUnitId == null ? 0L : assessorUnitId, assessedUnitId)
        .query(this::mapSheet)
        .optional()
        .map(this::withScores);
  }

  List<SheetView> sheets(long pactId) {
    return jdbc
        .sql(SHEET + "where s.pact_id = ? order by s.round, assessor_code, assessed_code")
        .param(pactId)
        .query(this::mapSheet)
        .list()
        .stream()
        .map(this::withScores)
        .toList();
  }

  private SheetView mapSheet(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    Timestamp at = rs.getTimestamp("submitted_at");
    Timestamp reopened = rs.getTimestamp("reopened_at");
    return new SheetView(
        rs.getLong("id"),
        rs.getLong("pact_id"),
        Round.valueOf(rs.getString("round")),
        rs.getString("assessor_code"),
        rs.getString("assessed_code"),
        SheetView.Status.valueOf(rs.getString("status")),
        at == null ? null : at.toInstant(),
        rs.getString("submitted_by"),
        rs.getInt("version"),
        List.of(),
        reopened == null ? null : reopened.toInstant(),
        rs.getString("reopened_by"),
        rs.getString("reopen_reason"),
        rs.getString("recusal_reason"),
        List.of());
  }

  private SheetView withScores(SheetView s) {
    List<SheetView.Entry> scores =
        jdbc.sql(
                """
                select criterion, points, comment, evidence from sheet_score
                where sheet_id = ? order by criterion""")
            .param(s.id())
            .query(
                (rs, n) ->
                    new SheetView.Entry(
                        rs.getString(1),
                        rs.getBigDecimal(2),
                        rs.getBigDecimal(2) == null,
                        rs.getString(3),
                        rs.getString(4)))
            .list();
    return new SheetView(
        s.id(),
        s.pactId(),
        s.round(),
        s.assessor(),
        s.assessed(),
        s.status(),
        s.submittedAt(),
        s.submittedBy(),
        s.version(),
        scores,
        s.reopenedAt(),
        s.reopenedBy(),
        s.reopenReason(),
        s.recusalReason(),
        evidenceOfSheet(s.pactId(), s.id()));
  }

  /** Every sheet's round, assessor, assessed unit and status, without scores. */
  List<SheetView.Progress> progress(long pactId) {
    return jdbc.sql(
            """
            select s.round, coalesce(a.code, 'COUNCIL'), u.code, s.status
            from sheet s left join unit a on a.id = s.assessor_unit_id
            join unit u on u.id = s.assessed_unit_id
            where s.pact_id = ? order by s.round, 2, 3""")
        .param(pactId)
        .query(
            (rs, n) ->
                new SheetView.Progress(
                    Round.valueOf(rs.getString(1)),
                    rs.getString(2),
                    rs.getString(3),
                    SheetView.Status.valueOf(rs.getString(4))))
        .list();
  }

  /** A draft's recusal: its reason, or null when the assessor scores the unit. */
  void setRecusal(long sheetId, @Nullable String reason) {
    jdbc.sql("update sheet set recusal_reason = ? where id = ?").params(reason, sheetId).update();
  }

  long insertSheet(long pactId, Round round, @Nullable Long assessorUnitId, long assessedUnitId) {
    return jdbc.sql(
            """
            insert into sheet(pact_id, round, assessor_unit_id, assessed_unit_id, status)
            values (?, ?, ?, ?, 'DRAFT') returning id""")
        .params(pactId, round.name(), assessorUnitId, assessedUnitId)
        .query(Long.class)
        .single();
  }

  /** Bumps a draft's version; 0 when stale or submitted. */
  int touchSheet(long id, int version) {
    return jdbc.sql(
            "update sheet set version = version + 1 where id = ? and version = ? and status = 'DRAFT'")
        .params(id, version)
        .update();
  }

  void replaceScores(long sheetId, long pactId, List<SheetView.Entry> scores) {
    jdbc.sql("delete from sheet_score where sheet_id = ?").param(sheetId).update();
    for (SheetView.Entry e : scores) {
      jdbc.sql(
              """
              insert into sheet_score(sheet_id, pact_id, criterion, points, comment, evidence)
              values (?, ?, ?, ?, ?, ?)""")
          .params(sheetId, pactId, e.criterion(), e.points(), e.comment(), e.evidence())
          .update();
    }
  }

  int submitSheet(long id, int version, String by, Instant at) {
    return jdbc.sql(
            """
            update sheet set status = 'SUBMITTED', submitted_at = ?, submitted_by = ?,
                             version = version + 1
            where id = ? and version = ? and status = 'DRAFT'""")
        .params(Timestamp.from(at), by, id, version)
        .update();
  }

  /** SUBMITTED → DRAFT with who and why; 0 when stale or not submitted. */
  int reopenSheet(long id, int version, String by, Instant at, String reason) {
    return jdbc.sql(
            """
            update sheet set status = 'DRAFT', submitted_at = null, submitted_by = null,
                             reopened_at = ?, reopened_by = ?, reopen_reason = ?,
                             version = version + 1
            where id = ? and version = ? and status = 'SUBMITTED'""")
        .params(Timestamp.from(at), by, reason, id, version)
        .update();
  }

  /**
   * The scores of the submitted sheets, as the engine takes them; a submitted recusal gives a mark
   * without points and with its reason on every manual criterion.
   */
  List<Mark> submittedMarks(long pactId) {
    return jdbc.sql(
            """
            select s.round, coalesce(a.code, 'COUNCIL'), u.code, sc.criterion, sc.points, sc.comment,
                   sc.evidence, cast(null as text)
            from sheet s join sheet_score sc on sc.sheet_id = s.id
            left join unit a on a.id = s.assessor_unit_id join unit u on u.id = s.assessed_unit_id
            where s.pact_id = ? and s.status = 'SUBMITTED'
            union all
            select s.round, coalesce(a.code, 'COUNCIL'), u.code, pc.code, null, null, null,
                   s.recusal_reason
            from sheet s join pact_criterion pc on pc.pact_id = s.pact_id and pc.method = 'MANUAL'
            left join unit a on a.id = s.assessor_unit_id join unit u on u.id = s.assessed_unit_id
            where s.pact_id = ? and s.status = 'SUBMITTED' and s.recusal_reason is not null""")
        .params(pactId, pactId)
        .query(
            (rs, n) ->
                new Mark(
                    Round.valueOf(rs.getString(1)),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getBigDecimal(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getString(8)))
        .list();
  }

  // ---- items

  long insertItem(
      long pactId, long unitId, String criterion, BigDecimal points, String reason, String by) {
    return jdbc.sql(
            """
            insert into adjustment(pact_id, unit_id, criterion, points, reason, created_by)
            values (?, ?, ?, ?, ?, ?) returning id""")
        .params(pactId, unitId, criterion, points, reason, by)
        .query(Long.class)
        .single();
  }

  List<Item> items(long pactId) {
    return jdbc.sql(
            """
            select u.code, a.criterion, a.points, a.reason from adjustment a
            join unit u on u.id = a.unit_id where a.pact_id = ? and a.withdrawn_at is null
            order by a.id""")
        .param(pactId)
        .query(
            (rs, n) ->
                new Item(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getString(4)))
        .list();
  }

  private static final String ITEM =
      """
      select a.id, a.pact_id, u.code, a.criterion, a.points, a.reason, a.created_at, a.created_by,
             a.withdrawn_at, a.withdrawn_by, a.withdraw_reason
      from adjustment a join unit u on u.id = a.unit_id
      """;

  /** Every item of the pact, withdrawn ones too, in the order they were recorded. */
  List<ItemView> itemViews(long pactId) {
    return jdbc.sql(ITEM + "where a.pact_id = ? order by a.id")
        .param(pactId)
        .query(this::mapItem)
        .list();
  }

  /** The item of the pact, locked for a change. */
  Optional<ItemView> itemForUpdate(long pactId, long itemId) {
    return jdbc.sql(ITEM + "where a.pact_id = ? and a.id = ? for update of a")
        .params(pactId, itemId)
        .query(this::mapItem)
        .optional();
  }

  /** Active → withdrawn; 0 when it is withdrawn already. */
  int withdrawItem(long itemId, String by, Instant at, String reason) {
    return jdbc.sql(
            """
            update adjustment set withdrawn_at = ?, withdrawn_by = ?, withdraw_reason = ?
            where id = ? and withdrawn_at is null""")
        .params(Timestamp.from(at), by, reason, itemId)
        .update();
  }

  private ItemView mapItem(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    Timestamp withdrawn = rs.getTimestamp(9);
    return new ItemView(
        rs.getLong(1),
        rs.getLong(2),
        rs.getString(3),
        rs.getString(4),
        rs.getBigDecimal(5),
        rs.getString(6),
        rs.getTimestamp(7).toInstant(),
        rs.getString(8),
        withdrawn == null ? null : withdrawn.toInstant(),
        rs.getString(10),
        rs.getString(11));
  }

  // ---- results

  int lastVersion(long pactId) {
    return jdbc.sql("select coalesce(max(version), 0) from result_version where pact_id = ?")
        .param(pactId)
        .query(Integer.class)
        .single();
  }

  Optional<Instant> publishedAt(long pactId, int version) {
    return jdbc.sql("select published_at from result_version where pact_id = ? and version = ?")
        .params(pactId, version)
        .query(Timestamp.class)
        .optional()
        .map(Timestamp::toInstant);
  }

  void insertVersion(
      long pactId,
      int version,
      int pactVersion,
      Instant at,
      String by,
      @Nullable String incompleteReason) {
    jdbc.sql(
            """
            insert into result_version(pact_id, version, pact_version, published_at, published_by,
                                       incomplete_reason)
            values (?, ?, ?, ?, ?, ?)""")
        .params(pactId, version, pactVersion, Timestamp.from(at), by, incompleteReason)
        .update();
  }

  /** Why a version was published while expected sheets were missing; empty when none were. */
  Optional<String> incompleteReason(long pactId, int version) {
    return jdbc.sql(
            """
            select incomplete_reason from result_version
            where pact_id = ? and version = ? and incomplete_reason is not null""")
        .params(pactId, version)
        .query(String.class)
        .optional();
  }

  void insertRow(long pactId, int version, long unitId, ScoreEngine.Result r) {
    jdbc.sql(
            """
            insert into result_row(pact_id, version, unit_id, unit_code, unit_name, total, rank,
                                   classification, explanation, raw_total, raw_rank)
            values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?)""")
        .params(
            pactId,
            version,
            unitId,
            r.unit(),
            r.name(),
            r.total(),
            r.rank(),
            r.classification(),
            json.writeValueAsString(r.explanation()),
            r.rawTotal(),
            r.rawRank())
        .update();
  }

  /**
   * The latest published ranking of the bloc with the given bloc's code in {@code year}, in one
   * query: this is the public read that other tools poll.
   */
  Optional<Ranking> latestRanking(long blocId, int year) {
    List<Object[]> rows =
        jdbc.sql(
                """
                select rr.version, rr.unit_code, rr.unit_name, rr.total, rr.rank, rr.classification
                from bloc b
                join pact p on p.bloc_id = b.id
                join result_row rr on rr.pact_id = p.id
                where b.code = (select code from bloc where id = ?) and b.year = ?
                  and rr.version = (select max(v.version) from result_version v where v.pact_id = p.id)
                order by rr.rank, rr.unit_code""")
            .params(blocId, year)
            .query(
                (rs, n) ->
                    new Object[] {
                      rs.getInt(1),
                      new Ranking.Row(
                          rs.getString(2),
                          rs.getString(3),
                          rs.getBigDecimal(4),
                          rs.getInt(5),
                          rs.getString(6))
                    })
            .list();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Ranking(
            year, (Integer) rows.get(0)[0], rows.stream().map(r -> (Ranking.Row) r[1]).toList()));
  }

  List<Ranking.Row> rows(long pactId, int version) {
    return jdbc.sql(
            """
            select unit_code, unit_name, total, rank, classification from result_row
            where pact_id = ? and version = ? order by rank, unit_code""")
        .params(pactId, version)
        .query(
            (rs, n) ->
                new Ranking.Row(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getBigDecimal(3),
                    rs.getInt(4),
                    rs.getString(5)))
        .list();
  }

  /** A published version's rows with the raw result and each unit's explanation. */
  List<ResultsVersion.UnitResult> versionRows(long pactId, int version) {
    return jdbc.sql(
            """
            select unit_code, unit_name, total, rank, classification, raw_total, raw_rank, explanation
            from result_row where pact_id = ? and version = ? order by rank, unit_code""")
        .params(pactId, version)
        .query(
            (rs, n) ->
                new ResultsVersion.UnitResult(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getBigDecimal(3),
                    rs.getInt(4),
                    rs.getString(5),
                    rs.getBigDecimal(6),
                    rs.getInt(7),
                    spread(json.readValue(rs.getString(8), ScoreEngine.Explanation.class))))
        .list();
  }

  /** The disagreement per criterion, from a stored explanation. */
  private static java.util.Map<String, BigDecimal> spread(ScoreEngine.Explanation e) {
    java.util.Map<String, BigDecimal> out = new java.util.LinkedHashMap<>();
    for (ScoreEngine.Line l : e.criteria()) {
      if (l.spread() != null) {
        out.put(l.criterion(), l.spread());
      }
    }
    return out;
  }

  Optional<JsonNode> explanation(long pactId, int version, String unitCode) {
    return jdbc.sql(
            "select explanation from result_row where pact_id = ? and version = ? and unit_code = ?")
        .params(pactId, version, unitCode)
        .query(String.class)
        .optional()
        .map(json::readTree);
  }

  // ---- evidence files

  /** An evidence file's row with where it belongs. */
  record EvidenceRow(
      long id,
      long pactId,
      long sheetId,
      Round round,
      String assessor,
      String assessed,
      String criterion,
      String fileName,
      String mediaType,
      long size,
      String storageKey,
      String uploadedBy,
      Instant uploadedAt) {

    SheetView.Attachment view() {
      return new SheetView.Attachment(
          id,
          criterion,
          fileName,
          mediaType,
          size,
          uploadedBy,
          uploadedAt,
          "/api/v1/pacts/%d/evidence/%d".formatted(pactId, id));
    }
  }

  private static final String EVIDENCE =
      """
      select e.*, s.pact_id, s.round, coalesce(a.code, 'COUNCIL') as assessor_code,
             u.code as assessed_code
      from evidence_file e join sheet s on s.id = e.sheet_id
      left join unit a on a.id = s.assessor_unit_id join unit u on u.id = s.assessed_unit_id
      """;

  private EvidenceRow mapEvidence(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new EvidenceRow(
        rs.getLong("id"),
        rs.getLong("pact_id"),
        rs.getLong("sheet_id"),
        Round.valueOf(rs.getString("round")),
        rs.getString("assessor_code"),
        rs.getString("assessed_code"),
        rs.getString("criterion"),
        rs.getString("file_name"),
        rs.getString("media_type"),
        rs.getLong("size_bytes"),
        rs.getString("storage_key"),
        rs.getString("uploaded_by"),
        rs.getTimestamp("uploaded_at").toInstant());
  }

  private List<SheetView.Attachment> evidenceOfSheet(long pactId, long sheetId) {
    return jdbc
        .sql(EVIDENCE + "where e.sheet_id = ? order by e.criterion, e.id")
        .param(sheetId)
        .query(this::mapEvidence)
        .list()
        .stream()
        .map(EvidenceRow::view)
        .toList();
  }

  Optional<EvidenceRow> evidence(long id) {
    return jdbc.sql(EVIDENCE + "where e.id = ?").param(id).query(this::mapEvidence).optional();
  }

  /** The evidence files on the sheets about the unit that were there at the instant. */
  List<EvidenceRow> evidenceAbout(long pactId, String assessedCode, Instant at) {
    return jdbc.sql(
            EVIDENCE + "where s.pact_id = ? and u.code = ? and e.uploaded_at <= ? order by e.id")
        .params(pactId, assessedCode, Timestamp.from(at))
        .query(this::mapEvidence)
        .list();
  }

  int evidenceCount(long sheetId, String criterion) {
    return jdbc.sql("select count(*) from evidence_file where sheet_id = ? and criterion = ?")
        .params(sheetId, criterion)
        .query(Integer.class)
        .single();
  }

  long insertEvidence(
      long sheetId,
      String criterion,
      String fileName,
      String mediaType,
      long size,
      String sha256,
      String storageKey,
      String by,
      Instant at) {
    return jdbc.sql(
            """
            insert into evidence_file(sheet_id, criterion, file_name, media_type, size_bytes,
              sha256, storage_key, uploaded_by, uploaded_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
        .params(
            sheetId,
            criterion,
            fileName,
            mediaType,
            size,
            sha256,
            storageKey,
            by,
            Timestamp.from(at))
        .query(Long.class)
        .single();
  }

  void deleteEvidence(long id) {
    jdbc.sql("delete from evidence_file where id = ?").param(id).update();
  }

  /** Published versions with their instants, latest first. */
  List<java.util.Map.Entry<Integer, Instant>> versions(long pactId) {
    return jdbc.sql(
            "select version, published_at from result_version where pact_id = ? order by version desc")
        .param(pactId)
        .query((rs, n) -> java.util.Map.entry(rs.getInt(1), rs.getTimestamp(2).toInstant()))
        .list();
  }
}
