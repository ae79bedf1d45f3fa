package org.laurel.reward;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.laurel.organisation.Units;
import org.laurel.reward.AwardRecord.Standing;
import org.laurel.shared.NotFoundException;
import org.laurel.shared.StampedViews;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the public portal shows of decisions: published ones only, with the awards they grant and
 * how each stands now (an award a later decision revoked shows as revoked, with that decision's
 * number). No cash amounts, no internal ids of people. An unpublished decision is "not found",
 * whether it exists or not. Views are reused for {@link #REUSE} unless a publication stamp read on
 * every request (the published decisions and their versions, and the last issued decision, since a
 * revocation is an issued decision) changed, so a publication shows at once on every instance.
 */
@Service
public class PortalDecisions {

  public record PublicAward(
      String recipientName,
      String unitName,
      String awardCode,
      String awardName,
      int year,
      @Nullable Standing standing,
      @Nullable String changedByNumber) {}

  public record PublicDecision(
      long id,
      String number,
      String bodyName,
      DecisionView.Kind kind,
      LocalDate decidedOn,
      String title,
      String signerName,
      String signerTitle,
      @Nullable String referencesNumber,
      @Nullable Long referencesId,
      @Nullable String reason,
      List<PublicAward> awards) {}

  static final Duration REUSE = Duration.ofSeconds(15);

  /** The published decisions and their versions, and the last issued decision. */
  static final String STAMP =
      """
      select coalesce((select string_agg(id || '.' || version, ',' order by id)
                       from decision where published_at is not null), '')
          || '|' || coalesce((select max(id) || '.' || count(*) from decision
                              where status = 'ISSUED'), '')""";

  private final Decisions decisions;
  private final AwardCatalogue catalogue;
  private final Units units;
  private final StampedViews views;

  PortalDecisions(Decisions decisions, AwardCatalogue catalogue, Units units, JdbcClient jdbc) {
    this.decisions = decisions;
    this.catalogue = catalogue;
    this.units = units;
    this.views = new StampedViews(jdbc, STAMP, REUSE);
  }

  @Transactional(readOnly = true)
  public List<PublicDecision> list() {
    Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
    return reuse(
        "list/" + locale.getLanguage(),
        () -> {
          // the names once for the whole list, not once per decision
          Map<String, String> unitNames = AwardHistory.unitNames(units);
          Map<String, String> awardNames = catalogue.names(locale);
          return decisions.published().stream().map(d -> view(d, unitNames, awardNames)).toList();
        });
  }

  @Transactional(readOnly = true)
  public PublicDecision get(long id) {
    Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
    return reuse(
        "decision/" + id + "/" + locale.getLanguage(),
        () ->
            decisions
                .find(id)
                .filter(DecisionView::published)
                .map(d -> view(d, AwardHistory.unitNames(units), catalogue.names(locale)))
                .orElseThrow(() -> new NotFoundException("error.decision.notFound", id)));
  }

  /** Whether the decision is published (a referenced decision is linked only then). */
  @Transactional(readOnly = true)
  public boolean isPublished(long id) {
    return list().stream().anyMatch(d -> d.id() == id);
  }

  private static PublicDecision view(
      DecisionView d, Map<String, String> unitNames, Map<String, String> awardNames) {
    return new PublicDecision(
        d.id(),
        String.valueOf(d.number()),
        d.bodyName(),
        d.kind(),
        d.decidedOn(),
        d.title(),
        d.signerName(),
        d.signerTitle(),
        d.referencesNumber(),
        d.referencesId(),
        d.reason(),
        d.items().stream()
            .map(
                i ->
                    new PublicAward(
                        i.recipientName(),
                        unitNames.getOrDefault(i.unitCode(), i.unitCode()),
                        i.awardCode(),
                        awardNames.getOrDefault(i.awardCode(), i.awardCode()),
                        i.awardYear(),
                        i.standing(),
                        i.changedByNumber()))
            .toList());
  }

  private <T> T reuse(String key, Supplier<T> compute) {
    return views.reuse(key, compute);
  }
}
