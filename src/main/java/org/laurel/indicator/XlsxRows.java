package org.laurel.indicator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.laurel.shared.InvalidInputException;
import org.laurel.shared.LaurelException;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Streams the first sheet of an XLSX file with POI's event API: memory stays bounded whatever the
 * number of rows. Zip bombs are refused by POI's limits, set tighter than its defaults.
 */
final class XlsxRows {
  private XlsxRows() {}

  static {
    ZipSecureFile.setMinInflateRatio(0.01);
    ZipSecureFile.setMaxEntrySize(512L * 1024 * 1024);
    ZipSecureFile.setMaxFileCount(1000);
  }

  static void read(Path file, Imports.Sink sink) {
    try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
      XSSFReader reader = new XSSFReader(pkg);
      ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
      XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
      if (!sheets.hasNext()) {
        throw new InvalidInputException("file", "error.import.empty");
      }
      try (InputStream sheet = sheets.next()) {
        XMLReader xml = XMLHelper.newXMLReader();
        xml.setContentHandler(
            new XSSFSheetXMLHandler(
                reader.getStylesTable(),
                null,
                strings,
                new Rows(sink),
                new DataFormatter(),
                false));
        xml.parse(new InputSource(sheet));
      }
      if (sink.rows == 0 && sink.problems.isEmpty()) {
        throw new InvalidInputException("file", "error.import.empty");
      }
    } catch (LaurelException e) {
      throw e;
    } catch (RuntimeException
        | IOException
        | OpenXML4JException
        | SAXException
        | ParserConfigurationException e) {
      Throwable root = e;
      while (root.getCause() != null && !(root instanceof LaurelException)) {
        root = root.getCause();
      }
      if (root instanceof LaurelException le) {
        throw le;
      }
      // a zip bomb, a damaged file or not a spreadsheet at all: never a 500
      throw new InvalidInputException("file", "error.import.xlsx");
    }
  }

  /** Collects each row's cells by column (A–D) and hands the row on. */
  private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
    private final Imports.Sink sink;
    private final List<String> cells = new ArrayList<>();
    private boolean header = true;

    Rows(Imports.Sink sink) {
      this.sink = sink;
    }

    @Override
    public void startRow(int rowNum) {
      cells.clear();
    }

    @Override
    public void endRow(int rowNum) {
      while (!cells.isEmpty() && cells.get(cells.size() - 1).isBlank()) {
        cells.remove(cells.size() - 1);
      }
      if (cells.isEmpty()) {
        return;
      }
      if (header) {
        header = false;
        sink.header(List.copyOf(cells));
      } else {
        sink.row(rowNum + 1L, List.copyOf(cells));
      }
    }

    @Override
    public void cell(String ref, String value, XSSFComment comment) {
      int col = 0;
      for (char c : ref.toCharArray()) {
        if (Character.isLetter(c)) {
          col = col * 26 + (c - 'A' + 1);
        } else {
          break;
        }
      }
      while (cells.size() < col - 1) {
        cells.add("");
      }
      cells.add(value == null ? "" : value);
    }
  }
}
