package org.laurel.shared;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the database is. An empty {@code url} means the embedded PostgreSQL under {@code dataDir};
 * {@code embeddedPort} 0 picks a free port. A temporary embedded database (tests) is wiped when it
 * stops.
 */
@ConfigurationProperties("laurel.db")
public record DatabaseProperties(
    String url,
    String user,
    String password,
    String dataDir,
    int embeddedPort,
    boolean embeddedTemporary) {

  public boolean embedded() {
    return url == null || url.isBlank();
  }
}
