package org.laurel.scoring;

import java.math.BigDecimal;
import java.util.List;

/** A bloc's published ranking, as in DESIGN.md §5. */
public record Ranking(int year, int version, List<Row> rows) {

  public record Row(String unit, String name, BigDecimal total, int rank, String classification) {}
}
