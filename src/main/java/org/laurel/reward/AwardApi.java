package org.laurel.reward;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.laurel.shared.InvalidInputException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Rewards: catalogue and history")
class AwardApi {

  private final AwardCatalogue catalogue;
  private final AwardHistory history;
  private final AwardImports imports;

  AwardApi(AwardCatalogue catalogue, AwardHistory history, AwardImports imports) {
    this.catalogue = catalogue;
    this.history = history;
    this.imports = imports;
  }

  @GetMapping("/award-types")
  @Operation(
      summary = "The award catalogue: titles and forms of reward, with level and coefficient")
  List<AwardType> types() {
    return catalogue.types();
  }

  @GetMapping("/award-types/{code}/cash")
  @Operation(summary = "Cash for an award decided on a date: coefficient × base salary in force")
  AwardCatalogue.Cash cash(
      @PathVariable String code,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate decisionDate) {
    return catalogue.cash(code, decisionDate);
  }

  @GetMapping("/base-salaries")
  List<AwardCatalogue.BaseSalary> baseSalaries() {
    return catalogue.baseSalaries();
  }

  @GetMapping("/awards")
  @Operation(
      summary =
          "Award history of a person (person=id) or of a collective (unit=code, including the"
              + " units it came from through reorganisations)")
  List<AwardRecord> awards(
      @RequestParam(required = false) @Nullable Long person,
      @RequestParam(required = false) @Nullable String unit,
      @RequestParam(defaultValue = "false") boolean households) {
    if (person != null) {
      return history.ofPerson(person);
    }
    if (unit != null && !unit.isBlank()) {
      return history.ofUnit(unit, households);
    }
    throw new InvalidInputException("person", "error.award.historyWho");
  }

  @GetMapping("/awards/{id}")
  AwardRecord award(@PathVariable long id) {
    return history.get(id);
  }

  @PostMapping("/awards")
  @Operation(summary = "Enter an award granted by a decision (secretariat)")
  ResponseEntity<AwardRecord> grant(@Valid @RequestBody AwardHistory.NewAward cmd) {
    AwardRecord a = history.grant(cmd);
    return ResponseEntity.created(URI.create("/api/v1/awards/" + a.id())).body(a);
  }

  @PostMapping(value = "/imports/awards", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(
      summary =
          "Import past awards from CSV or XLSX: recipient,unit,person,household,award,year,"
              + "decision_number,decision_date[,achievement]. All or nothing.")
  AwardImports.Result importAwards(@RequestPart("file") MultipartFile file) throws IOException {
    String name = file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
    return imports.importFile(file.getBytes(), name);
  }
}
