package org.laurel.indicator;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.laurel.shared.InvalidInputException;
import org.laurel.shared.NotFoundException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Indicators and reports")
class IndicatorApi {

  record Deadline(@NotNull LocalDate dueDate) {}

  private final IndicatorRepository catalogue;
  private final Summaries summaries;
  private final Reports reports;
  private final Imports imports;

  IndicatorApi(
      IndicatorRepository catalogue, Summaries summaries, Reports reports, Imports imports) {
    this.catalogue = catalogue;
    this.summaries = summaries;
    this.reports = reports;
    this.imports = imports;
  }

  @GetMapping("/indicators")
  @Operation(summary = "The indicator catalogue")
  List<Indicator> indicators() {
    return catalogue.all();
  }

  @GetMapping("/indicators/{code}")
  Indicator indicator(@PathVariable String code) {
    return catalogue
        .byCode(code)
        .orElseThrow(() -> new NotFoundException("error.indicator.unknown", code));
  }

  @GetMapping("/blocs/{id}/summary")
  @Operation(
      summary =
          "Per indicator: bloc total, estimate, percent of estimate, same period last year, growth;"
              + " and the same per member unit. Accepted values only.")
  BlocSummary summary(@PathVariable long id, @RequestParam String period) {
    return summaries.bloc(id, Reports.period(period), locale());
  }

  @PutMapping("/blocs/{id}/deadlines/{period}")
  @Operation(summary = "Set when a period's reports are due for the bloc's members")
  void deadline(
      @PathVariable long id, @PathVariable String period, @Valid @RequestBody Deadline d) {
    reports.setDeadline(id, period, d.dueDate());
  }

  @GetMapping("/reports/{unit}/{period}")
  ReportView report(@PathVariable String unit, @PathVariable String period) {
    return reports.get(unit, period, locale());
  }

  @GetMapping("/reports/{unit}/{period}/check")
  @Operation(summary = "Run the validation rules on the saved values")
  List<ValidationIssue> check(@PathVariable String unit, @PathVariable String period) {
    return reports.check(unit, period);
  }

  @PutMapping("/reports/{unit}/{period}")
  @Operation(summary = "Save the values as a draft")
  ReportView save(
      @PathVariable String unit, @PathVariable String period, @Valid @RequestBody Reports.Entry e) {
    return reports.save(unit, period, e, locale());
  }

  @PostMapping("/reports/{unit}/{period}/submit")
  ReportView submit(
      @PathVariable String unit,
      @PathVariable String period,
      @Valid @RequestBody Reports.Decision d) {
    return reports.submit(unit, period, d, locale());
  }

  @PostMapping("/reports/{unit}/{period}/accept")
  ReportView accept(
      @PathVariable String unit,
      @PathVariable String period,
      @Valid @RequestBody Reports.Decision d) {
    return reports.accept(unit, period, d, locale());
  }

  @PostMapping("/reports/{unit}/{period}/return")
  ReportView returnReport(
      @PathVariable String unit,
      @PathVariable String period,
      @Valid @RequestBody Reports.Decision d) {
    return reports.returnForCorrection(unit, period, d, locale());
  }

  @PostMapping("/reports/{unit}/{period}/reopen")
  ReportView reopen(
      @PathVariable String unit,
      @PathVariable String period,
      @Valid @RequestBody Reports.Reopen r) {
    return reports.reopen(unit, period, r, locale());
  }

  @PostMapping(value = "/imports/indicator-values", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(
      summary =
          "Import CSV or XLSX with the columns unit,indicator,period,value (kind=estimate for"
              + " estimates, with the year as period). All or nothing.")
  ImportResult importValues(
      @RequestPart("file") MultipartFile file, @RequestParam(defaultValue = "value") String kind)
      throws IOException {
    Imports.Kind k =
        switch (kind) {
          case "value", "values" -> Imports.Kind.VALUES;
          case "estimate", "estimates" -> Imports.Kind.ESTIMATES;
          default -> throw new InvalidInputException("kind", "error.import.kind", kind);
        };
    Path tmp = Files.createTempFile("laurel-import", ".bin");
    try {
      try (InputStream in = file.getInputStream()) {
        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
      }
      String name = file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
      return imports.importFile(tmp, name, k, Imports.Progress.NONE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static Locale locale() {
    return LocaleContextHolder.getLocale();
  }
}
