package org.laurel.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of a running Laurel, then a restart on the same data directory: everything that
 * was committed is there, with no manual clean-up. Runs the application in child JVMs.
 */
class CrashRecoveryTest {

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void comesBackWithEveryCommittedRowAfterKillDashNine() throws Exception {
    Path data = Files.createTempDirectory("laurel-crash");
    int port = freePort();
    Process first = start(data, port, "first");
    try {
      awaitHealthy(port, first);
      HttpResponse<String> created =
          http.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/units"))
                  .header("Authorization", basic("admin", "demo"))
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"code\":\"HP.CRASH\",\"name\":\"Phường Sau Sự Cố\",\"kind\":\"WARD\","
                              + "\"parentCode\":\"HP\",\"validFrom\":\"2025-07-01\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    } finally {
      first.destroyForcibly(); // SIGKILL: no shutdown hook runs, PostgreSQL is left behind
      first.waitFor();
    }

    Process second = start(data, port, "second");
    try {
      awaitHealthy(port, second);
      HttpResponse<String> unit =
          http.send(
              HttpRequest.newBuilder(
                      URI.create("http://localhost:" + port + "/api/v1/units/HP.CRASH"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(unit.statusCode()).isEqualTo(200);
      assertThat(unit.body()).contains("Phường Sau Sự Cố");
      HttpResponse<String> audit =
          http.send(
              HttpRequest.newBuilder(
                      URI.create("http://localhost:" + port + "/api/v1/audit/verify"))
                  .header("Authorization", basic("admin", "demo"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(audit.body()).contains("\"valid\":true");
    } finally {
      second.destroy();
      second.waitFor();
    }
  }

  private Process start(Path data, int port, String name) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    File log = Path.of("target", "crash-recovery-" + name + ".log").toFile();
    return new ProcessBuilder(
            List.of(
                java,
                "-Xmx512m",
                "-Dfile.encoding=UTF-8",
                "-cp",
                System.getProperty("java.class.path"),
                "org.laurel.LaurelApplication",
                "--server.port=" + port,
                "--laurel.db.data-dir=" + data.resolve("postgres"),
                "--laurel.demo.enabled=true"))
        .redirectErrorStream(true)
        .redirectOutput(log)
        .start();
  }

  private void awaitHealthy(int port, Process process) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (Instant.now().isBefore(deadline)) {
      assertThat(process.isAlive())
          .as("the application exited; see target/crash-recovery-*.log")
          .isTrue();
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200 && r.body().contains("UP")) {
          // demo data is loaded right after start; wait until the users exist
          HttpResponse<String> me =
              http.send(
                  HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/me"))
                      .header("Authorization", basic("admin", "demo"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
          if (me.statusCode() == 200) {
            return;
          }
        }
      } catch (java.io.IOException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new AssertionError("Laurel did not become healthy in time");
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
