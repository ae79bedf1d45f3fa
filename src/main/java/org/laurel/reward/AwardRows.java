package org.laurel.reward;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.laurel.shared.InvalidInputException;

/**
 * Reads a small table (an award history file: thousands of rows, not millions) from CSV or XLSX
 * into memory, with the row numbers a person sees (1 = the header). The type is told by the
 * content, never by the name.
 */
final class AwardRows {
  private AwardRows() {}

  /** One data row and its number in the file. */
  record Line(long number, List<String> cells) {
    String cell(int i) {
      return i < cells.size() ? cells.get(i).trim() : "";
    }
  }

  record Table(List<String> header, List<Line> lines) {}

  static {
    ZipSecureFile.setMinInflateRatio(0.01);
    ZipSecureFile.setMaxEntrySize(512L * 1024 * 1024);
    ZipSecureFile.setMaxFileCount(1000);
  }

  static Table read(byte[] bytes) {
    if (bytes.length == 0) {
      throw new InvalidInputException("file", "error.import.empty");
    }
    Table t;
    if (FileTypes.isZip(bytes)) {
      t = xlsx(bytes);
    } else if (FileTypes.looksBinary(bytes)) {
      throw new InvalidInputException("file", "error.import.type");
    } else {
      t = csv(bytes);
    }
    if (t.header().isEmpty()) {
      throw new InvalidInputException("file", "error.import.empty");
    }
    return t;
  }

  private static Table csv(byte[] bytes) {
    int skip =
        bytes.length >= 3
                && (bytes[0] & 0xff) == 0xEF
                && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF
            ? 3
            : 0;
    Reader reader =
        new InputStreamReader(
            new ByteArrayInputStream(bytes, skip, bytes.length - skip),
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    List<String> header = List.of();
    List<Line> lines = new ArrayList<>();
    CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
    try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
      for (CSVRecord r : parser) {
        List<String> cells = r.toList();
        if (header.isEmpty()) {
          header = cells;
        } else {
          lines.add(new Line(r.getRecordNumber(), cells));
        }
      }
    } catch (java.io.UncheckedIOException e) {
      throw encoding(e.getCause());
    } catch (IOException e) {
      throw encoding(e);
    }
    return new Table(header, lines);
  }

  private static RuntimeException encoding(IOException e) {
    if (e instanceof CharacterCodingException) {
      return new InvalidInputException("file", "error.import.encoding");
    }
    return new InvalidInputException("file", "error.import.type");
  }

  private static Table xlsx(byte[] bytes) {
    DataFormatter formatter = new DataFormatter();
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      if (book.getNumberOfSheets() == 0) {
        throw new InvalidInputException("file", "error.import.empty");
      }
      Sheet sheet = book.getSheetAt(0);
      List<String> header = List.of();
      List<Line> lines = new ArrayList<>();
      for (Row row : sheet) {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
          Cell cell = row.getCell(c);
          cells.add(cell == null ? "" : text(cell, formatter));
        }
        if (cells.stream().allMatch(String::isBlank)) {
          continue;
        }
        if (header.isEmpty()) {
          header = cells;
        } else {
          lines.add(new Line(row.getRowNum() + 1L, cells));
        }
      }
      return new Table(header, lines);
    } catch (InvalidInputException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      // a damaged file, a zip bomb, a zip that is no spreadsheet: refused, never a 500
      throw new InvalidInputException("file", "error.import.xlsx");
    }
  }

  /** Dates as ISO text; everything else as Excel shows it. */
  private static String text(Cell cell, DataFormatter formatter) {
    if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
      return cell.getLocalDateTimeCellValue().toLocalDate().toString();
    }
    return formatter.formatCellValue(cell);
  }
}
