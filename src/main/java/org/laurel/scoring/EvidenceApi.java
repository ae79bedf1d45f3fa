package org.laurel.scoring;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.laurel.scoring.PactDefinition.Round;
import org.laurel.shared.Downloads;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Evidence files of manual scores: upload to a draft sheet, download, delete. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Pacts, assessments and results")
class EvidenceApi {

  private final EvidenceFiles evidence;

  EvidenceApi(EvidenceFiles evidence) {
    this.evidence = evidence;
  }

  @PostMapping(
      value = "/pacts/{id}/sheets/{round}/{assessor}/{assessed}/criteria/{criterion}/evidence",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(
      summary =
          "Attach evidence files to a manual criterion of a draft sheet (those who may write the"
              + " sheet): one or more multipart parts named file; PDF, PNG, JPEG, GIF, WebP, DOCX,"
              + " XLSX, PPTX, ODT, ODS, ODP told by the content; at most 10 MB each and 10 per"
              + " criterion; all or none. 409 once the sheet is submitted, 404 before its first"
              + " save. The sheet's JSON lists them under attachments")
  ResponseEntity<List<SheetView.Attachment>> upload(
      @PathVariable long id,
      @PathVariable Round round,
      @PathVariable String assessor,
      @PathVariable String assessed,
      @PathVariable String criterion,
      @Parameter(description = "the files") @RequestPart("file") List<MultipartFile> file)
      throws IOException {
    List<SheetView.Attachment> out =
        evidence.upload(id, round, assessor, assessed, criterion, uploads(evidence, file));
    return ResponseEntity.created(URI.create(out.get(0).href())).body(out);
  }

  @GetMapping("/pacts/{id}/evidence/{evidenceId}")
  @Operation(
      summary =
          "Download an evidence file, to whoever may read its sheet and, once a published"
              + " explanation shows its score, to whoever reads explanations; 403 otherwise")
  ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long evidenceId) {
    return download(evidence.file(id, evidenceId));
  }

  @DeleteMapping("/pacts/{id}/evidence/{evidenceId}")
  @Operation(
      summary =
          "Delete an evidence file of a draft sheet (those who may write the sheet); 409 once"
              + " submitted")
  ResponseEntity<Void> delete(@PathVariable long id, @PathVariable long evidenceId) {
    evidence.delete(id, evidenceId);
    return ResponseEntity.noContent().build();
  }

  /** The file as a download that the browser never runs or sniffs (API and pages). */
  static ResponseEntity<byte[]> download(EvidenceFiles.FileContent f) {
    return Downloads.attachment(f.content(), MediaType.parseMediaType(f.mediaType()), f.fileName());
  }

  /** The parts with a name and content; a part without a file counts as an empty file. */
  static List<EvidenceFiles.Upload> uploads(EvidenceFiles evidence, List<MultipartFile> files)
      throws IOException {
    List<EvidenceFiles.Upload> out = new ArrayList<>();
    for (MultipartFile f : files) {
      String name = f.getOriginalFilename() == null ? "" : f.getOriginalFilename();
      // refused before a large file is read into memory
      evidence.checkSize(name, f.getSize());
      out.add(new EvidenceFiles.Upload(name, f.getBytes()));
    }
    return out;
  }
}
