package org.laurel;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Laurel, the emulation-and-reward management system. Also the command line: {@code audit-verify}
 * as first argument recomputes the audit chain and exits with 0 when it is intact, 1 when not.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LaurelApplication {

  public static void main(String[] args) {
    SpringApplication app = new SpringApplication(LaurelApplication.class);
    if (args.length > 0 && !args[0].startsWith("-")) {
      // a command: no web server, and the command runner exits when done
      app.setWebApplicationType(WebApplicationType.NONE);
      app.setAdditionalProfiles("command");
    }
    app.run(args);
  }
}
