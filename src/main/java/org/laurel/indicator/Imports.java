package org.laurel.indicator;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.laurel.access.Access;
import org.laurel.access.Actor;
import org.laurel.audit.AuditLog;
import org.laurel.organisation.UnitView;
import org.laurel.organisation.Units;
import org.laurel.shared.ConflictException;
import org.laurel.shared.ForbiddenException;
import org.laurel.shared.InvalidInputException;
import org.laurel.shared.RejectedRowsException;
import org.laurel.shared.RejectedRowsException.RowProblem;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports indicator values or estimates from CSV or XLSX ({@code unit,indicator,period,value}). All
 * or nothing: every row is validated (and checked for repeats) while the file is read, into a
 * compact in-memory form of about 24 bytes a row; any bad row rejects the file with a list of every
 * problem before anything is written. A good file is then written in one transaction: the reports
 * it needs are created in one statement, the values of new reports go straight into {@code
 * report_value} by {@code COPY}, and values of reports that already exist are merged with set-based
 * SQL, so importing the same file twice changes nothing.
 */
@Service
public class Imports {

  public enum Kind {
    VALUES,
    ESTIMATES
  }

  /** Told how many rows have been read, every {@link #PROGRESS_EVERY} rows. */
  public interface Progress {
    void rows(long read);

    Progress NONE = n -> {};
  }

  static final String[] HEADER = {"unit", "indicator", "period", "value"};
  static final int PROGRESS_EVERY = 50_000;

  /** Only this many problems are listed; the count covers all. */
  static final int MAX_LISTED = 200;

  private static final Logger log = LoggerFactory.getLogger(Imports.class);

  /**
   * Memory for this transaction's hashes over a million rows (the merge into existing reports, and
   * report_value's statement-level reference check): with the default 4 MB they spill to disk in
   * batches, which took longer than the work itself (measured).
   */
  private static final String WORK_MEM = "64MB";

  private final JdbcClient jdbc;
  private final DataSource dataSource;
  private final IndicatorRepository indicators;
  private final Units units;
  private final Access access;
  private final AuditLog audit;
  private final long maxBytes;

  Imports(
      JdbcClient jdbc,
      DataSource dataSource,
      IndicatorRepository indicators,
      Units units,
      Access access,
      AuditLog audit,
      @Value("${laurel.import.max-bytes:209715200}") long maxBytes) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
    this.indicators = indicators;
    this.units = units;
    this.access = access;
    this.audit = audit;
    this.maxBytes = maxBytes;
  }

  /** Imports a file already on disk (an upload, or the command line). */
  @Transactional
  public ImportResult importFile(Path file, String name, Kind kind, Progress progress)
      throws IOException {
    Actor actor = Access.current();
    if (!actor.role().isSecretariat() && !actor.role().reportsForOwnUnit()) {
      throw ForbiddenException.outOfScope();
    }
    long size = Files.size(file);
    if (size > maxBytes) {
      throw new InvalidInputException("file", "error.import.tooLargeBytes", size, maxBytes);
    }
    if (size == 0) {
      throw new InvalidInputException("file", "error.import.empty");
    }
    long started = System.nanoTime();
    Sink sink = new Sink(kind, actor, progress);
    String sha;
    try (InputStream raw = Files.newInputStream(file);
        DigestInputStream digest = new DigestInputStream(raw, sha256());
        BufferedInputStream in = new BufferedInputStream(digest, 1 << 16)) {
      in.mark(8);
      byte[] magic = in.readNBytes(4);
      in.reset();
      {
        if (magic.length == 4
            && magic[0] == 'P'
            && magic[1] == 'K'
            && magic[2] == 3
            && magic[3] == 4) {
          XlsxRows.read(file, sink);
          in.transferTo(java.io.OutputStream.nullOutputStream());
        } else if (!hasTextBom(magic) && looksBinary(magic)) {
          throw new InvalidInputException("file", "error.import.type");
        } else {
          CsvRows.read(reader(in), sink);
        }
      }
      sha = HexFormat.of().formatHex(digest.getMessageDigest().digest());
    }
    long read = System.nanoTime();
    if (!sink.problems.isEmpty()) {
      throw new RejectedRowsException(sink.problems, sink.badRows);
    }
    jdbc.sql("select set_config('work_mem', ?, true)").param(WORK_MEM).query().singleRow();
    long[] counts = kind == Kind.VALUES ? writeValues(sink, actor) : writeEstimates(sink);
    if (log.isDebugEnabled()) {
      log.debug(
          "import of {} rows: read and validated in {} ms, written in {} ms",
          sink.rows,
          (read - started) / 1_000_000,
          (System.nanoTime() - read) / 1_000_000);
    }
    ImportResult result =
        new ImportResult(
            kind, name, sha, sink.rows, counts[0], counts[1], sink.rows - counts[0] - counts[1]);
    audit.record(
        kind == Kind.VALUES ? "import.values" : "import.estimates", "import", sha, null, result);
    progress.rows(sink.rows);
    return result;
  }

  static boolean hasTextBom(byte[] m) {
    return m.length >= 2
        && (((m[0] & 0xff) == 0xFF && (m[1] & 0xff) == 0xFE)
            || ((m[0] & 0xff) == 0xFE && (m[1] & 0xff) == 0xFF));
  }

  /** Old Excel (.xls, OLE2), PDF, images…: control bytes that no CSV starts with. */
  static boolean looksBinary(byte[] magic) {
    for (byte b : magic) {
      int c = b & 0xff;
      if (c < 0x09 || (c > 0x0d && c < 0x20 && c != 0x1b)) {
        return true;
      }
    }
    return false;
  }

  /** UTF-8 (with or without BOM) or UTF-16 with its BOM; anything else is refused, not guessed. */
  static Reader reader(BufferedInputStream in) throws IOException {
    in.mark(4);
    byte[] bom = in.readNBytes(3);
    in.reset();
    if (bom.length >= 2 && (bom[0] & 0xff) == 0xFF && (bom[1] & 0xff) == 0xFE) {
      in.skipNBytes(2);
      return new InputStreamReader(in, decoder(StandardCharsets.UTF_16LE));
    }
    if (bom.length >= 2 && (bom[0] & 0xff) == 0xFE && (bom[1] & 0xff) == 0xFF) {
      in.skipNBytes(2);
      return new InputStreamReader(in, decoder(StandardCharsets.UTF_16BE));
    }
    if (bom.length == 3
        && (bom[0] & 0xff) == 0xEF
        && (bom[1] & 0xff) == 0xBB
        && (bom[2] & 0xff) == 0xBF) {
      in.skipNBytes(3);
    }
    return new InputStreamReader(in, decoder(StandardCharsets.UTF_8));
  }

  private static CharsetDecoder decoder(java.nio.charset.Charset cs) {
    return cs.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  /**
   * A plain decimal: {@code ^-?\d{1,16}(\.\d{1,4})?$}, checked without a regular expression as this
   * runs once per row.
   */
  static boolean isNumber(String s) {
    int n = s.length();
    int i = n > 0 && s.charAt(0) == '-' ? 1 : 0;
    int start = i;
    while (i < n && isDigit(s.charAt(i))) {
      i++;
    }
    int whole = i - start;
    if (whole < 1 || whole > 16) {
      return false;
    }
    if (i == n) {
      return true;
    }
    if (s.charAt(i) != '.') {
      return false;
    }
    int fraction = n - i - 1;
    if (fraction < 1 || fraction > 4) {
      return false;
    }
    for (i++; i < n; i++) {
      if (!isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /**
   * A period as the import needs it, worked out once per distinct text: its first and last day, and
   * its number among the file's periods (part of a report's key while the file is read).
   */
  record PeriodInfo(Period period, LocalDate firstDay, LocalDate lastDay, int no) {
    static @Nullable PeriodInfo of(String text, int no) {
      return Period.parse(text)
          .map(p -> new PeriodInfo(p, LocalDate.of(p.year(), p.startMonth(), 1), p.lastDay(), no))
          .orElse(null);
    }
  }

  /**
   * COPY text rows as bytes. Everything written is ASCII (numbers, ids, period codes and checked
   * values), so no character encoding is needed and no string is built per row.
   */
  static final class CopyBuffer {
    private byte[] bytes;
    private int size;

    CopyBuffer(int capacity) {
      bytes = new byte[capacity];
    }

    CopyBuffer number(long n) {
      if (n < 0) {
        return ascii(Long.toString(n));
      }
      int digits = 1;
      for (long t = n; t >= 10; t /= 10) {
        digits++;
      }
      ensure(digits);
      for (int i = size + digits - 1; i >= size; i--) {
        bytes[i] = (byte) ('0' + n % 10);
        n /= 10;
      }
      size += digits;
      return this;
    }

    CopyBuffer ascii(String s) {
      int n = s.length();
      ensure(n);
      for (int i = 0; i < n; i++) {
        bytes[size++] = (byte) s.charAt(i);
      }
      return this;
    }

    CopyBuffer ascii(byte[] b, int from, int length) {
      ensure(length);
      System.arraycopy(b, from, bytes, size, length);
      size += length;
      return this;
    }

    CopyBuffer ascii(byte[] b) {
      ensure(b.length);
      System.arraycopy(b, 0, bytes, size, b.length);
      size += b.length;
      return this;
    }

    CopyBuffer tab() {
      ensure(1);
      bytes[size++] = '\t';
      return this;
    }

    CopyBuffer newline() {
      ensure(1);
      bytes[size++] = '\n';
      return this;
    }

    private void ensure(int more) {
      if (size + more > bytes.length) {
        bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
      }
    }

    byte[] bytes() {
      return bytes;
    }

    int size() {
      return size;
    }

    void clear() {
      size = 0;
    }
  }

  /**
   * Receives rows from either reader, validates them and keeps the good ones in compact arrays: the
   * report (unit and period, or unit and year for estimates) as a slot number, the indicator id,
   * the row number and the checked value text. Repeated rows are found here, with the row they
   * repeat.
   */
  final class Sink {
    final Kind kind;
    final Actor actor;
    final Progress progress;
    final Map<String, UnitView> unitsByCode = new HashMap<>();
    final Map<String, Indicator> indicatorsByCode = new HashMap<>();
    final Map<String, PeriodInfo> periods = new HashMap<>();

    /** The units a reporter may write (null: all). */
    final java.util.@Nullable Set<Long> scope;

    final List<RowProblem> problems = new ArrayList<>();
    long badRows;
    long rows;

    /** Distinct (unit, period) pairs in file order; a good row refers to one by its index. */
    final Map<Long, Integer> slotByKey = new HashMap<>();

    final List<UnitView> slotUnit = new ArrayList<>();
    final List<PeriodInfo> slotPeriod = new ArrayList<>();

    /** The good rows. */
    int good;

    // ints, not longs: indicator ids are checked below 2^24 and no file under the upload limit
    // has 2^31 rows; a million rows then hold 16 bytes each plus their value text
    int[] rowSlot = new int[1024];
    int[] rowIndicator = new int[1024];
    int[] rowNo = new int[1024];
    int[] valueEnd = new int[1024];
    final CopyBuffer values = new CopyBuffer(1 << 16);

    /** (slot, indicator) → index of the good row that first had it. */
    private final LongIntMap seen = new LongIntMap();

    Sink(Kind kind, Actor actor, Progress progress) {
      this.kind = kind;
      this.actor = actor;
      this.progress = progress;
      units.all().forEach(u -> unitsByCode.put(u.code(), u));
      scope = actor.role().isSecretariat() ? null : units.subtree(actor.unitId());
      indicators.all().forEach(i -> indicatorsByCode.put(i.code(), i));
    }

    /** Checks the header row (row 1). */
    void header(List<String> cells) {
      List<String> got =
          cells.stream().map(c -> c.trim().toLowerCase(java.util.Locale.ROOT)).toList();
      if (!got.equals(List.of(HEADER))) {
        problem(1, "", String.join(",", cells), "import.header", String.join(",", HEADER));
        throw new RejectedRowsException(problems, 1);
      }
    }

    void row(long rowNo, List<String> cells) {
      rows++;
      if (rows % PROGRESS_EVERY == 0) {
        progress.rows(rows);
      }
      if (cells.size() != 4) {
        problem(rowNo, "", String.join(",", cells), "import.columns", cells.size());
        return;
      }
      String unitCode = cells.get(0).trim();
      String indCode = cells.get(1).trim();
      String periodText = cells.get(2).trim();
      String valueText = cells.get(3).trim();
      boolean ok = true;
      UnitView unit = unitsByCode.get(unitCode);
      if (unit == null) {
        ok = problem(rowNo, "unit", unitCode, "import.unknownUnit", unitCode);
      }
      Indicator ind = indicatorsByCode.get(indCode);
      if (ind == null) {
        ok = problem(rowNo, "indicator", indCode, "import.unknownIndicator", indCode);
      }
      PeriodInfo pi = periods.computeIfAbsent(periodText, t -> PeriodInfo.of(t, periods.size()));
      Period p = pi == null ? null : pi.period();
      if (p == null) {
        ok = problem(rowNo, "period", periodText, "import.period", periodText);
      } else if (kind == Kind.ESTIMATES && p.kind() != Period.Kind.YEAR) {
        ok = problem(rowNo, "period", periodText, "import.estimateYear", periodText);
      }
      BigDecimal value = null;
      if (!isNumber(valueText)) {
        ok = problem(rowNo, "value", valueText, "import.number", valueText);
      } else {
        value = new BigDecimal(valueText);
        if (ind != null && ind.minValue() != null && value.compareTo(ind.minValue()) < 0) {
          ok =
              problem(
                  rowNo,
                  "value",
                  valueText,
                  "import.min",
                  valueText,
                  Reports.plain(ind.minValue()),
                  indCode);
        }
        if (ind != null && ind.maxValue() != null && value.compareTo(ind.maxValue()) > 0) {
          ok =
              problem(
                  rowNo,
                  "value",
                  valueText,
                  "import.max",
                  valueText,
                  Reports.plain(ind.maxValue()),
                  indCode);
        }
      }
      if (unit != null && pi != null) {
        if (unit.validFrom().isAfter(pi.lastDay())
            || (unit.validTo() != null && unit.validTo().isBefore(pi.firstDay()))) {
          ok = problem(rowNo, "unit", unitCode, "import.unitNotInPeriod", unitCode, p.toString());
        }
        if (!scope(unit)) {
          // a file with someone else's rows is refused as a whole, like any write out of scope
          throw new ForbiddenException("error.import.outOfScope", rowNo, unitCode);
        }
      }
      if (!ok) {
        return;
      }
      int slot = slot(unit, pi);
      int first = seen.putIfAbsent(((long) slot << 24) | indicatorKey(ind.id()), good);
      if (first >= 0) {
        problem(rowNo, "", null, "import.duplicate", this.rowNo[first]);
        return;
      }
      keep(slot, (int) indicatorKey(ind.id()), Math.toIntExact(rowNo), valueText);
    }

    private @Nullable UnitView lastUnit;
    private @Nullable PeriodInfo lastPeriod;
    private int lastSlot;

    private int slot(UnitView unit, PeriodInfo pi) {
      if (unit == lastUnit && pi == lastPeriod) {
        return lastSlot; // files come grouped by unit and period: most rows end here
      }
      Integer slot = slotByKey.get(slotKey(unit.id(), pi));
      if (slot == null) {
        slot = slotUnit.size();
        slotByKey.put(slotKey(unit.id(), pi), slot);
        slotUnit.add(unit);
        slotPeriod.add(pi);
      }
      lastUnit = unit;
      lastPeriod = pi;
      lastSlot = slot;
      return slot;
    }

    static long slotKey(long unitId, PeriodInfo pi) {
      return (unitId << 20) | pi.no();
    }

    private static long indicatorKey(long id) {
      if (id >= 1 << 24) {
        throw new IllegalStateException("indicator id out of range: " + id);
      }
      return id;
    }

    private void keep(int slot, int indicator, int row, String valueText) {
      if (good == rowSlot.length) {
        int n = good * 2;
        rowSlot = java.util.Arrays.copyOf(rowSlot, n);
        rowIndicator = java.util.Arrays.copyOf(rowIndicator, n);
        rowNo = java.util.Arrays.copyOf(rowNo, n);
        valueEnd = java.util.Arrays.copyOf(valueEnd, n);
      }
      rowSlot[good] = slot;
      rowIndicator[good] = indicator;
      rowNo[good] = row;
      // the checked text is already plain (no exponent): PostgreSQL reads it as BigDecimal would
      values.ascii(valueText);
      valueEnd[good] = values.size();
      good++;
    }

    /** Writes good row {@code i}'s value text. */
    void value(int i, CopyBuffer out) {
      int from = i == 0 ? 0 : valueEnd[i - 1];
      out.ascii(values.bytes(), from, valueEnd[i] - from);
    }

    private boolean scope(UnitView unit) {
      return scope == null || scope.contains(unit.id());
    }

    private long lastBad = -1;

    /** Records a problem (listing at most {@link #MAX_LISTED}); bad rows are counted once. */
    private boolean problem(
        long row, String column, @Nullable String value, String key, Object... args) {
      if (problems.size() < MAX_LISTED) {
        problems.add(new RowProblem(row, column, value, key, args));
      }
      if (row != lastBad) {
        badRows++;
        lastBad = row;
      }
      return false;
    }
  }

  /** A report the import writes into: its id, whether this import created it, and its status. */
  private record Target(long id, boolean created, String status) {}

  /**
   * Values: the secretariat's import enters them as accepted reports; a reporter's fills the unit's
   * drafts. Returns {inserted, updated}.
   */
  private long[] writeValues(Sink sink, Actor actor) {
    boolean accepted = actor.role().isSecretariat();
    int slots = sink.slotUnit.size();
    long t0 = System.nanoTime();
    Target[] targets = new Target[slots];
    existingReports(sink, targets);
    if (!accepted) {
      refuseLockedReports(sink, targets);
    }
    createReports(sink, targets, accepted, actor.username());
    if (accepted) {
      List<Long> reopened = new ArrayList<>();
      for (Target t : targets) {
        if (!t.created() && !"ACCEPTED".equals(t.status())) {
          reopened.add(t.id());
        }
      }
      if (!reopened.isEmpty()) {
        jdbc.sql(
                """
                update report set status = 'ACCEPTED', source = 'IMPORT', decided_at = now(),
                  decided_by = ?, version = version + 1
                where id = any(?) and status <> 'ACCEPTED'""")
            .params(actor.username(), reopened.toArray(Long[]::new))
            .update();
      }
    }
    long t1 = System.nanoTime();
    long inserted =
        copy(
            "COPY report_value(report_id, indicator_id, value) FROM STDIN (FORMAT text)",
            sink,
            i -> targets[sink.rowSlot[i]].created(),
            (i, out) -> valueLine(sink, targets, i, out));
    long t2 = System.nanoTime();
    log.debug(
        "{} reports looked up or created in {} ms, {} values of new reports copied in {} ms",
        slots,
        (t1 - t0) / 1_000_000,
        inserted,
        (t2 - t1) / 1_000_000);
    if (inserted == sink.good) {
      return new long[] {inserted, 0};
    }
    jdbc.sql(
            """
            create temp table if not exists import_stage (
              report_id bigint, indicator_id bigint, value numeric(20,4)) on commit drop""")
        .update();
    jdbc.sql("truncate import_stage").update();
    copy(
        "COPY import_stage(report_id, indicator_id, value) FROM STDIN (FORMAT text)",
        sink,
        i -> !targets[sink.rowSlot[i]].created(),
        (i, out) -> valueLine(sink, targets, i, out));
    long[] merged =
        jdbc.sql(
                """
                with up as (
                  insert into report_value(report_id, indicator_id, value)
                  select report_id, indicator_id, value from import_stage
                  on conflict (report_id, indicator_id) do update set value = excluded.value
                    where report_value.value is distinct from excluded.value
                  returning (xmax = 0) as inserted)
                select count(*) filter (where inserted), count(*) filter (where not inserted)
                from up""")
            .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
            .single();
    return new long[] {inserted + merged[0], merged[1]};
  }

  private static void valueLine(Sink sink, Target[] targets, int i, CopyBuffer out) {
    out.number(targets[sink.rowSlot[i]].id()).tab().number(sink.rowIndicator[i]).tab();
  }

  /** Fills {@code targets} with the reports that exist for the sink's slots (others stay null). */
  private void existingReports(Sink sink, Target[] targets) {
    // asked by the file's distinct units and periods (a few thousand and a few dozen), not by its
    // 125,000 unit-period pairs: two small arrays to send instead of two large ones to parse
    java.util.Set<Long> unitIds = new java.util.HashSet<>();
    java.util.Set<String> periodTexts = new java.util.HashSet<>();
    for (int s = 0; s < targets.length; s++) {
      unitIds.add(sink.slotUnit.get(s).id());
      periodTexts.add(sink.slotPeriod.get(s).period().toString());
    }
    jdbc.sql(
            """
            select r.id, r.unit_id, r.period, r.status from report r
            where r.unit_id = any(?::bigint[]) and r.period = any(?::text[])""")
        .params(unitIds.toArray(Long[]::new), periodTexts.toArray(String[]::new))
        .query(
            rs -> {
              PeriodInfo pi = sink.periods.get(rs.getString(3));
              Integer s = pi == null ? null : sink.slotByKey.get(Sink.slotKey(rs.getLong(2), pi));
              if (s != null && targets[s] == null) {
                targets[s] = new Target(rs.getLong(1), false, rs.getString(4));
              }
            });
  }

  /** A reporter may only fill drafts: rows for submitted or accepted reports reject the file. */
  private void refuseLockedReports(Sink sink, Target[] targets) {
    for (int i = 0; i < sink.good; i++) {
      Target t = targets[sink.rowSlot[i]];
      if (t != null
          && !t.created()
          && ("SUBMITTED".equals(t.status()) || "ACCEPTED".equals(t.status()))) {
        String period = sink.slotPeriod.get(sink.rowSlot[i]).period().toString();
        sink.problem(sink.rowNo[i], "period", period, "import.locked", period, t.status());
      }
    }
    if (!sink.problems.isEmpty()) {
      throw new RejectedRowsException(sink.problems, sink.badRows);
    }
  }

  /**
   * Creates the reports no one has yet, numbered in file order (so that their values, written in
   * that order too, enter report_value's primary key at its right edge). A plain insert, not an
   * upsert (which cost twice as much, measured): if someone created one of them since the first
   * look, the import is refused as a conflict and can simply be sent again.
   */
  private void createReports(Sink sink, Target[] targets, boolean accepted, String username) {
    int[] missing =
        java.util.stream.IntStream.range(0, targets.length)
            .filter(s -> targets[s] == null)
            .toArray();
    if (missing.length == 0) {
      return;
    }
    String status = accepted ? "ACCEPTED" : "DRAFT";
    // ids drawn from the report's own identity sequence (increasing, so the reports and then their
    // values enter the primary keys at their right edge), then the rows COPYed: an INSERT from
    // unnest'ed arrays cost four times as much, most of it in sending and parsing the arrays
    long[] ids = new long[missing.length];
    int[] next = {0};
    jdbc.sql("select nextval(pg_get_serial_sequence('report', 'id')) from generate_series(1, ?)")
        .param(missing.length)
        .query(
            rs -> {
              ids[next[0]++] = rs.getLong(1);
            });
    byte[] decided =
        accepted
            ? copyColumns(jdbc.sql("select now()::text").query(String.class).single(), username)
            : "\\N\t\\N".getBytes(StandardCharsets.US_ASCII);
    byte[] statusBytes = status.getBytes(StandardCharsets.US_ASCII);
    try {
      copyLines(
          """
          COPY report(id, unit_id, period, year, end_month, status, source, decided_at,
                      decided_by, version) FROM STDIN (FORMAT text)""",
          missing.length,
          k -> true,
          (k, out) -> {
            PeriodInfo pi = sink.slotPeriod.get(missing[k]);
            Period p = pi.period();
            out.number(ids[k]).tab().number(sink.slotUnit.get(missing[k]).id()).tab();
            out.ascii(p.toString()).tab().number(p.year()).tab().number(p.endMonth()).tab();
            out.ascii(statusBytes).tab().ascii("IMPORT").tab().ascii(decided).tab().number(1);
          });
    } catch (DuplicateKeyException e) {
      throw new ConflictException("error.import.concurrent");
    }
    for (int k = 0; k < missing.length; k++) {
      targets[missing[k]] = new Target(ids[k], true, status);
    }
  }

  /** Columns for a COPY (text format) line: each escaped, joined by tabs, UTF-8 encoded. */
  static byte[] copyColumns(String... columns) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < columns.length; i++) {
      if (i > 0) {
        b.append('\t');
      }
      b.append(
          columns[i]
              .replace("\\", "\\\\")
              .replace("\n", "\\n")
              .replace("\r", "\\r")
              .replace("\t", "\\t"));
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Estimates: merged into the unit's yearly estimates. Returns {inserted, updated}. */
  private long[] writeEstimates(Sink sink) {
    jdbc.sql(
            """
            create temp table if not exists import_estimate_stage (
              unit_id bigint, indicator_id bigint, year int, value numeric(20,4)) on commit drop""")
        .update();
    jdbc.sql("truncate import_estimate_stage").update();
    copy(
        "COPY import_estimate_stage(unit_id, indicator_id, year, value) FROM STDIN (FORMAT text)",
        sink,
        i -> true,
        (i, out) -> {
          int s = sink.rowSlot[i];
          out.number(sink.slotUnit.get(s).id());
          out.tab().number(sink.rowIndicator[i]).tab();
          out.number(sink.slotPeriod.get(s).period().year()).tab();
        });
    return jdbc.sql(
            """
            with up as (
              insert into estimate(unit_id, indicator_id, year, value)
              select unit_id, indicator_id, year, value from import_estimate_stage
              on conflict (unit_id, indicator_id, year) do update set value = excluded.value
                where estimate.value is distinct from excluded.value
              returning (xmax = 0) as inserted)
            select count(*) filter (where inserted), count(*) filter (where not inserted) from up""")
        .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
        .single();
  }

  /** A COPY line's columns before the value, each followed by a tab. */
  private interface LineStart {
    void write(int row, CopyBuffer out);
  }

  /**
   * Streams the chosen good rows, in file order, to a COPY whose last column is the value; returns
   * the rows copied.
   */
  private long copy(
      String sql, Sink sink, java.util.function.IntPredicate chosen, LineStart start) {
    return copyLines(
        sql,
        sink.good,
        chosen,
        (i, out) -> {
          start.write(i, out);
          sink.value(i, out);
        });
  }

  /**
   * Streams lines {@code 0 … n-1} (the chosen ones, each ended here by a newline) to a COPY in the
   * import's transaction; returns the lines copied. A unique violation comes back as {@link
   * DuplicateKeyException}.
   */
  private long copyLines(
      String sql, int n, java.util.function.IntPredicate chosen, LineStart line) {
    try {
      Connection c = DataSourceUtils.getConnection(dataSource);
      CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
      CopyBuffer buffer = new CopyBuffer(1 << 16);
      long copied = 0;
      try {
        for (int i = 0; i < n; i++) {
          if (!chosen.test(i)) {
            continue;
          }
          line.write(i, buffer);
          buffer.newline();
          copied++;
          if (buffer.size() > 60_000) {
            copy.writeToCopy(buffer.bytes(), 0, buffer.size());
            buffer.clear();
          }
        }
        copy.writeToCopy(buffer.bytes(), 0, buffer.size());
        copy.endCopy();
        return copied;
      } finally {
        if (copy.isActive()) {
          copy.cancelCopy();
        }
      }
    } catch (SQLException e) {
      if ("23505".equals(e.getSQLState())) {
        throw new DuplicateKeyException("COPY: " + e.getMessage(), e);
      }
      throw new IllegalStateException(e);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
