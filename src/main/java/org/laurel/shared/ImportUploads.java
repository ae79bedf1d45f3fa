package org.laurel.shared;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.multipart.MultipartFile;

/**
 * The page side of a table-file import: refuses an empty upload, runs the import and, when it is
 * refused, answers 400 with the form page showing the translated reason and the bad rows.
 */
public final class ImportUploads {

  /** One bad row as shown on the import page; {@code message} is already translated. */
  public record Problem(long row, String column, @Nullable String value, String message) {}

  /** Runs the import of a non-empty upload and returns the view to go to on success. */
  @FunctionalInterface
  public interface Upload {
    String run(MultipartFile file, String fileName) throws IOException;
  }

  private ImportUploads() {}

  /**
   * Runs {@code upload}; on a refused import sets status 400, puts {@code rejected} and {@code
   * problems} into the model and returns {@code formView}.
   */
  public static String handle(
      @Nullable MultipartFile file,
      Model model,
      HttpServletResponse res,
      MessageSource messages,
      Locale locale,
      String formView,
      Upload upload)
      throws IOException {
    try {
      if (file == null || file.isEmpty()) {
        throw new InvalidInputException("file", "error.import.empty");
      }
      String name = file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
      return upload.run(file, name);
    } catch (RejectedRowsException e) {
      res.setStatus(400);
      model.addAttribute("rejected", messages.getMessage(e.messageKey(), e.args(), locale));
      model.addAttribute(
          "problems",
          e.problems().stream()
              .map(
                  p ->
                      new Problem(
                          p.row(),
                          p.column(),
                          p.value(),
                          messages.getMessage(p.messageKey(), p.args(), p.messageKey(), locale)))
              .toList());
    } catch (InvalidInputException e) {
      res.setStatus(400);
      model.addAttribute("rejected", messages.getMessage(e.messageKey(), e.args(), locale));
      model.addAttribute("problems", List.of());
    }
    return formView;
  }
}
