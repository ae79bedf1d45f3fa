package org.laurel.audit;

import java.io.PrintStream;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/** {@code laurel audit-verify}: checks the chain from the command line; exit 0 when intact. */
@Component
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
      return; // the normal web start
    }
    int code = verify(System.out);
    System.exit(SpringApplication.exit(context, (ExitCodeGenerator) () -> code));
  }

  /** Prints the verdict; 0 when the chain is intact, 1 when not. */
  int verify(PrintStream out) {
    AuditChain.Verification v = chain.verify();
    out.println(
        v.valid()
            ? "Audit log intact: " + v.entries() + " entries verified."
            : "Audit log BROKEN: first broken entry is #"
                + v.firstBrokenEntry()
                + " of "
                + v.entries()
                + ".");
    return v.valid() ? 0 : 1;
  }
}
