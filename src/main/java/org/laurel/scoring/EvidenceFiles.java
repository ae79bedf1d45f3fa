package org.laurel.scoring;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.laurel.access.Access;
import org.laurel.audit.AuditLog;
import org.laurel.scoring.PactDefinition.Criterion;
import org.laurel.scoring.PactDefinition.Method;
import org.laurel.scoring.PactDefinition.Round;
import org.laurel.scoring.ScoringRepository.EvidenceRow;
import org.laurel.shared.FileKinds;
import org.laurel.shared.FileVault;
import org.laurel.shared.ForbiddenException;
import org.laurel.shared.InvalidInputException;
import org.laurel.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Evidence files of manual scores (PDF, images, office documents): uploaded to a draft sheet by
 * those who may write it, frozen with the sheet once submitted (upload and delete answer 409 until
 * the secretariat reopens it). Stored under {@code laurel.scoring.evidence-dir} with a random key;
 * the uploaded name is kept for display; the type is told by the content, never by the client.
 *
 * <p>Who downloads a file: whoever may read the sheet ({@link Assessments#mayRead}); and, once a
 * published version's explanation shows the score it supports (the file was there when the version
 * was published), anyone who reads explanations, that is anyone signed in.
 */
@Service
class EvidenceFiles {

  /** A file as uploaded: the name the client gave and its content. */
  record Upload(String name, byte[] content) {}

  /** A stored file to download. */
  record FileContent(String fileName, String mediaType, byte[] content) {}

  private final ScoringRepository repo;
  private final Pacts pacts;
  private final Assessments assessments;
  private final AuditLog audit;
  private final Clock clock;
  private final FileVault vault;
  private final long maxBytes;
  private final int maxFiles;

  EvidenceFiles(
      ScoringRepository repo,
      Pacts pacts,
      Assessments assessments,
      AuditLog audit,
      Clock clock,
      @Value("${laurel.scoring.evidence-dir:./data/evidence}") String dir,
      @Value("${laurel.scoring.evidence-max-bytes:10485760}") long maxBytes,
      @Value("${laurel.scoring.evidence-max-files:10}") int maxFiles) {
    this.repo = repo;
    this.pacts = pacts;
    this.assessments = assessments;
    this.audit = audit;
    this.clock = clock;
    this.vault = new FileVault(dir);
    this.maxBytes = maxBytes;
    this.maxFiles = maxFiles;
  }

  /** Where the files are stored (tests look there). */
  java.nio.file.Path dir() {
    return vault.root();
  }

  long maxBytes() {
    return maxBytes;
  }

  int maxFiles() {
    return maxFiles;
  }

  /**
   * Attaches the files to the criterion of a draft sheet, all or none: each must be non-empty, at
   * most {@code maxBytes}, of an accepted kind by its content, and the criterion may hold at most
   * {@code maxFiles}.
   */
  @Transactional
  public List<SheetView.Attachment> upload(
      long pactId,
      Round round,
      String assessor,
      String assessed,
      String criterion,
      List<Upload> files) {
    PactView pact = pacts.get(pactId);
    SheetView sheet = assessments.draftToChange(pact, round, assessor, assessed);
    Criterion c =
        pact.definition().criteria().stream()
            .filter(x -> x.code().equals(criterion) && x.method() == Method.MANUAL)
            .findFirst()
            .orElseThrow(
                () -> new InvalidInputException("criterion", "error.sheet.notManual", criterion));
    if (files.isEmpty()) {
      throw new InvalidInputException("file", "error.evidence.missing");
    }
    int already = repo.evidenceCount(sheet.id(), c.code());
    if (already + files.size() > maxFiles) {
      throw new InvalidInputException(
          "file", "error.evidence.tooMany", c.code(), maxFiles, already);
    }
    List<FileKinds.Kind> kinds = new ArrayList<>();
    for (Upload f : files) {
      String name = FileKinds.displayName(f.name(), "file");
      if (f.content().length == 0) {
        throw new InvalidInputException("file", "error.evidence.empty", name);
      }
      checkSize(name, f.content().length);
      kinds.add(
          FileKinds.detect(f.content())
              .orElseThrow(() -> new InvalidInputException("file", "error.evidence.type", name)));
    }
    String by = Access.current().username();
    Instant at = clock.instant();
    List<SheetView.Attachment> out = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      Upload f = files.get(i);
      FileKinds.Kind kind = kinds.get(i);
      String name = FileKinds.displayName(f.name(), "evidence." + kind.extension());
      String key = vault.put(pactId + "/" + sheet.id(), f.content());
      long id =
          repo.insertEvidence(
              sheet.id(),
              c.code(),
              name,
              kind.mediaType(),
              f.content().length,
              FileVault.sha256(f.content()),
              key,
              by,
              at);
      SheetView.Attachment a = repo.evidence(id).orElseThrow().view();
      audit.record("sheet.evidenceUploaded", "sheet", Long.toString(sheet.id()), null, a);
      out.add(a);
    }
    return out;
  }

  /** 400 when a file is larger than allowed; callers check it before reading a large upload. */
  void checkSize(String name, long size) {
    if (size > maxBytes) {
      throw new InvalidInputException(
          "file",
          "error.evidence.tooLarge",
          FileKinds.displayName(name, "file"),
          megabytes(size),
          megabytes(maxBytes));
    }
  }

  /** Deletes an evidence file of a draft sheet (those who may write the sheet); returns it. */
  @Transactional
  public SheetView.Attachment delete(long pactId, long evidenceId) {
    EvidenceRow e = existing(pactId, evidenceId);
    PactView pact = pacts.get(pactId);
    SheetView sheet = assessments.draftToChange(pact, e.round(), e.assessor(), e.assessed());
    repo.deleteEvidence(e.id());
    vault.remove(e.storageKey());
    audit.record("sheet.evidenceDeleted", "sheet", Long.toString(sheet.id()), e.view(), null);
    return e.view();
  }

  /** The sheet page the file belongs to (for the pages' redirects); 404 if unknown. */
  @Transactional(readOnly = true)
  String sheetPath(long pactId, long evidenceId) {
    EvidenceRow e = existing(pactId, evidenceId);
    return AssessmentPages.path(pactId, e.round(), e.assessor(), e.assessed());
  }

  /** A file to those who may read it (see the class comment); 403 to others, 404 if unknown. */
  @Transactional(readOnly = true)
  public FileContent file(long pactId, long evidenceId) {
    EvidenceRow e = existing(pactId, evidenceId);
    if (!assessments.mayRead(e.round(), e.assessor()) && !published(e)) {
      throw new ForbiddenException("error.evidence.notYours", e.fileName());
    }
    return new FileContent(e.fileName(), e.mediaType(), vault.get(e.storageKey()));
  }

  /**
   * The evidence files shown in a published version's explanation of the unit, by {@link #key}:
   * those on the scores' sheets that were there when the version was published.
   */
  @Transactional(readOnly = true)
  Map<String, List<SheetView.Attachment>> ofExplanation(long pactId, int version, String unit) {
    Instant at =
        repo.publishedAt(pactId, version)
            .orElseThrow(
                () -> new NotFoundException("error.result.notFound", pactId, version, unit));
    Map<String, List<SheetView.Attachment>> out = new LinkedHashMap<>();
    for (EvidenceRow e : repo.evidenceAbout(pactId, unit, at)) {
      out.computeIfAbsent(key(e.round(), e.assessor(), e.criterion()), k -> new ArrayList<>())
          .add(e.view());
    }
    return out;
  }

  static String key(Round round, String assessor, String criterion) {
    return round.name() + "/" + assessor + "/" + criterion;
  }

  /** Whether a published explanation shows the score the file supports, published after it. */
  private boolean published(EvidenceRow e) {
    Map<Integer, Boolean> seen = new HashMap<>();
    for (Map.Entry<Integer, Instant> v : repo.versions(e.pactId())) {
      if (v.getValue().isBefore(e.uploadedAt())) {
        return false; // versions are published in order: the older ones predate the file
      }
      boolean shown =
          seen.computeIfAbsent(
              v.getKey(),
              n ->
                  repo.explanation(e.pactId(), n, e.assessed())
                      .map(x -> shows(x, e))
                      .orElse(false));
      if (shown) {
        return true;
      }
    }
    return false;
  }

  /** Whether the stored explanation lists the assessor's score (or abstention) in the round. */
  private static boolean shows(JsonNode explanation, EvidenceRow e) {
    for (JsonNode line : explanation.path("criteria")) {
      if (!e.criterion().equals(line.path("criterion").asString(""))) {
        continue;
      }
      for (JsonNode r : line.path("rounds")) {
        if (!e.round().name().equals(r.path("round").asString(""))) {
          continue;
        }
        for (JsonNode s : r.path("scores")) {
          if (e.assessor().equals(s.path("assessor").asString(""))) {
            return true;
          }
        }
        for (JsonNode a : r.path("abstained")) {
          if (e.assessor().equals(a.asString(""))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private EvidenceRow existing(long pactId, long evidenceId) {
    return repo.evidence(evidenceId)
        .filter(e -> e.pactId() == pactId)
        .orElseThrow(() -> new NotFoundException("error.evidence.notFound", evidenceId));
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
  }
}
