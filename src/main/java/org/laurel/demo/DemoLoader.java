package org.laurel.demo;

import org.laurel.access.Users;
import org.laurel.shared.DatabaseProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Loads the demo data on an empty database when enabled; by default it is enabled with the embedded
 * database and disabled with an external one.
 */
@Component
@Profile("!command")
class DemoLoader implements ApplicationRunner {

  private final DemoData data;
  private final DemoMovements movements;
  private final DemoDecisions decisions;
  private final DemoCertificates certificates;
  private final DemoCouncil council;
  private final Users users;
  private final DatabaseProperties db;
  private final String enabled;
  private final String password;

  DemoLoader(
      DemoData data,
      DemoMovements movements,
      DemoDecisions decisions,
      DemoCertificates certificates,
      DemoCouncil council,
      Users users,
      DatabaseProperties db,
      @Value("${laurel.demo.enabled:}") String enabled,
      @Value("${laurel.demo.password:demo}") String password) {
    this.data = data;
    this.movements = movements;
    this.decisions = decisions;
    this.certificates = certificates;
    this.council = council;
    this.users = users;
    this.db = db;
    this.enabled = enabled;
    this.password = password;
  }

  @Override
  public void run(ApplicationArguments args) {
    boolean on = enabled.isBlank() ? db.embedded() : Boolean.parseBoolean(enabled);
    if (on && users.count() == 0) {
      data.load(password);
      // the council's 2024 year-end session, on the reward demo's proposals
      council.load(password);
      movements.load();
      // after the rewards and the council's ballots: the decisions on the voted proposals
      decisions.load();
      // after every module's demo that grants awards
      certificates.load();
    }
  }
}
