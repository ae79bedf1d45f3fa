package org.laurel.scoring;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Sends a unit's explanation as a file, for the API and the web UI alike. */
@Component
class ExplanationDownloads {

  private final Results results;
  private final MessageSource messages;
  private final EvidenceFiles evidence;

  ExplanationDownloads(Results results, MessageSource messages, EvidenceFiles evidence) {
    this.results = results;
    this.messages = messages;
    this.evidence = evidence;
  }

  void write(
      long pactId,
      int version,
      String unit,
      ExplanationExport.Format format,
      HttpServletResponse res)
      throws IOException {
    Locale locale = LocaleContextHolder.getLocale();
    var rows =
        ExplanationExport.labelled(
            results.exportRows(
                pactId, version, unit, () -> evidence.ofExplanation(pactId, version, unit)),
            p -> label(p, locale));
    List<String> header =
        ExplanationExport.COLUMNS.stream()
            .map(k -> messages.getMessage(k, null, k, locale))
            .toList();
    String name =
        "explanation-%d-v%d-%s.%s"
            .formatted(
                pactId,
                version,
                unit.replaceAll("[^A-Za-z0-9._-]", "_"),
                format.name().toLowerCase(Locale.ROOT));
    res.setContentType(format.contentType);
    res.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
    ExplanationExport.write(format, header, rows, res.getOutputStream());
  }

  /** A row's part in the reader's language, e.g. "Score: Cross-assessment". */
  String label(ExplanationExport.Part p, Locale locale) {
    String key = "scoring.export.part." + p.key();
    Object[] args =
        p.round() == null
            ? null
            : new Object[] {
              messages.getMessage(
                  "scoring.round." + p.round().name(), null, p.round().name(), locale)
            };
    return messages.getMessage(key, args, key, locale);
  }
}
