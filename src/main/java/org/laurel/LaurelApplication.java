package org.laurel;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Laurel, the emulation-and-reward management system. Also the command line: {@code audit-verify}
 * recomputes the audit chain; {@code import-values FILE [--kind=estimate]} imports indicator
 * values.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LaurelApplication {

  public static void main(String[] args) {
    SpringApplication app = new SpringApplication(LaurelApplication.class);
    if (args.length > 0 && !args[0].startsWith("-")) {
      // a command (audit-verify, import-values): the same application on a throw-away port, so that
      // security and sessions are configured as usual; the command's runner exits when done
      app.setDefaultProperties(java.util.Map.of("server.port", "0"));
      app.setAdditionalProfiles("command");
    }
    app.run(args);
  }
}
