package org.laurel.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What moved between two published versions of a pact's results: per unit its rank and total in
 * each, and the change ({@code rankChange} positive when the unit went up). A unit in only one of
 * them has nulls on the other side.
 */
public record Moves(long pact, int from, int to, List<Move> units) {

  public record Move(
      String unit,
      String name,
      @Nullable Integer fromRank,
      @Nullable Integer toRank,
      @Nullable Integer rankChange,
      @Nullable BigDecimal fromTotal,
      @Nullable BigDecimal toTotal,
      @Nullable BigDecimal totalChange) {

    public boolean moved() {
      return rankChange == null || rankChange != 0 || totalChange.signum() != 0;
    }
  }

  /** In the order of the later version, then the units that left it. */
  static Moves between(
      long pact, int from, int to, List<Ranking.Row> before, List<Ranking.Row> after) {
    Map<String, Ranking.Row> old = new HashMap<>();
    before.forEach(r -> old.put(r.unit(), r));
    List<Move> out = new ArrayList<>();
    for (Ranking.Row r : after) {
      Ranking.Row o = old.remove(r.unit());
      out.add(
          o == null
              ? new Move(r.unit(), r.name(), null, r.rank(), null, null, r.total(), null)
              : new Move(
                  r.unit(),
                  r.name(),
                  o.rank(),
                  r.rank(),
                  o.rank() - r.rank(),
                  o.total(),
                  r.total(),
                  r.total().subtract(o.total())));
    }
    for (Ranking.Row o : before) {
      if (old.containsKey(o.unit())) {
        out.add(new Move(o.unit(), o.name(), o.rank(), null, null, o.total(), null, null));
      }
    }
    return new Moves(pact, from, to, out);
  }
}
