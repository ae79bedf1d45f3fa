package org.laurel.audit;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** {@code laurel audit-verify}: checks the chain from the command line; exit 0 when intact. */
@Component
@Profile("command")
class AuditCommand implements ApplicationRunner {

  private final AuditChain chain;
  private final ApplicationContext context;

  AuditCommand(AuditChain chain, ApplicationContext context) {
    this.chain = chain;
    this.context = context;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!args.getNonOptionArgs().contains("audit-verify")) {
      return;
    }
    AuditChain.Verification v = chain.verify();
    System.out.println(
        v.valid()
            ? "Audit log intact: " + v.entries() + " entries verified."
            : "Audit log BROKEN: first broken entry is #"
                + v.firstBrokenEntry()
                + " of "
                + v.entries()
                + ".");
    int code = v.valid() ? 0 : 1;
    System.exit(SpringApplication.exit(context, (ExitCodeGenerator) () -> code));
  }
}
