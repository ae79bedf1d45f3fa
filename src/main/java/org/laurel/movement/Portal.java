package org.laurel.movement;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.laurel.movement.MovementView.Milestone;
import org.laurel.shared.NotFoundException;
import org.laurel.shared.StampedViews;
import org.springframework.jdbc.core.simple.JdbcClient;
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

  /**
   * How long a computed public view is reused while nothing was published, unpublished or edited:
   * participation and replications may lag by this much, publication never does.
   */
  static final Duration REUSE = Duration.ofSeconds(15);

  /**
   * The stamp of the public views: the published movements and examples with their versions (one
   * query over two small tables, read on every request).
   */
  static final String STAMP =
      """
      select coalesce((select string_agg(id || '.' || version, ',' order by id)
                       from movement where published), '')
          || '|' || coalesce((select string_agg(id || '.' || version, ',' order by id)
                              from example where published), '')""";

  private final Movements movements;
  private final Registrations registrations;
  private final Progress progress;
  private final Examples examples;
  private final Clock clock;
  private final StampedViews views;

  Portal(
      Movements movements,
      Registrations registrations,
      Progress progress,
      Examples examples,
      Clock clock,
      JdbcClient jdbc) {
    this.movements = movements;
    this.registrations = registrations;
    this.progress = progress;
    this.examples = examples;
    this.clock = clock;
    this.views = new StampedViews(jdbc, STAMP, REUSE);
  }

  @Transactional(readOnly = true)
  public List<PublicMovement> movements() {
    return reuse("movements", () -> movements.published().stream().map(this::movement).toList());
  }

  @Transactional(readOnly = true)
  public PublicMovement movement(long id) {
    return reuse("movement/" + id, () -> movement(publishedMovement(id)));
  }

  /** The registered targets of a published movement against reported values, for its chart. */
  @Transactional(readOnly = true)
  public Progress.Chart progress(long id) {
    return reuse(
        "progress/" + id,
        () -> Progress.chart(progress.of(publishedMovement(id), LocalDate.now(clock))));
  }

  @Transactional(readOnly = true)
  public List<PublicExample> examples() {
    return reuse(
        "examples", () -> examples.list(true, null).stream().map(Portal::example).toList());
  }

  @Transactional(readOnly = true)
  public PublicExample example(long id) {
    return reuse(
        "example/" + id,
        () -> {
          ExampleView e = examples.get(id);
          if (!e.published()) {
            throw new NotFoundException("error.example.notFound", id);
          }
          return example(e);
        });
  }

  @Transactional(readOnly = true)
  public List<Examples.Spread> spread() {
    return reuse("spread", () -> examples.spread(true));
  }

  /**
   * A public view computed at most every {@link #REUSE}, and again as soon as the set of published
   * movements and examples or any of their versions changes. The stamp is read on every request
   * (one query over two small tables), so an unpublished item disappears at once, on every
   * instance.
   */
  private <T> T reuse(String key, Supplier<T> compute) {
    return views.reuse(key, compute);
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
