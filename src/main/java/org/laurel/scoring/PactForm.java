package org.laurel.scoring;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.laurel.scoring.PactDefinition.Band;
import org.laurel.scoring.PactDefinition.Criterion;
import org.laurel.scoring.PactDefinition.Group;
import org.laurel.scoring.PactDefinition.Measure;
import org.laurel.scoring.PactDefinition.Method;
import org.laurel.scoring.PactDefinition.Rule;
import org.laurel.scoring.PactDefinition.Step;
import org.laurel.scoring.PactDefinition.Weights;
import org.laurel.scoring.ScoringCommands.PactChange;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The pact edit form: the definition field by field, with the same paths as {@link PactDefinition}
 * ({@code groups[0].criteria[1].maxPoints}), so that the service's refusals land beside their
 * field; plus the version read and the reason for a new version. Rows are added, removed and moved
 * by {@link #apply(String)} without saving.
 */
record PactForm(
    @NotNull Integer version,
    @Nullable @Size(max = 1000) String reason,
    @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate signedOn,
    @Nullable @Size(max = 2000) String signatories,
    @NotEmpty @Valid List<GroupRow> groups,
    @NotNull @Valid Weights weights,
    @NotEmpty @Valid List<BandRow> classification,
    @NotBlank @Size(max = 40) String otherwise,
    List<@NotBlank @Size(max = 40) String> tieBreak,
    Boolean trimmedMean,
    Boolean normalise) {

  record GroupRow(
      @NotBlank @Pattern(regexp = PactDefinition.CODE) String code,
      @NotBlank @Size(max = 200) String name,
      @NotNull @DecimalMin(value = "0", inclusive = false) BigDecimal maxPoints,
      @NotEmpty @Valid List<CriterionRow> criteria) {

    GroupRow {
      criteria = criteria == null ? List.of() : criteria;
    }
  }

  /** A criterion; the indicator fields and rule are kept only for {@link Method#INDICATOR}. */
  record CriterionRow(
      @NotBlank @Pattern(regexp = PactDefinition.CODE) String code,
      @NotBlank @Size(max = 300) String name,
      @NotNull @DecimalMin(value = "0", inclusive = false) BigDecimal maxPoints,
      @NotNull Method method,
      @Nullable String indicator,
      @Nullable Measure measure,
      @Nullable @Size(max = 10) String period,
      @Valid RuleRow rule) {

    CriterionRow {
      rule = rule == null ? RuleRow.EMPTY : rule;
    }

    /** {@code c} with another rule. */
    static CriterionRow of(CriterionRow c, RuleRow rule) {
      return new CriterionRow(
          c.code, c.name, c.maxPoints, c.method, c.indicator, c.measure, c.period, rule);
    }
  }

  /** Bands, or a linear rule, and the bonus; see {@link Rule}. */
  record RuleRow(
      @Valid List<Step> bands,
      @Nullable BigDecimal fullAt,
      @Nullable @DecimalMin("0") BigDecimal minusPerPercent,
      @Nullable BigDecimal bonusAbove,
      @Nullable @DecimalMin("0") BigDecimal bonusPoints) {

    static final RuleRow EMPTY = new RuleRow(List.of(), null, null, null, null);

    RuleRow {
      bands = bands == null ? List.of() : bands;
    }
  }

  record BandRow(@NotNull BigDecimal min, @NotBlank @Size(max = 40) String label) {}

  PactForm {
    groups = groups == null ? List.of() : groups;
    classification = classification == null ? List.of() : classification;
    tieBreak = tieBreak == null ? List.of() : tieBreak;
    trimmedMean = Boolean.TRUE.equals(trimmedMean);
    normalise = Boolean.TRUE.equals(normalise);
  }

  static PactForm of(PactView p) {
    PactDefinition d = p.definition();
    return new PactForm(
        p.version(),
        "",
        d.signedOn(),
        d.signatories(),
        d.groups().stream()
            .map(
                g ->
                    new GroupRow(
                        g.code(),
                        g.name(),
                        g.maxPoints(),
                        g.criteria().stream().map(PactForm::row).toList()))
            .toList(),
        d.weights(),
        d.classification().stream().map(b -> new BandRow(b.min(), b.label())).toList(),
        d.otherwise(),
        d.tieBreakChain(),
        d.trimmedMean(),
        d.normalise());
  }

  private static CriterionRow row(Criterion c) {
    Rule r = c.rule();
    return CriterionRow.of(
        new CriterionRow(
            c.code(),
            c.name(),
            c.maxPoints(),
            c.method(),
            c.indicator(),
            c.measure(),
            c.period(),
            null),
        r == null
            ? RuleRow.EMPTY
            : new RuleRow(
                r.bands(), r.fullAt(), r.minusPerPercent(), r.bonusAbove(), r.bonusPoints()));
  }

  /** The change the API would take for the same definition. */
  PactChange change() {
    return new PactChange(version, definition(), blank(reason));
  }

  PactDefinition definition() {
    List<Group> gs =
        groups.stream()
            .map(
                g ->
                    new Group(
                        trim(g.code()),
                        trim(g.name()),
                        g.maxPoints(),
                        g.criteria().stream().map(PactForm::criterion).toList()))
            .toList();
    List<String> chain = tieBreak.stream().map(PactForm::trim).toList();
    return new PactDefinition(
        signedOn,
        blank(signatories),
        gs,
        weights,
        classification.stream().map(b -> new Band(b.min(), trim(b.label()))).toList(),
        trim(otherwise),
        chain,
        trimmedMean,
        normalise);
  }

  private static Criterion criterion(CriterionRow c) {
    boolean linked = c.method() == Method.INDICATOR;
    RuleRow r = c.rule();
    return new Criterion(
        trim(c.code()),
        trim(c.name()),
        c.maxPoints(),
        c.method(),
        linked ? blank(c.indicator()) : null,
        linked ? c.measure() : null,
        linked ? blank(c.period()) : null,
        linked
            ? new Rule(
                r.bands().isEmpty() ? null : r.bands(),
                r.fullAt(),
                r.minusPerPercent(),
                r.bonusAbove(),
                r.bonusPoints())
            : null);
  }

  /**
   * A number as typed: {@code 12.5} or, with the decimal comma of vi and de, {@code 12,5}; null
   * when blank or not a number (then the page reports the field).
   */
  static @Nullable BigDecimal number(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.trim();
    if (t.indexOf('.') < 0) {
      t = t.replace(',', '.');
    }
    try {
      return new BigDecimal(t);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String trim(String s) {
    return s == null ? "" : s.trim();
  }

  private static @Nullable String blank(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  /**
   * The form after one row operation: {@code add:group}, {@code add:criterion:G}, {@code
   * add:step:G:C}, {@code add:band}, {@code add:tie}, and {@code remove|up|down} with {@code
   * group:G}, {@code criterion:G:C}, {@code step:G:C:S}, {@code band:B} or {@code tie:T}. An
   * unknown operation changes nothing; adding a tie-break step when every code is named already
   * too.
   */
  PactForm apply(String op) {
    String[] p = op.split(":");
    if (p.length < 2) {
      return this;
    }
    String verb = p[0];
    int[] at = new int[p.length - 2];
    try {
      for (int i = 2; i < p.length; i++) {
        at[i - 2] = Integer.parseInt(p[i]);
      }
    } catch (NumberFormatException e) {
      return this;
    }
    return switch (p[1]) {
      case "group" ->
          withGroups(edit(groups, verb, at, 0, PactForm::newGroup, Function.identity()));
      case "criterion" ->
          at.length < 1
              ? this
              : inGroup(
                  at,
                  g ->
                      withCriteria(
                          g,
                          edit(
                              g.criteria(),
                              verb,
                              at,
                              1,
                              PactForm::newCriterion,
                              Function.identity())));
      case "step" ->
          at.length < 2
              ? this
              : inGroup(
                  at,
                  g ->
                      withCriteria(
                          g,
                          edit(
                              g.criteria(),
                              "in",
                              at,
                              1,
                              null,
                              c ->
                                  withSteps(
                                      c,
                                      edit(
                                          c.rule().bands(),
                                          verb,
                                          at,
                                          2,
                                          () -> new Step(null, null),
                                          Function.identity())))));
      case "band" ->
          with(
              groups,
              edit(classification, verb, at, 0, () -> new BandRow(null, ""), Function.identity()),
              tieBreak);
      case "tie" ->
          withTieBreak(edit(tieBreak, verb, at, 0, this::unusedTieBreak, Function.identity()));
      default -> this;
    };
  }

  /**
   * One list after an operation on the element at {@code at[depth]}: {@code add} appends (the index
   * is not needed), {@code remove}, {@code up} and {@code down} act on it, {@code in} replaces it
   * by {@code inner} of it. An index out of range changes nothing.
   */
  private static <T> List<T> edit(
      List<T> list,
      String verb,
      int[] at,
      int depth,
      @Nullable Supplier<T> blank,
      Function<T, T> inner) {
    List<T> out = new ArrayList<>(list);
    if (verb.equals("add") && at.length == depth && blank != null) {
      out.add(blank.get());
      return out;
    }
    if (at.length <= depth || at[depth] < 0 || at[depth] >= list.size()) {
      return list;
    }
    int i = at[depth];
    switch (verb) {
      case "remove" -> out.remove(i);
      case "up", "down" -> {
        int j = verb.equals("up") ? i - 1 : i + 1;
        if (j >= 0 && j < list.size()) {
          Collections.swap(out, i, j);
        }
      }
      case "in" -> out.set(i, inner.apply(list.get(i)));
      default -> {
        return list;
      }
    }
    return out;
  }

  /**
   * What the tie-break chain may name, in the form's order: the council component, then each group
   * followed by its criteria (codes not yet typed are left out).
   */
  List<String> tieBreakCodes() {
    List<String> out = new ArrayList<>();
    out.add(PactDefinition.COUNCIL);
    for (GroupRow g : groups) {
      if (g.code() != null && !g.code().isBlank()) {
        out.add(g.code().trim());
      }
      for (CriterionRow c : g.criteria()) {
        if (c.code() != null && !c.code().isBlank()) {
          out.add(c.code().trim());
        }
      }
    }
    return out;
  }

  /** The first code the chain does not name yet, for a new step; null when all are named. */
  private @Nullable String unusedTieBreak() {
    return tieBreakCodes().stream().filter(c -> !tieBreak.contains(c)).findFirst().orElse(null);
  }

  private PactForm withTieBreak(List<String> chain) {
    return with(
        groups,
        classification,
        chain.stream().anyMatch(java.util.Objects::isNull) ? tieBreak : chain);
  }

  /** The form with the group at {@code at[0]} changed by {@code f}. */
  private PactForm inGroup(int[] at, Function<GroupRow, GroupRow> f) {
    return withGroups(edit(groups, "in", at, 0, null, f));
  }

  private PactForm withGroups(List<GroupRow> gs) {
    return with(gs, classification, tieBreak);
  }

  /** The form with other rows: the lists the row operations change. */
  private PactForm with(List<GroupRow> gs, List<BandRow> bands, List<String> chain) {
    return new PactForm(
        version,
        reason,
        signedOn,
        signatories,
        gs,
        weights,
        bands,
        otherwise,
        chain,
        trimmedMean,
        normalise);
  }

  private static GroupRow withCriteria(GroupRow g, List<CriterionRow> cs) {
    return new GroupRow(g.code(), g.name(), g.maxPoints(), cs);
  }

  private static CriterionRow withSteps(CriterionRow c, List<Step> steps) {
    RuleRow r = c.rule();
    return CriterionRow.of(
        c, new RuleRow(steps, r.fullAt(), r.minusPerPercent(), r.bonusAbove(), r.bonusPoints()));
  }

  private static GroupRow newGroup() {
    return new GroupRow("", "", null, List.of(newCriterion()));
  }

  private static CriterionRow newCriterion() {
    return new CriterionRow("", "", null, Method.MANUAL, null, null, null, RuleRow.EMPTY);
  }
}
