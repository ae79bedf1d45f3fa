package org.laurel.movement;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.laurel.shared.InvalidInputException;

/**
 * A small table from an uploaded CSV (UTF-8, with or without BOM) or XLSX file, read whole: the
 * registry's files have hundreds of rows, not millions (the indicator import streams those). Row 1
 * is the header; blank rows are skipped; XLSX dates come out as ISO dates.
 */
final class TableFile {
  private TableFile() {}

  static final int MAX_BYTES = 5 * 1024 * 1024;
  static final int MAX_ROWS = 5000;

  record Line(long number, List<String> cells) {}

  /** An upload's bytes, refused before it is read when it is too large. */
  static byte[] bytes(org.springframework.web.multipart.MultipartFile file) throws IOException {
    if (file.getSize() > MAX_BYTES) {
      throw new InvalidInputException(
          "file", "error.import.tooLargeBytes", file.getSize(), MAX_BYTES);
    }
    return file.getBytes();
  }

  static List<Line> read(byte[] bytes) {
    if (bytes.length == 0) {
      throw new InvalidInputException("file", "error.import.empty");
    }
    if (bytes.length > MAX_BYTES) {
      throw new InvalidInputException(
          "file", "error.import.tooLargeBytes", bytes.length, MAX_BYTES);
    }
    List<Line> lines =
        bytes.length > 3 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4
            ? xlsx(bytes)
            : csv(bytes);
    if (lines.isEmpty()) {
      throw new InvalidInputException("file", "error.import.empty");
    }
    if (lines.size() > MAX_ROWS + 1) {
      throw new InvalidInputException("file", "error.initiative.tooManyRows", MAX_ROWS);
    }
    return lines;
  }

  private static List<Line> csv(byte[] bytes) {
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
    CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
    List<Line> out = new ArrayList<>();
    try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
      for (CSVRecord r : parser) {
        List<String> cells = new ArrayList<>(r.size());
        r.forEach(cells::add);
        if (cells.stream().allMatch(String::isBlank)) {
          continue;
        }
        out.add(new Line(r.getRecordNumber(), cells));
        if (out.size() > MAX_ROWS + 1) {
          break;
        }
      }
    } catch (CharacterCodingException e) {
      throw new InvalidInputException("file", "error.import.encoding");
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof CharacterCodingException) {
        throw new InvalidInputException("file", "error.import.encoding");
      }
      throw new InvalidInputException("file", "error.import.type");
    } catch (IOException | RuntimeException e) {
      throw new InvalidInputException("file", "error.import.type");
    }
    return out;
  }

  private static List<Line> xlsx(byte[] bytes) {
    DataFormatter text = new DataFormatter();
    List<Line> out = new ArrayList<>();
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      if (book.getNumberOfSheets() == 0) {
        return out;
      }
      Sheet sheet = book.getSheetAt(0);
      for (Row row : sheet) {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
          Cell cell = row.getCell(c);
          if (cell == null) {
            cells.add("");
          } else if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            cells.add(
                cell.getDateCellValue()
                    .toInstant()
                    .atZone(ZoneOffset.systemDefault())
                    .toLocalDate()
                    .toString());
          } else {
            cells.add(text.formatCellValue(cell));
          }
        }
        if (cells.stream().allMatch(String::isBlank)) {
          continue;
        }
        out.add(new Line(row.getRowNum() + 1L, cells));
        if (out.size() > MAX_ROWS + 1) {
          break;
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new InvalidInputException("file", "error.import.xlsx");
    }
    return out;
  }
}
