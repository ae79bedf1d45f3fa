package org.laurel.movement;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.laurel.movement.Initiatives.Filter;
import org.laurel.movement.Initiatives.InitiativeForm;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
@Tag(name = "Initiatives")
class InitiativeApi {

  private final Initiatives initiatives;
  private final InitiativeImports imports;

  InitiativeApi(Initiatives initiatives, InitiativeImports imports) {
    this.initiatives = initiatives;
    this.imports = imports;
  }

  @GetMapping("/initiatives")
  @Operation(summary = "Initiatives, newest decision first; filter by unit code, text, year")
  List<InitiativeView> list(
      @RequestParam(required = false) @Nullable String unit,
      @RequestParam(required = false) @Nullable String q,
      @RequestParam(required = false) @Nullable Integer year) {
    return initiatives.list(new Filter(unit, q, year));
  }

  @GetMapping("/initiatives/{id}")
  InitiativeView get(@PathVariable long id) {
    return initiatives.get(id);
  }

  @PostMapping("/initiatives")
  @Operation(summary = "Record an initiative of a unit (its reporter, or the secretariat)")
  ResponseEntity<InitiativeView> create(@Valid @RequestBody InitiativeForm form) {
    InitiativeView v = initiatives.create(form);
    return ResponseEntity.created(URI.create("/api/v1/initiatives/" + v.id())).body(v);
  }

  @PutMapping("/initiatives/{id}")
  InitiativeView update(@PathVariable long id, @Valid @RequestBody InitiativeForm form) {
    return initiatives.update(id, form);
  }

  @GetMapping("/people/{id}/initiatives")
  @Operation(summary = "A person's initiatives recognised between two dates (inclusive)")
  List<RecognisedInitiative> recognised(
      @PathVariable long id,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    return initiatives.recognisedFor(id, from, to);
  }

  @PostMapping(value = "/imports/initiatives", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(
      summary =
          "Import CSV or XLSX with the columns unit,title,authors,field,decision_number,"
              + "decision_date,level,scope,description. All or nothing.")
  InitiativeImports.Result importFile(@RequestPart("file") MultipartFile file) throws IOException {
    String name = file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
    return imports.importFile(TableFile.bytes(file), name);
  }
}
