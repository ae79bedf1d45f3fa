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
import org.laurel.shared.ForbiddenException;
import org.laurel.shared.InvalidInputException;
import org.laurel.shared.RejectedRowsException;
import org.laurel.shared.RejectedRowsException.RowProblem;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports indicator values or estimates from CSV or XLSX ({@code unit,indicator,period,value}). All
 * or nothing: rows are validated while they stream into a temporary table by {@code COPY}; any bad
 * row rejects the file with a list of every problem, and the transaction leaves nothing. Good files
 * are merged with set-based SQL, so importing the same file twice changes nothing.
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
   * Memory for this transaction's sorts and hashes over the staged rows (duplicate check, distinct
   * reports): with the default 4 MB a million rows spill to disk (an external merge sort of ~50 MB
   * and a hash aggregate in five batches, measured), which took longer than the sort itself.
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
      sink.open();
      try {
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
        sink.close();
      } catch (RuntimeException | IOException e) {
        sink.abort();
        throw e;
      }
      sha = HexFormat.of().formatHex(digest.getMessageDigest().digest());
    }
    long read = System.nanoTime();
    jdbc.sql("select set_config('work_mem', ?, true)").param(WORK_MEM).query().singleRow();
    sink.checkDuplicatesAndLocks();
    if (!sink.problems.isEmpty()) {
      throw new RejectedRowsException(sink.problems, sink.badRows);
    }
    long checked = System.nanoTime();
    long[] counts = kind == Kind.VALUES ? mergeValues(actor) : mergeEstimates();
    if (log.isDebugEnabled()) {
      log.debug(
          "import of {} rows: read, validated and staged in {} ms, checked in {} ms, merged in {} ms",
          sink.rows,
          (read - started) / 1_000_000,
          (checked - read) / 1_000_000,
          (System.nanoTime() - checked) / 1_000_000);
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
   * its stage columns ({@code period, year, end_month}) ready for COPY.
   */
  record PeriodInfo(Period period, LocalDate firstDay, LocalDate lastDay, byte[] stageColumns) {
    static @Nullable PeriodInfo of(String text) {
      return Period.parse(text)
          .map(
              p ->
                  new PeriodInfo(
                      p,
                      LocalDate.of(p.year(), p.startMonth(), 1),
                      p.lastDay(),
                      (p + "\t" + p.year() + "\t" + p.endMonth() + "\t")
                          .getBytes(StandardCharsets.US_ASCII)))
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

  /** Receives rows from either reader, validates them and streams the good ones to COPY. */
  final class Sink {
    final Kind kind;
    final Actor actor;
    final Progress progress;
    final Map<String, UnitView> unitsByCode = new HashMap<>();
    final Map<String, Indicator> indicatorsByCode = new HashMap<>();
    final Map<String, PeriodInfo> periods = new HashMap<>();

    /** The units a reporter may write, looked up before the COPY starts (null: all). */
    final java.util.@Nullable Set<Long> scope;

    final List<RowProblem> problems = new ArrayList<>();
    long badRows;
    long rows;
    private @Nullable CopyIn copy;
    private final CopyBuffer buffer = new CopyBuffer(1 << 16);

    Sink(Kind kind, Actor actor, Progress progress) {
      this.kind = kind;
      this.actor = actor;
      this.progress = progress;
      units.all().forEach(u -> unitsByCode.put(u.code(), u));
      // no query may run on the connection while COPY streams, so the scope is known up front
      scope = actor.role().isSecretariat() ? null : units.subtree(actor.unitId());
      indicators.all().forEach(i -> indicatorsByCode.put(i.code(), i));
    }

    void open() {
      jdbc.sql(
              """
              create temp table if not exists import_stage (
                row_no bigint, unit_id bigint, indicator_id bigint, period text,
                year int, end_month int, value numeric(20,4)) on commit drop""")
          .update();
      jdbc.sql("truncate import_stage").update();
      try {
        Connection c = DataSourceUtils.getConnection(dataSource);
        copy =
            c.unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn("COPY import_stage FROM STDIN (FORMAT text)");
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
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
      PeriodInfo pi = periods.computeIfAbsent(periodText, PeriodInfo::of);
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
      if (!ok || copy == null) {
        return;
      }
      // the checked text is already plain (no exponent): PostgreSQL reads it as BigDecimal would
      buffer.number(rowNo).tab().number(unit.id()).tab().number(ind.id()).tab();
      buffer.ascii(pi.stageColumns()).ascii(valueText).newline();
      if (buffer.size() > 60_000) {
        flush();
      }
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

    /**
     * Ends the COPY after a refusal. Ending it normally (rather than cancelling, which fails the
     * transaction) keeps the connection usable; the temporary rows vanish with the transaction.
     */
    void abort() {
      if (copy != null && copy.isActive()) {
        try {
          buffer.clear();
          copy.endCopy();
        } catch (SQLException ignored) {
          // the transaction is rolled back anyway
        }
      }
    }

    private void flush() {
      try {
        copy.writeToCopy(buffer.bytes(), 0, buffer.size());
        buffer.clear();
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }

    void close() {
      if (copy == null) {
        return;
      }
      try {
        if (buffer.size() > 0) {
          flush();
        }
        copy.endCopy();
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }

    /** Rows repeated in the file, and (for drafts) reports no longer open for changes. */
    void checkDuplicatesAndLocks() {
      jdbc.sql(
              """
              select row_no, first_row from (
                select row_no, min(row_no) over w as first_row, count(*) over w as n
                from import_stage
                window w as (partition by unit_id, indicator_id, period collate "C")) d
              where n > 1 and row_no <> first_row order by row_no limit ?""")
          .param(MAX_LISTED)
          .query(
              rs -> {
                problem(rs.getLong(1), "", null, "import.duplicate", rs.getLong(2));
              });
      if (kind == Kind.VALUES && !actor.role().isSecretariat()) {
        jdbc.sql(
                """
                select s.row_no, r.period, r.status from import_stage s
                join report r on r.unit_id = s.unit_id and r.period = s.period
                where r.status in ('SUBMITTED', 'ACCEPTED') order by s.row_no limit ?""")
            .param(MAX_LISTED)
            .query(
                rs -> {
                  problem(
                      rs.getLong(1),
                      "period",
                      rs.getString(2),
                      "import.locked",
                      rs.getString(2),
                      rs.getString(3));
                });
      }
    }
  }

  /**
   * Values: the secretariat's import enters them as accepted reports; a reporter's fills the unit's
   * drafts. Returns {inserted, updated}.
   */
  private long[] mergeValues(Actor actor) {
    boolean accepted = actor.role().isSecretariat();
    // new reports are numbered in file order; the values, staged in that order too, then go into
    // report_value's primary key near its right edge rather than all over it
    jdbc.sql(
            """
            insert into report(unit_id, period, year, end_month, status, source, decided_at, decided_by,
                               version)
            select unit_id, period, year, end_month, ?, 'IMPORT',
                   case when ? then now() end, case when ? then ? end, 1
            from import_stage
            group by unit_id, period, year, end_month
            order by min(row_no)
            on conflict (unit_id, period) do update
              set status = excluded.status, source = 'IMPORT', decided_at = excluded.decided_at,
                  decided_by = excluded.decided_by, version = report.version + 1
              where ? and report.status <> 'ACCEPTED'""")
        .params(accepted ? "ACCEPTED" : "DRAFT", accepted, accepted, actor.username(), accepted)
        .update();
    return jdbc.sql(
            """
            with up as (
              insert into report_value(report_id, indicator_id, value)
              select r.id, s.indicator_id, s.value from import_stage s
              join report r on r.unit_id = s.unit_id and r.period = s.period
              on conflict (report_id, indicator_id) do update set value = excluded.value
                where report_value.value is distinct from excluded.value
              returning (xmax = 0) as inserted)
            select count(*) filter (where inserted), count(*) filter (where not inserted) from up""")
        .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
        .single();
  }

  private long[] mergeEstimates() {
    return jdbc.sql(
            """
            with up as (
              insert into estimate(unit_id, indicator_id, year, value)
              select unit_id, indicator_id, year, value from import_stage
              on conflict (unit_id, indicator_id, year) do update set value = excluded.value
                where estimate.value is distinct from excluded.value
              returning (xmax = 0) as inserted)
            select count(*) filter (where inserted), count(*) filter (where not inserted) from up""")
        .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
        .single();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
