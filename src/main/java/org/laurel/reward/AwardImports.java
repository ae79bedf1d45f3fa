package org.laurel.reward;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.laurel.access.Access;
import org.laurel.audit.AuditLog;
import org.laurel.organisation.People;
import org.laurel.organisation.PersonView;
import org.laurel.reward.AwardHistory.NewAward;
import org.laurel.reward.AwardRecord.Source;
import org.laurel.reward.AwardType.Recipient;
import org.laurel.shared.InvalidInputException;
import org.laurel.shared.LaurelException;
import org.laurel.shared.RejectedRowsException;
import org.laurel.shared.RejectedRowsException.RowProblem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports past awards from CSV or XLSX with the header {@code
 * recipient,unit,person,household,award,year,decision_number,decision_date[,achievement]}. All or
 * nothing: every row is checked first and any bad row rejects the file with the list of problems.
 * {@code person} is a registry id, or a full name that matches exactly one person of the unit.
 */
@Service
public class AwardImports {

  /** What an import wrote. */
  public record Result(String file, String sha256, int rows, int imported) {}

  static final List<String> HEADER =
      List.of(
          "recipient",
          "unit",
          "person",
          "household",
          "award",
          "year",
          "decision_number",
          "decision_date");

  static final int MAX_LISTED = 200;

  private static final DateTimeFormatter VN_DATE = DateTimeFormatter.ofPattern("d/M/uuuu");

  /** The command's field → the file's column, for row problems. */
  private static final Map<String, String> COLUMNS =
      Map.of(
          "recipient", "recipient",
          "unitCode", "unit",
          "personId", "person",
          "householdName", "household",
          "awardCode", "award",
          "decisionDate", "decision_date");

  private final AwardHistory history;
  private final AwardRepository repo;
  private final People people;
  private final Access access;
  private final AuditLog audit;
  private final long maxBytes;

  AwardImports(
      AwardHistory history,
      AwardRepository repo,
      People people,
      Access access,
      AuditLog audit,
      @Value("${laurel.reward.import-max-bytes:10485760}") long maxBytes) {
    this.history = history;
    this.repo = repo;
    this.people = people;
    this.access = access;
    this.audit = audit;
    this.maxBytes = maxBytes;
  }

  @Transactional
  public Result importFile(byte[] bytes, String name) {
    access.requireSecretariat();
    if (bytes.length > maxBytes) {
      throw new InvalidInputException("file", "error.import.tooLargeBytes", bytes.length, maxBytes);
    }
    AwardRows.Table table = AwardRows.read(bytes);
    List<String> header = table.header().stream().map(h -> h.trim().toLowerCase()).toList();
    if (header.size() < HEADER.size() || !header.subList(0, HEADER.size()).equals(HEADER)) {
      throw new InvalidInputException(
          "file", "error.award.import.header", String.join(",", HEADER));
    }
    List<RowProblem> problems = new ArrayList<>();
    List<AwardRepository.Row> rows = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    long bad = 0;
    for (AwardRows.Line line : table.lines()) {
      int before = problems.size();
      AwardRepository.Row row = row(line, problems);
      if (row != null) {
        String key =
            row.awardCode()
                + "|"
                + row.year()
                + "|"
                + row.personId()
                + "|"
                + row.unitId()
                + "|"
                + row.householdName()
                + "|"
                + row.recipient();
        if (!seen.add(key)) {
          problem(problems, line, "award", line.cell(4), "error.award.import.duplicateRow");
        } else if (repo.exists(row)) {
          problem(problems, line, "award", line.cell(4), "error.award.import.exists");
        } else {
          rows.add(row);
        }
      }
      if (problems.size() > before) {
        bad++;
      }
    }
    if (bad > 0) {
      throw new RejectedRowsException(
          problems.subList(0, Math.min(MAX_LISTED, problems.size())), bad);
    }
    if (rows.isEmpty()) {
      throw new InvalidInputException("file", "error.import.empty");
    }
    rows.forEach(repo::insert);
    Result result =
        new Result(
            name, org.laurel.shared.FileVault.sha256(bytes), table.lines().size(), rows.size());
    audit.record("award.imported", "award-import", result.sha256(), null, result);
    return result;
  }

  private AwardRepository.@Nullable Row row(AwardRows.Line line, List<RowProblem> problems) {
    Recipient recipient;
    try {
      recipient = Recipient.valueOf(line.cell(0).toUpperCase());
    } catch (IllegalArgumentException e) {
      problem(problems, line, "recipient", line.cell(0), "error.award.import.recipient");
      return null;
    }
    Integer year = null;
    try {
      year = Integer.parseInt(line.cell(5));
    } catch (NumberFormatException e) {
      problem(problems, line, "year", line.cell(5), "error.award.import.year");
    }
    LocalDate decided = null;
    String dateText = line.cell(7);
    if (!dateText.isEmpty()) {
      decided = date(dateText);
      if (decided == null) {
        problem(problems, line, "decision_date", dateText, "error.award.import.date");
      }
    }
    if (year == null || (decided == null && !dateText.isEmpty())) {
      return null;
    }
    Long personId = null;
    if (recipient == Recipient.INDIVIDUAL) {
      personId = person(line, problems);
      if (personId == null) {
        return null;
      }
    }
    NewAward cmd =
        new NewAward(
            recipient,
            personId,
            line.cell(1),
            line.cell(3),
            line.cell(4),
            year,
            line.cell(6),
            decided,
            line.cell(8));
    if (year < 1945 || year > 2100) {
      problem(problems, line, "year", line.cell(5), "error.award.import.year");
      return null;
    }
    try {
      return history.resolve(cmd, Source.IMPORTED, "");
    } catch (InvalidInputException e) {
      String column = COLUMNS.getOrDefault(e.field(), e.field());
      problems.add(
          new RowProblem(
              line.number(), column, line.cell(HEADER.indexOf(column)), e.messageKey(), e.args()));
      return null;
    } catch (LaurelException e) {
      problems.add(new RowProblem(line.number(), "person", line.cell(2), e.messageKey(), e.args()));
      return null;
    }
  }

  /** A registry id, or the one person of the row's unit with exactly that name. */
  private @Nullable Long person(AwardRows.Line line, List<RowProblem> problems) {
    String text = line.cell(2);
    if (text.isEmpty()) {
      problem(problems, line, "person", text, "error.award.personRequired");
      return null;
    }
    if (text.chars().allMatch(Character::isDigit) && text.length() < 18) {
      long id = Long.parseLong(text);
      if (people.find(id).isEmpty()) {
        problem(problems, line, "person", text, "error.person.notFound", id);
        return null;
      }
      return id;
    }
    List<PersonView> matches =
        people.list(line.cell(1), text).stream()
            .filter(p -> p.fullName().equalsIgnoreCase(text))
            .toList();
    if (matches.size() != 1) {
      problem(
          problems,
          line,
          "person",
          text,
          matches.isEmpty()
              ? "error.award.import.personUnknown"
              : "error.award.import.personAmbiguous",
          text,
          line.cell(1));
      return null;
    }
    return matches.get(0).id();
  }

  private static @Nullable LocalDate date(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      try {
        return LocalDate.parse(text, VN_DATE);
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }

  private static void problem(
      List<RowProblem> problems,
      AwardRows.Line line,
      String column,
      String value,
      String key,
      Object... args) {
    problems.add(new RowProblem(line.number(), column, value, key, args));
  }
}
