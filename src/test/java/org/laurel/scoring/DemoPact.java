package org.laurel.scoring;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo bloc KHOI-HUYEN of a year and its 2024 pact, by id. */
final class DemoPact {
  private DemoPact() {}

  static long bloc(JdbcClient jdbc, int year) {
    return jdbc.sql("select id from bloc where code = 'KHOI-HUYEN' and year = ?")
        .param(year)
        .query(Long.class)
        .single();
  }

  static long pact(JdbcClient jdbc) {
    return jdbc.sql("select id from pact where bloc_id = ?")
        .param(bloc(jdbc, 2024))
        .query(Long.class)
        .single();
  }
}
