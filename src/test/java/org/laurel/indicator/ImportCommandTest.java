package org.laurel.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.laurel.support.LaurelTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

@LaurelTest
@Transactional
class ImportCommandTest {

  @Autowired ImportCommand command;

  @Test
  void importsFromTheCommandLineAndPrintsProgressAndTheResult() throws Exception {
    StringBuilder csv = new StringBuilder("unit,indicator,period,value\n");
    // more rows than one progress step: months of several years for a few units and indicators
    String[] units = {"HP.NS.NAMSACH", "HP.NG.NINHGIANG", "HP.TH.THANHHA"};
    String[] inds = {"BUDGET_REVENUE", "INDUSTRIAL_OUTPUT", "AGRICULTURAL_OUTPUT", "RETAIL_SALES"};
    int rows = 0;
    for (String u : units) {
      for (String i : inds) {
        for (int m = 1; m <= 12; m++) {
          csv.append(u)
              .append(',')
              .append(i)
              .append(",2026-M%02d,".formatted(m))
              .append(m)
              .append('\n');
          rows++;
        }
      }
    }
    Path file = Files.createTempFile("laurel-cli", ".csv");
    Files.writeString(file, csv, StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    int code =
        command.execute(
            file, Imports.Kind.VALUES, new PrintStream(out, true, StandardCharsets.UTF_8));

    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("rows read")
        .contains("Imported " + file.getFileName() + ": " + rows + " rows, " + rows + " new");
    Files.delete(file);
  }

  @Test
  void listsTheBadRowsAndExitsWithOne() throws Exception {
    Path file = Files.createTempFile("laurel-cli", ".csv");
    Files.writeString(file, "unit,indicator,period,value\nNOWHERE,BUDGET_REVENUE,2026-H1,1\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code =
        command.execute(
            file, Imports.Kind.VALUES, new PrintStream(out, true, StandardCharsets.UTF_8));
    assertThat(code).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("Nothing was changed")
        .contains("row 2 unit: There is no unit with code NOWHERE.");
    Files.delete(file);
  }
}
