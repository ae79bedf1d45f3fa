package org.laurel.indicator;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.laurel.access.Access;
import org.laurel.shared.LaurelException;
import org.laurel.shared.RejectedRowsException;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * {@code laurel import-values FILE [--kind=estimate]}: imports as the secretariat, printing
 * progress as rows stream in, then the result or every bad row. Exit code 0 when imported, 1 when
 * refused.
 */
@Component
class ImportCommand implements ApplicationRunner {

  private final Imports imports;
  private final MessageSource messages;
  private final ApplicationContext context;

  ImportCommand(Imports imports, MessageSource messages, ApplicationContext context) {
    this.imports = imports;
    this.messages = messages;
    this.context = context;
  }

  @Override
  public void run(ApplicationArguments args) {
    List<String> words = args.getNonOptionArgs();
    if (words.isEmpty() || !words.get(0).equals("import-values")) {
      return; // the normal web start
    }
    List<String> kind = args.getOptionValues("kind");
    Imports.Kind k =
        kind != null && kind.contains("estimate") ? Imports.Kind.ESTIMATES : Imports.Kind.VALUES;
    int code = words.size() < 2 ? usage(System.err) : execute(Path.of(words.get(1)), k, System.out);
    System.exit(SpringApplication.exit(context, (ExitCodeGenerator) () -> code));
  }

  int execute(Path file, Imports.Kind kind, PrintStream out) {
    if (!Files.isReadable(file)) {
      out.println("Cannot read " + file);
      return 2;
    }
    int[] code = {0};
    Access.runAsSystem(
        "command-line",
        () -> {
          try {
            ImportResult r =
                imports.importFile(
                    file,
                    file.getFileName().toString(),
                    kind,
                    n -> out.printf("… %,d rows read%n", n));
            out.printf(
                "Imported %s: %,d rows, %,d new, %,d changed, %,d unchanged (sha256 %s)%n",
                r.file(), r.rows(), r.inserted(), r.updated(), r.unchanged(), r.sha256());
          } catch (RejectedRowsException e) {
            out.println(text(e));
            e.problems()
                .forEach(
                    p ->
                        out.printf(
                            "  row %d %s: %s%n",
                            p.row(),
                            p.column(),
                            messages.getMessage(
                                p.messageKey(),
                                p.args(),
                                p.messageKey(),
                                java.util.Locale.ENGLISH)));
            code[0] = 1;
          } catch (LaurelException e) {
            out.println(text(e));
            code[0] = 1;
          } catch (java.io.IOException e) {
            out.println("Cannot read " + file + ": " + e.getMessage());
            code[0] = 2;
          }
        });
    return code[0];
  }

  private String text(LaurelException e) {
    return messages.getMessage(e.messageKey(), e.args(), e.messageKey(), java.util.Locale.ENGLISH);
  }

  private static int usage(PrintStream err) {
    err.println("usage: laurel import-values FILE [--kind=estimate]");
    return 2;
  }
}
