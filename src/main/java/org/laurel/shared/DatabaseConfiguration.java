package org.laurel.shared;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The data source: an external PostgreSQL when configured, otherwise an embedded one. */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

  private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

  @Bean(destroyMethod = "close")
  EmbeddedDatabase embeddedDatabase(DatabaseProperties props) throws IOException {
    if (!props.embedded()) {
      return EmbeddedDatabase.none();
    }
    Path dir = Path.of(props.dataDir()).toAbsolutePath().normalize();
    Files.createDirectories(dir);
    stopOrphanedServer(dir);
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(dir)
            .setCleanDataDirectory(props.embeddedTemporary())
            // the application context stops it, after everything that uses it is closed
            .setRegisterShutdownHook(false)
            .setPGStartupWait(Duration.ofSeconds(60))
            .setServerConfig("max_connections", "100")
            .setLocaleConfig("encoding", "UTF8")
            .setLocaleConfig("locale", "C.UTF-8");
    if (props.embeddedPort() > 0) {
      builder.setPort(props.embeddedPort());
    }
    EmbeddedPostgres pg = builder.start();
    log.info("Embedded PostgreSQL on port {} with data in {}", pg.getPort(), dir);
    return new EmbeddedDatabase(pg);
  }

  @Bean(destroyMethod = "close")
  DataSource dataSource(DatabaseProperties props, EmbeddedDatabase embedded) {
    HikariConfig config = new HikariConfig();
    if (embedded.server() != null) {
      config.setJdbcUrl(embedded.server().getJdbcUrl("postgres", "postgres"));
      config.setUsername("postgres");
    } else {
      config.setJdbcUrl(props.url());
      config.setUsername(props.user());
      config.setPassword(props.password());
    }
    config.setMaximumPoolSize(20);
    config.setPoolName("laurel");
    config.setDataSourceProperties(new java.util.Properties());
    config.addDataSourceProperty("ApplicationName", "laurel");
    return new HikariDataSource(config);
  }

  /**
   * After a {@code kill -9} of the JVM the PostgreSQL child keeps running and holds the data
   * directory. It has no clients left, so a fast shutdown loses nothing committed; then the new
   * start recovers from the write-ahead log as after any crash.
   */
  private static void stopOrphanedServer(Path dir) throws IOException {
    Path pidFile = dir.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    Optional<Long> pid =
        Files.readAllLines(pidFile, StandardCharsets.UTF_8).stream()
            .findFirst()
            .map(String::trim)
            .filter(s -> s.matches("\\d+"))
            .map(Long::parseLong);
    Optional<ProcessHandle> process = pid.flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
    boolean isPostgres =
        process.flatMap(p -> p.info().command()).map(c -> c.contains("postgres")).orElse(false);
    if (process.isPresent() && isPostgres) {
      log.warn("Stopping orphaned embedded PostgreSQL (pid {}) left by an earlier run", pid.get());
      ProcessHandle p = process.get();
      // SIGINT is PostgreSQL's "fast" shutdown: clean, without waiting for (dead) clients
      new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).inheritIO().start();
      try {
        p.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
      } catch (Exception e) {
        p.destroyForcibly();
      }
    }
    if (Files.exists(pidFile) && (process.isEmpty() || !isPostgres || !process.get().isAlive())) {
      // a stale lock file of a dead server; PostgreSQL may mistake a reused pid for itself
      Files.deleteIfExists(pidFile);
    }
  }

  /** Holder so that the embedded server's life is tied to the application context. */
  record EmbeddedDatabase(@org.jspecify.annotations.Nullable EmbeddedPostgres server)
      implements AutoCloseable {
    static EmbeddedDatabase none() {
      return new EmbeddedDatabase(null);
    }

    @Override
    public void close() throws IOException {
      if (server != null) {
        server.close();
      }
    }
  }
}
