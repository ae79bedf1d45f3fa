package org.laurel.movement;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.laurel.bloc.BlocView;
import org.laurel.bloc.Blocs;
import org.laurel.movement.MovementView.Ref;
import org.laurel.organisation.People;
import org.laurel.organisation.PersonView;
import org.laurel.organisation.UnitView;
import org.laurel.organisation.Units;
import org.laurel.support.LaurelTest;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The registrants a movement expects and a movement's registrations are read in a few queries
 * whatever their number (they were read one unit, bloc, registration and person at a time), and
 * give what the one-by-one reads gave. Statements are counted from JdbcTemplate's debug log.
 */
@LaurelTest
class MovementQueriesTest {

  @Autowired Movements movements;
  @Autowired Registrations registrations;
  @Autowired Units units;
  @Autowired Blocs blocs;
  @Autowired People people;
  @Autowired JdbcClient jdbc;

  /** The result of {@code work} and the number of SQL statements it ran. */
  static <T> Map.Entry<T, Integer> counted(Supplier<T> work) {
    Logger log = (Logger) LoggerFactory.getLogger("org.springframework.jdbc.core.JdbcTemplate");
    Level before = log.getLevel();
    ListAppender<ILoggingEvent> events = new ListAppender<>();
    events.start();
    log.addAppender(events);
    log.setLevel(Level.DEBUG);
    try {
      T result = work.get();
      int statements =
          (int) events.list.stream().filter(e -> statement(e.getFormattedMessage())).count();
      return Map.entry(result, statements);
    } finally {
      log.setLevel(before);
      log.detachAppender(events);
    }
  }

  /** JdbcTemplate logs a prepared query twice ("query", then "statement [sql]"), others once. */
  static boolean statement(String message) {
    return message.startsWith("Executing prepared SQL statement")
        || message.startsWith("Executing SQL query")
        || message.startsWith("Executing SQL statement")
        || message.startsWith("Executing SQL update");
  }

  /** What expectedRegistrants gave when it read each child unit and each bloc on its own. */
  List<Ref> oneByOne(MovementView m) {
    Map<Long, Ref> out = new LinkedHashMap<>();
    if (m.blocs().isEmpty() && m.units().isEmpty()) {
      for (String code : units.childrenOn(m.launchingUnitCode(), m.startsOn())) {
        UnitView u = units.get(code);
        out.put(u.id(), new Ref(u.id(), u.code(), u.name()));
      }
    }
    for (Ref b : m.blocs()) {
      for (BlocView.UnitRef u : blocs.get(b.id()).members()) {
        out.putIfAbsent(u.id(), new Ref(u.id(), u.code(), u.name()));
      }
    }
    for (Ref u : m.units()) {
      out.putIfAbsent(u.id(), u);
    }
    return List.copyOf(out.values());
  }

  @Test
  void expectedRegistrantsAreReadInAFewQueriesWhateverTheirNumber() {
    List<MovementView> all = movements.list(null);
    assertThat(all).isNotEmpty();
    int largest = 0;
    for (MovementView m : all) {
      var run = counted(() -> movements.expectedRegistrants(m));
      var before = counted(() -> oneByOne(m));
      System.out.printf(
          "expectedRegistrants(%s): %d registrants, %d statements (one by one: %d)%n",
          m.code(), run.getKey().size(), run.getValue(), before.getValue());
      assertThat(run.getKey()).as(m.code()).isEqualTo(before.getKey());
      // the launching unit (2), its children's codes, then the children (1); blocs with members (2)
      assertThat(run.getValue()).as("statements for %s", m.code()).isBetween(1, 6);
      largest = Math.max(largest, run.getKey().size());
    }
    assertThat(largest).as("some movement expects many registrants").isGreaterThan(6);
  }

  /** A demo movement with another scope: every bloc of its year, or none (the units below). */
  static MovementView scoped(MovementView m, List<Ref> blocs) {
    return new MovementView(
        m.id(),
        m.code(),
        m.title(),
        m.motto(),
        m.kind(),
        m.year(),
        m.launchingUnitCode(),
        m.launchingUnitName(),
        m.launchingBody(),
        m.decisionNumber(),
        m.decisionDate(),
        m.decisionDocument(),
        m.startsOn(),
        m.endsOn(),
        m.registrationDeadline(),
        m.individualsAllowed(),
        m.householdsAllowed(),
        m.awardTypes(),
        m.description(),
        m.status(),
        m.published(),
        blocs,
        List.of(),
        m.milestones(),
        m.goals(),
        m.version());
  }

  @Test
  void expectedRegistrantsOfManyBlocsOrOfTheUnitsBelowTakeAFewQueries() {
    MovementView m = movements.list(null).get(0);
    List<Ref> all =
        blocs.list(m.year()).stream().map(b -> new Ref(b.id(), b.code(), b.name())).toList();
    for (MovementView v : List.of(scoped(m, all), scoped(m, List.of()))) {
      var run = counted(() -> movements.expectedRegistrants(v));
      var before = counted(() -> oneByOne(v));
      System.out.printf(
          "expectedRegistrants(%d blocs): %d registrants, %d statements (one by one: %d)%n",
          v.blocs().size(), run.getKey().size(), run.getValue(), before.getValue());
      assertThat(run.getKey()).isEqualTo(before.getKey()).isNotEmpty();
      assertThat(run.getValue())
          .as("statements (none would mean none were counted)")
          .isBetween(1, 6);
    }
  }

  @Test
  void aMovementsRegistrationsAreReadInAFewQueriesWhateverTheirNumber() {
    long movement =
        jdbc.sql(
                "select movement_id from registration group by movement_id"
                    + " order by count(*) desc, movement_id limit 1")
            .query(Long.class)
            .single();
    int movementRead = counted(() -> movements.get(movement)).getValue();
    var run = counted(() -> registrations.list(movement));
    List<RegistrationView> list = run.getKey();
    assertThat(list.size()).isGreaterThan(3);
    // besides reading the movement: the registrations' ids, heads, units (2), targets, entrants,
    // people
    System.out.printf(
        "registrations.list: %d registrations, %d people, %d statements (reading the movement: %d)%n",
        list.size(),
        list.stream().mapToInt(r -> r.people().size()).sum(),
        run.getValue(),
        movementRead);
    assertThat(run.getValue() - movementRead).isBetween(1, 7);
    for (RegistrationView r : list) {
      for (RegistrationView.Entrant e : r.people()) {
        assertThat(e.fullName())
            .isEqualTo(people.find(e.personId()).map(PersonView::fullName).orElse("#"));
      }
      assertThat(r.unitName()).isEqualTo(units.get(r.unitCode()).name());
    }
    assertThat(list.stream().mapToInt(r -> r.people().size()).sum())
        .as("some registrations name people")
        .isPositive();
  }
}
