package org.laurel.shared;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the database is. An empty {@code url} means the embedded PostgreSQL under {@code dataDir};
 * {@code embeddedPort} 0 picks a free port.
 */
@ConfigurationProperties("laurel.db")
public record DatabaseProperties(
    String url, String user, String password, String dataDir, int embeddedPort) {

  public boolean embedded() {
    return url == null || url.isBlank();
  }
}
