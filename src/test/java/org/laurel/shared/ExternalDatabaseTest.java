package org.laurel.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.laurel.LaurelApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * With {@code LAUREL_DB_URL} set, Laurel uses that PostgreSQL (here a separate server standing in
 * for one), runs the same migrations there and, by default, loads no demo data.
 */
class ExternalDatabaseTest {

  @Test
  void migratesAnExternalDatabaseAndLeavesItWithoutDemoData() throws Exception {
    try (EmbeddedPostgres server = EmbeddedPostgres.builder().start()) {
      try (Connection c = server.getPostgresDatabase().getConnection();
          Statement s = c.createStatement()) {
        s.execute("create user laurel password 'secret'");
        s.execute("create database laurel owner laurel");
      }
      try (ConfigurableApplicationContext app =
          new SpringApplicationBuilder(LaurelApplication.class)
              .run(
                  "--server.port=0",
                  "--laurel.db.url=" + server.getJdbcUrl("laurel", "laurel"),
                  "--laurel.db.user=laurel",
                  "--laurel.db.password=secret")) {
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        assertThat(
                jdbc.sql("select current_user || '@' || current_database()")
                    .query(String.class)
                    .single())
            .isEqualTo("laurel@laurel");
        assertThat(
                jdbc.sql("select count(*) from flyway_schema_history where success")
                    .query(Long.class)
                    .single())
            .isGreaterThanOrEqualTo(5);
        assertThat(jdbc.sql("select count(*) from unit").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from app_user").query(Long.class).single()).isZero();
      }
    }
  }
}
