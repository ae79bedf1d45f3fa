package org.laurel.movement;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.laurel.access.Access;
import org.laurel.access.Actor;
import org.laurel.audit.AuditLog;
import org.laurel.movement.Initiatives.InitiativeForm;
import org.laurel.movement.RecognisedInitiative.Level;
import org.laurel.organisation.People;
import org.laurel.organisation.PersonView;
import org.laurel.organisation.UnitView;
import org.laurel.organisation.Units;
import org.laurel.shared.ForbiddenException;
import org.laurel.shared.RejectedRowsException;
import org.laurel.shared.RejectedRowsException.RowProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports initiatives from CSV or XLSX with the header {@link #HEADER}. All or nothing: every row
 * is checked first and any bad row refuses the file with the list of problems; a row of a unit the
 * actor does not report for refuses it as out of scope. Authors are person ids or full names of
 * people of the row's unit, separated by semicolons.
 */
@Service
public class InitiativeImports {

  static final List<String> HEADER =
      List.of(
          "unit",
          "title",
          "authors",
          "field",
          "decision_number",
          "decision_date",
          "level",
          "scope",
          "description");

  private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("d/M/uuuu");

  /** What an import did. */
  public record Result(String file, int rows, List<Long> created) {}

  private final Initiatives initiatives;
  private final Units units;
  private final People people;
  private final AuditLog audit;

  InitiativeImports(Initiatives initiatives, Units units, People people, AuditLog audit) {
    this.initiatives = initiatives;
    this.units = units;
    this.people = people;
    this.audit = audit;
  }

  @Transactional
  public Result importFile(byte[] bytes, String name) {
    Actor actor = Access.current();
    if (!actor.role().isSecretariat() && !actor.role().reportsForOwnUnit()) {
      throw ForbiddenException.outOfScope();
    }
    List<TableFile.Line> lines = TableFile.read(bytes);
    List<RowProblem> problems = new ArrayList<>();
    List<String> header =
        lines.get(0).cells().stream().map(c -> c.trim().toLowerCase(Locale.ROOT)).toList();
    if (!header.equals(HEADER)) {
      problems.add(
          new RowProblem(
              1,
              "",
              String.join(",", lines.get(0).cells()),
              "import.header",
              new Object[] {String.join(",", HEADER)}));
      throw new RejectedRowsException(problems, 1);
    }
    java.util.Set<Long> scope = actor.role().isSecretariat() ? null : units.subtree(actor.unitId());
    List<InitiativeForm> forms = new ArrayList<>();
    Map<String, Long> seen = new HashMap<>();
    long bad = 0;
    for (TableFile.Line line : lines.subList(1, lines.size())) {
      int before = problems.size();
      InitiativeForm f = row(line, scope, seen, problems);
      if (problems.size() > before) {
        bad++;
      } else {
        forms.add(f);
      }
    }
    if (!problems.isEmpty()) {
      throw new RejectedRowsException(problems, bad);
    }
    List<Long> ids = new ArrayList<>();
    for (InitiativeForm f : forms) {
      long id = initiatives.insert(f, initiatives.check(f, null));
      ids.add(id);
      audit.record(
          "initiative.imported", "initiative", Long.toString(id), null, initiatives.get(id));
    }
    return new Result(name, forms.size(), ids);
  }

  private @Nullable InitiativeForm row(
      TableFile.Line line,
      java.util.@Nullable Set<Long> scope,
      Map<String, Long> seen,
      List<RowProblem> problems) {
    long n = line.number();
    List<String> c = new ArrayList<>(line.cells().stream().map(String::trim).toList());
    if (c.size() > HEADER.size()) {
      problem(
          problems,
          n,
          "",
          String.join(",", c),
          "initiative.import.columnsOf",
          c.size(),
          HEADER.size());
      return null;
    }
    while (c.size() < HEADER.size()) {
      c.add("");
    }
    UnitView unit = units.find(c.get(0)).orElse(null);
    if (unit == null) {
      problem(problems, n, "unit", c.get(0), "import.unknownUnit", c.get(0));
    } else if (scope != null && !scope.contains(unit.id())) {
      throw new ForbiddenException("error.import.outOfScope", n, c.get(0));
    }
    String title = c.get(1);
    required(problems, n, "title", title, 300);
    List<Long> authors = new ArrayList<>();
    if (c.get(2).isBlank()) {
      problem(problems, n, "authors", "", "initiative.import.required", "authors");
    }
    for (String a : c.get(2).split(";")) {
      if (a.isBlank()) {
        continue;
      }
      Long id = author(a.trim(), unit);
      if (id == null) {
        problem(problems, n, "authors", a.trim(), "initiative.import.unknownAuthor", a.trim());
      } else {
        authors.add(id);
      }
    }
    required(problems, n, "field", c.get(3), 200);
    required(problems, n, "decision_number", c.get(4), 100);
    LocalDate date = date(c.get(5));
    if (date == null) {
      problem(problems, n, "decision_date", c.get(5), "initiative.import.date", c.get(5));
    } else {
      try {
        initiatives.checkDate(date);
      } catch (org.laurel.shared.InvalidInputException e) {
        problem(problems, n, "decision_date", c.get(5), "initiative.import.decisionDate", c.get(5));
      }
    }
    Level level = level(c.get(6));
    if (level == null) {
      problem(problems, n, "level", c.get(6), "initiative.import.level", c.get(6));
    }
    if (c.get(7).length() > 500) {
      problem(problems, n, "scope", c.get(7), "initiative.import.tooLong", 500);
    }
    if (c.get(8).length() > 4000) {
      problem(problems, n, "description", "", "initiative.import.tooLong", 4000);
    }
    if (!title.isBlank() && !c.get(4).isBlank()) {
      String key = c.get(4) + "\u0000" + title;
      Long first = seen.putIfAbsent(key, n);
      if (first != null) {
        problem(problems, n, "title", title, "initiative.import.duplicateInitiative", first);
      } else if (initiatives.exists(c.get(4), title, null)) {
        problem(problems, n, "title", title, "initiative.import.initiativeExists", title, c.get(4));
      }
    }
    if (unit == null || date == null || level == null) {
      return null;
    }
    return new InitiativeForm(
        title, unit.code(), authors, c.get(3), c.get(8), c.get(4), date, level, c.get(7), 0);
  }

  /** A person id, or the full name of exactly one person of the unit. */
  private @Nullable Long author(String text, @Nullable UnitView unit) {
    if (text.chars().allMatch(Character::isDigit) && text.length() < 18) {
      return people.find(Long.parseLong(text)).map(PersonView::id).orElse(null);
    }
    if (unit == null) {
      return null;
    }
    List<PersonView> named =
        people.list(unit.code(), text).stream()
            .filter(p -> p.fullName().equalsIgnoreCase(text))
            .toList();
    return named.size() == 1 ? named.get(0).id() : null;
  }

  static @Nullable LocalDate date(String s) {
    try {
      return s.contains("/") ? LocalDate.parse(s, DMY) : LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static @Nullable Level level(String s) {
    return switch (s.trim().toLowerCase(Locale.ROOT)) {
      case "grassroots", "cơ sở", "co so" -> Level.GRASSROOTS;
      case "provincial", "tỉnh", "cấp tỉnh", "tinh" -> Level.PROVINCIAL;
      case "national", "toàn quốc", "trung ương" -> Level.NATIONAL;
      default -> null;
    };
  }

  private static void required(
      List<RowProblem> problems, long n, String column, String value, int max) {
    if (value.isBlank()) {
      problem(problems, n, column, value, "initiative.import.required", column);
    } else if (value.length() > max) {
      problem(problems, n, column, value, "initiative.import.tooLong", max);
    }
  }

  private static void problem(
      List<RowProblem> problems,
      long row,
      String column,
      @Nullable String value,
      String key,
      Object... args) {
    if (problems.size() < 200) {
      problems.add(new RowProblem(row, column, value, key, args));
    }
  }
}
