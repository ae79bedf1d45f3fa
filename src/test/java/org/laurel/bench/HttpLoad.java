package org.laurel.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An open-loop HTTP load generator: requests leave at a fixed rate whatever the answers do, and
 * each latency is measured from the moment the request was due (so a stall counts against the
 * server instead of hiding, as closed-loop tools let it). For each URL in turn: warm-up, then the
 * measured run; prints p50, p99, p99.9, max and errors, and the ratio to the first URL.
 *
 * <p>{@code java -cp target/test-classes org.laurel.bench.HttpLoad RATE SECONDS URL...}
 */
public final class HttpLoad {
  private HttpLoad() {}

  record Stats(String url, int sent, int errors, double p50, double p99, double p999, double max) {}

  public static void main(String[] args) throws Exception {
    int rate = Integer.parseInt(args[0]);
    int seconds = Integer.parseInt(args[1]);
    List<String> urls = Arrays.asList(args).subList(2, args.length);
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(16))
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    List<Stats> all = new ArrayList<>();
    for (String url : urls) {
      run(client, url, rate, Math.max(3, seconds / 4)); // warm-up
      all.add(run(client, url, rate, seconds));
    }
    Stats base = all.get(0);
    System.out.printf(
        "%-70s %7s %6s %8s %8s %8s %8s%n",
        "url", "sent", "errors", "p50 ms", "p99 ms", "p99.9 ms", "max ms");
    for (Stats s : all) {
      System.out.printf(
          "%-70s %7d %6d %8.2f %8.2f %8.2f %8.2f   p99 × %.2f of the first%n",
          s.url(), s.sent(), s.errors(), s.p50(), s.p99(), s.p999(), s.max(), s.p99() / base.p99());
    }
    System.exit(0);
  }

  static Stats run(HttpClient client, String url, int rate, int seconds) throws Exception {
    int total = rate * seconds;
    double[] latencies = new double[total];
    AtomicInteger errors = new AtomicInteger();
    List<CompletableFuture<?>> inFlight = new ArrayList<>(total);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build();
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    long start = System.nanoTime();
    long intervalNanos = 1_000_000_000L / rate;
    AtomicInteger next = new AtomicInteger();
    CompletableFuture<Void> allSent = new CompletableFuture<>();
    ticker.scheduleAtFixedRate(
        () -> {
          // catch up on every request that is due by now
          long now = System.nanoTime();
          int i;
          while ((i = next.get()) < total && start + i * intervalNanos <= now) {
            next.incrementAndGet();
            final int k = i;
            final long due = start + k * intervalNanos;
            synchronized (inFlight) {
              inFlight.add(
                  client
                      .sendAsync(request, HttpResponse.BodyHandlers.discarding())
                      .whenComplete(
                          (r, e) -> {
                            latencies[k] = (System.nanoTime() - due) / 1e6;
                            if (e != null || r.statusCode() != 200) {
                              errors.incrementAndGet();
                            }
                          }));
            }
          }
          if (next.get() >= total) {
            allSent.complete(null);
          }
        },
        0,
        1,
        TimeUnit.MILLISECONDS);
    allSent.get();
    ticker.shutdownNow();
    synchronized (inFlight) {
      CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new))
          .exceptionally(e -> null)
          .get();
    }
    double[] sorted = latencies.clone();
    Arrays.sort(sorted);
    return new Stats(
        url,
        total,
        errors.get(),
        pct(sorted, 0.50),
        pct(sorted, 0.99),
        pct(sorted, 0.999),
        sorted[sorted.length - 1]);
  }

  private static double pct(double[] sorted, double q) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
  }
}
