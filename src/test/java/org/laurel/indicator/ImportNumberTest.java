package org.laurel.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written number check of the import accepts exactly what the documented pattern does. */
class ImportNumberTest {

  private static final Pattern NUMBER = Pattern.compile("^-?\\d{1,16}(\\.\\d{1,4})?$");

  @Test
  void acceptsWhatThePatternAccepts() {
    List<String> samples =
        List.of(
            "0",
            "7",
            "-7",
            "007.50",
            "12.3456",
            "1234567890123456",
            "-1234567890123456.1234",
            "",
            "-",
            ".",
            "-.",
            "1.",
            ".5",
            "-.5",
            "1.23456",
            "12345678901234567",
            "1e5",
            "1,5",
            "+1",
            "1.2.3",
            "--1",
            " 1",
            "1 ",
            "١٢",
            "1.-2",
            "0.0000",
            "-0");
    for (String s : samples) {
      assertThat(Imports.isNumber(s)).as(s).isEqualTo(NUMBER.matcher(s).matches());
    }
  }

  @Test
  void copyBufferWritesNumbersAndText() {
    Imports.CopyBuffer b = new Imports.CopyBuffer(4);
    b.number(0).tab().number(1234567890123L).tab().number(-42).tab().ascii("2024-M03").newline();
    assertThat(new String(b.bytes(), 0, b.size(), java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("0\t1234567890123\t-42\t2024-M03\n");
  }
}
