package org.laurel.shared;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Public views computed at most every {@code reuse}, and again as soon as a stamp changes: the
 * stamp is one small query read on every request (e.g. the ids and versions of what is published),
 * so a publication or withdrawal shows at once, on every instance, while the costly view is not
 * recomputed per request.
 */
public final class StampedViews {

  private record Computed(String stamp, long at, Object value) {}

  private final JdbcClient jdbc;
  private final String stampSql;
  private final Duration reuse;
  private final Map<String, Computed> computed = new ConcurrentHashMap<>();

  public StampedViews(JdbcClient jdbc, String stampSql, Duration reuse) {
    this.jdbc = jdbc;
    this.stampSql = stampSql;
    this.reuse = reuse;
  }

  @SuppressWarnings("unchecked")
  public <T> T reuse(String key, Supplier<T> compute) {
    String stamp = jdbc.sql(stampSql).query(String.class).single();
    long now = System.nanoTime();
    Computed c = computed.get(key);
    if (c != null && c.stamp().equals(stamp) && now - c.at() < reuse.toNanos()) {
      return (T) c.value();
    }
    T value = compute.get();
    computed.put(key, new Computed(stamp, now, value));
    return value;
  }
}
