package org.laurel.shared;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An import refused as a whole because of bad rows; nothing was written. Each problem names the row
 * (1 = the header), the column and what is wrong: answered 400 with the list.
 */
public class RejectedRowsException extends LaurelException {

  /** One bad row; {@code messageKey} is translated when shown. */
  public record RowProblem(
      long row, String column, @Nullable String value, String messageKey, Object[] args) {}

  private final List<RowProblem> problems;
  private final long badRows;

  public RejectedRowsException(List<RowProblem> problems, long badRows) {
    super("error.import.rejected", badRows);
    this.problems = List.copyOf(problems);
    this.badRows = badRows;
  }

  public List<RowProblem> problems() {
    return problems;
  }

  public long badRows() {
    return badRows;
  }
}
