package org.laurel.indicator;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.laurel.shared.InvalidInputException;

/** Streams a CSV file's records to the import sink; row 1 is the header. */
final class CsvRows {
  private CsvRows() {}

  static void read(Reader reader, Imports.Sink sink) throws IOException {
    CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setTrim(false).get();
    try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
      boolean first = true;
      for (CSVRecord r : parser) {
        List<String> cells = new ArrayList<>(r.size());
        r.forEach(cells::add);
        long row = r.getRecordNumber();
        if (first) {
          sink.header(cells);
          first = false;
        } else {
          sink.row(row, cells);
        }
      }
      if (first) {
        throw new InvalidInputException("file", "error.import.empty");
      }
    } catch (UncheckedIOException e) {
      throw translate(e.getCause());
    } catch (CharacterCodingException e) {
      throw translate(e);
    }
  }

  private static RuntimeException translate(IOException e) {
    if (e instanceof CharacterCodingException) {
      // e.g. Windows-1258 or a UTF-16 file without its byte-order mark: refuse rather than guess
      return new InvalidInputException("file", "error.import.encoding");
    }
    return new UncheckedIOException(e);
  }
}
