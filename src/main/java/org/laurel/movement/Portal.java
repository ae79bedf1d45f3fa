package org.laurel.movement;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.laurel.movement.MovementView.Milestone;
import org.laurel.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the public portal may show: published movements that are launched, in progress or reviewed,
 * and published examples with their replication. Nothing else leaves through here; an item that is
 * not published is "not found", whether it exists or not.
 */
@Service
public class Portal {

  /** A movement as the public sees it. */
  public record PublicMovement(
      long id,
      String title,
      @Nullable String motto,
      int year,
      String launchedBy,
      @Nullable String decisionNumber,
      LocalDate startsOn,
      LocalDate endsOn,
      MovementStatus status,
      int unitsExpected,
      int unitsRegistered,
      @Nullable BigDecimal participationPercent,
      List<Milestone> upcoming) {}

  /** A published example as the public sees it. */
  public record PublicExample(
      long id,
      String name,
      ExampleView.Kind kind,
      String unitName,
      @Nullable String movementTitle,
      String story,
      List<PublicReplication> replications) {}

  public record PublicReplication(String unitName, LocalDate startedOn, @Nullable String results) {}

  public record SearchResult(List<PublicMovement> movements, List<PublicExample> examples) {}

  private final Movements movements;
  private final Registrations registrations;
  private final Progress progress;
  private final Examples examples;
  private final Clock clock;

  Portal(
      Movements movements,
      Registrations registrations,
      Progress progress,
      Examples examples,
      Clock clock) {
    this.movements = movements;
    this.registrations = registrations;
    this.progress = progress;
    this.examples = examples;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public List<PublicMovement> movements() {
    return movements.published().stream().map(this::movement).toList();
  }

  @Transactional(readOnly = true)
  public PublicMovement movement(long id) {
    return movement(publishedMovement(id));
  }

  /** The registered targets of a published movement against reported values, for its chart. */
  @Transactional(readOnly = true)
  public Progress.Chart progress(long id) {
    return Progress.chart(progress.of(publishedMovement(id), LocalDate.now(clock)));
  }

  @Transactional(readOnly = true)
  public List<PublicExample> examples() {
    return examples.list(true, null).stream().map(Portal::example).toList();
  }

  @Transactional(readOnly = true)
  public PublicExample example(long id) {
    ExampleView e = examples.get(id);
    if (!e.published()) {
      throw new NotFoundException("error.example.notFound", id);
    }
    return example(e);
  }

  @Transactional(readOnly = true)
  public List<Examples.Spread> spread() {
    return examples.spread(true);
  }

  /** Published movements (title, motto) and examples (name, story) containing the words. */
  @Transactional(readOnly = true)
  public SearchResult search(@Nullable String q) {
    if (q == null || q.isBlank()) {
      return new SearchResult(List.of(), List.of());
    }
    String needle = q.trim().toLowerCase(Locale.ROOT);
    List<PublicMovement> ms =
        movements().stream()
            .filter(
                m ->
                    m.title().toLowerCase(Locale.ROOT).contains(needle)
                        || (m.motto() != null
                            && m.motto().toLowerCase(Locale.ROOT).contains(needle)))
            .toList();
    List<PublicExample> es = examples.list(true, q.trim()).stream().map(Portal::example).toList();
    return new SearchResult(ms, es);
  }

  private MovementView publishedMovement(long id) {
    MovementView m =
        movements.find(id).orElseThrow(() -> new NotFoundException("error.movement.notFound", id));
    if (!m.published() || !m.status().open() && m.status() != MovementStatus.REVIEWED) {
      throw new NotFoundException("error.movement.notFound", id);
    }
    return m;
  }

  private PublicMovement movement(MovementView m) {
    List<Registrations.Participant> ps = registrations.participation(m.id());
    int registered = (int) ps.stream().filter(Registrations.Participant::registered).count();
    LocalDate today = LocalDate.now(clock);
    return new PublicMovement(
        m.id(),
        m.title(),
        m.motto(),
        m.year(),
        m.launchingBody() != null ? m.launchingBody() : m.launchingUnitName(),
        m.decisionNumber(),
        m.startsOn(),
        m.endsOn(),
        m.status(),
        ps.size(),
        registered,
        Progress.percent(BigDecimal.valueOf(registered), BigDecimal.valueOf(ps.size())),
        m.milestones().stream().filter(x -> !x.dueOn().isBefore(today)).limit(3).toList());
  }

  private static PublicExample example(ExampleView e) {
    return new PublicExample(
        e.id(),
        e.name(),
        e.kind(),
        e.unitName(),
        e.movementTitle(),
        e.story(),
        e.replications().stream()
            .map(r -> new PublicReplication(r.unitName(), r.startedOn(), r.results()))
            .toList());
  }
}
