package org.laurel.indicator;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.laurel.access.Access;
import org.laurel.shared.LaurelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Large uploads run in the background so that the page can show how far the import has got. The
 * import itself is the same all-or-nothing transaction; only its progress lives here, in memory,
 * for the person who started it (on the instance that runs it) and for an hour after.
 */
@Component
class ImportJobs {

  private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);
  private static final Duration KEEP = Duration.ofHours(1);

  enum State {
    RUNNING,
    DONE,
    REJECTED,
    FAILED
  }

  static final class Job {
    final String id = UUID.randomUUID().toString();
    final String owner;
    final String file;
    final Imports.Kind kind;
    final Instant started;
    volatile long rows;
    volatile State state = State.RUNNING;
    volatile @Nullable ImportResult result;
    volatile @Nullable LaurelException error;

    Job(String owner, String file, Imports.Kind kind, Instant started) {
      this.owner = owner;
      this.file = file;
      this.kind = kind;
      this.started = started;
    }

    // for the templates
    public String getId() {
      return id;
    }

    public String getFile() {
      return file;
    }

    public long getRows() {
      return rows;
    }

    public State getState() {
      return state;
    }

    public @Nullable ImportResult getResult() {
      return result;
    }
  }

  private final Imports imports;
  private final Clock clock;
  private final Map<String, Job> jobs = new ConcurrentHashMap<>();
  // two at a time: an import keeps a core and a database connection busy
  private final ExecutorService pool =
      Executors.newFixedThreadPool(
          2,
          r -> {
            Thread t = new Thread(r, "laurel-import");
            t.setDaemon(true);
            return t;
          });

  ImportJobs(Imports imports, Clock clock) {
    this.imports = imports;
    this.clock = clock;
  }

  /** Starts importing {@code file}, which the job deletes when done, as the signed-in user. */
  Job start(Path file, String name, Imports.Kind kind) {
    Instant now = clock.instant();
    jobs.values().removeIf(j -> j.state != State.RUNNING && j.started.isBefore(now.minus(KEEP)));
    Job job = new Job(Access.current().username(), name, kind, now);
    jobs.put(job.id, job);
    Runnable work =
        () -> {
          try {
            job.result = imports.importFile(file, name, kind, n -> job.rows = n);
            job.rows = job.result.rows();
            job.state = State.DONE;
          } catch (LaurelException e) {
            job.error = e;
            job.state = State.REJECTED;
          } catch (IOException | RuntimeException e) {
            log.error("Import {} of {} failed", job.id, name, e);
            job.state = State.FAILED;
          } finally {
            try {
              Files.deleteIfExists(file);
            } catch (IOException ignored) {
              // a temporary file; the system cleans up the rest
            }
          }
        };
    pool.submit(new DelegatingSecurityContextRunnable(work, SecurityContextHolder.getContext()));
    return job;
  }

  /** The caller's own job; someone else's is as good as unknown. */
  Optional<Job> find(String id) {
    return Optional.ofNullable(jobs.get(id))
        .filter(j -> j.owner.equals(Access.current().username()));
  }

  @PreDestroy
  void stop() {
    pool.shutdownNow();
  }
}
