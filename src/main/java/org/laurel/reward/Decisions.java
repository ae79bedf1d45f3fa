package org.laurel.reward;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongFunction;
import org.jspecify.annotations.Nullable;
import org.laurel.access.Access;
import org.laurel.access.Actor;
import org.laurel.audit.AuditLog;
import org.laurel.organisation.People;
import org.laurel.organisation.Units;
import org.laurel.reward.AwardRecord.Source;
import org.laurel.reward.AwardRecord.Standing;
import org.laurel.reward.AwardType.Recipient;
import org.laurel.reward.DecisionRepository.Head;
import org.laurel.reward.DecisionRepository.NewItem;
import org.laurel.reward.DecisionRepository.NomineeFacts;
import org.laurel.reward.DecisionView.Kind;
import org.laurel.reward.DecisionView.Status;
import org.laurel.shared.ConflictException;
import org.laurel.shared.InvalidInputException;
import org.laurel.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Decisions of the competent authorities: drafted by the secretariat (granting awards to nominees
 * the council approved, or revoking or correcting awards of an earlier decision), then issued —
 * numbered {@code N/suffix}, unique per issuing body and year, without gaps (a counter row raised
 * in the issuing transaction) — and published on the portal. Issuing enters the awards through
 * {@link AwardHistory#grant} (certificates follow), pays them from the {@link RewardFund}, marks
 * withdrawn awards and reverses their payments, moves fully granted proposals to {@code DECIDED},
 * and publishes {@link DecisionIssued} (and {@link AwardRevoked} per withdrawn award). Every check
 * is made again at issue, in one transaction: a refusal writes nothing. An issued decision is never
 * edited; it is corrected or revoked by a later one.
 */
@Service
@Validated
public class Decisions {

  /**
   * A draft decision. {@code GRANTING} names nominees ({@code nomineeIds}); {@code REVOKING} names
   * awards of the referenced decision ({@code awardIds}); {@code CORRECTING} names awards of the
   * referenced decision with their replacements ({@code corrections}). Signer, title and legal
   * basis default to the body's template.
   */
  public record Draft(
      @NotNull Kind kind,
      @NotBlank @Size(max = 40) String bodyCode,
      @NotNull LocalDate decidedOn,
      @Nullable @Size(max = 500) String title,
      @Nullable @Size(max = 200) String signerName,
      @Nullable @Size(max = 200) String signerTitle,
      @Nullable @Size(max = 8000) String legalBasis,
      @Nullable @Size(max = 2000) String achievement,
      @Nullable @Size(max = 4000) String reason,
      @Nullable Long referencesId,
      @Nullable @Size(max = 1000) List<@NotNull Long> nomineeIds,
      @Nullable @Size(max = 1000) List<@NotNull Long> awardIds,
      @Nullable @Size(max = 1000) List<@Valid @NotNull Correction> corrections) {

    public static Draft granting(
        String bodyCode, LocalDate decidedOn, @Nullable String signerName, List<Long> nomineeIds) {
      return new Draft(
          Kind.GRANTING,
          bodyCode,
          decidedOn,
          null,
          signerName,
          null,
          null,
          null,
          null,
          null,
          nomineeIds,
          null,
          null);
    }

    public static Draft revoking(
        String bodyCode,
        LocalDate decidedOn,
        @Nullable String signerName,
        long referencesId,
        String reason,
        List<Long> awardIds) {
      return new Draft(
          Kind.REVOKING,
          bodyCode,
          decidedOn,
          null,
          signerName,
          null,
          null,
          null,
          reason,
          referencesId,
          null,
          awardIds,
          null);
    }
  }

  /**
   * An award of the referenced decision and what replaces it; a field left empty keeps the
   * original's value.
   */
  public record Correction(
      @NotNull Long awardId,
      @Nullable Recipient recipient,
      @Nullable Long personId,
      @Nullable @Size(max = 40) String unitCode,
      @Nullable @Size(max = 200) String householdName,
      @Nullable @Size(max = 40) String awardCode,
      @Nullable @Size(max = 2000) String achievement) {}

  /** A draft rewritten (version-checked). */
  public record Edit(@Valid @NotNull Draft draft, @PositiveOrZero int version) {}

  public record Step(@PositiveOrZero int version) {}

  /** A nominee a decision may grant: approved by the council, not granted yet. */
  public record Candidate(
      long nomineeId,
      long proposalId,
      String proposalTitle,
      int year,
      String awardCode,
      Recipient kind,
      String displayName,
      String unitCode,
      long cashVnd) {}

  private final DecisionRepository repo;
  private final AwardHistory history;
  private final AwardCatalogue catalogue;
  private final RewardFund fund;
  private final Proposals proposals;
  private final Units units;
  private final People people;
  private final Access access;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  Decisions(
      DecisionRepository repo,
      AwardHistory history,
      AwardCatalogue catalogue,
      RewardFund fund,
      Proposals proposals,
      Units units,
      People people,
      Access access,
      AuditLog audit,
      ApplicationEventPublisher events,
      Clock clock) {
    this.repo = repo;
    this.history = history;
    this.catalogue = catalogue;
    this.fund = fund;
    this.proposals = proposals;
    this.units = units;
    this.people = people;
    this.access = access;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  // ---- reading

  @Transactional(readOnly = true)
  public List<DecisionBody> bodies() {
    return repo.bodies();
  }

  @Transactional(readOnly = true)
  public DecisionBody body(String code) {
    return repo.body(code)
        .orElseThrow(() -> new NotFoundException("error.decision.unknownBody", code));
  }

  @Transactional(readOnly = true)
  public DecisionView get(long id) {
    return view(head(id));
  }

  @Transactional(readOnly = true)
  public java.util.Optional<DecisionView> find(long id) {
    return repo.head(id).map(this::view);
  }

  /** Decisions, newest first, optionally of one year (of the decision date) and status. */
  @Transactional(readOnly = true)
  public List<DecisionView> list(@Nullable Integer year, @Nullable Status status) {
    return views(repo.heads(year, status, false));
  }

  /** Published decisions, newest first. */
  @Transactional(readOnly = true)
  public List<DecisionView> published() {
    return views(repo.heads(null, Status.ISSUED, true));
  }

  /** Views of many heads with one query for all their lines and one per body (no query per row). */
  private List<DecisionView> views(List<Head> heads) {
    Map<Long, List<DecisionView.Item>> items = repo.items(heads.stream().map(Head::id).toList());
    Map<Long, Head> byId = new HashMap<>();
    heads.forEach(h -> byId.put(h.id(), h));
    Map<String, DecisionBody> bodies = new HashMap<>();
    return heads.stream()
        .map(
            h ->
                view(
                    h,
                    bodies.computeIfAbsent(h.bodyCode(), c -> repo.body(c).orElseThrow()),
                    items.getOrDefault(h.id(), List.of()),
                    byId::get))
        .toList();
  }

  /** Nominees a granting decision may name (approved, in a voted proposal, not granted yet). */
  @Transactional(readOnly = true)
  public List<Candidate> candidates(@Nullable Integer year, LocalDate decidedOn) {
    LongFunction<String> codes = history.unitCodes();
    Map<String, Long> cash = new HashMap<>();
    return repo.candidates(year).stream()
        .map(
            n ->
                new Candidate(
                    n.nomineeId(),
                    n.proposalId(),
                    n.proposalTitle(),
                    n.year(),
                    n.awardCode(),
                    n.kind(),
                    n.displayName(),
                    codes.apply(n.unitId()),
                    cash.computeIfAbsent(n.awardCode(), c -> cashOrZero(c, decidedOn))))
        .toList();
  }

  private long cashOrZero(String awardCode, LocalDate day) {
    try {
      return catalogue.cash(awardCode, day).amountVnd();
    } catch (InvalidInputException noBaseSalary) {
      return 0;
    }
  }

  private DecisionView view(Head h) {
    return view(h, repo.body(h.bodyCode()).orElseThrow(), repo.items(h.id()), id -> null);
  }

  private DecisionView view(
      Head h, DecisionBody body, List<DecisionView.Item> items, LongFunction<Head> known) {
    Head ref = h.referencesId() == null ? null : known.apply(h.referencesId());
    String refNumber =
        h.referencesId() == null
            ? null
            : ref != null
                ? ref.numberText()
                : repo.head(h.referencesId()).map(Head::numberText).orElse(null);
    long total = 0;
    for (DecisionView.Item i : items) {
      total += i.amountVnd() == null ? 0 : i.amountVnd();
    }
    return new DecisionView(
        h.id(),
        h.bodyCode(),
        body.nameVi(),
        h.kind(),
        h.status(),
        h.decidedOn(),
        h.numberText(),
        h.title(),
        h.signerName(),
        h.signerTitle(),
        h.legalBasis(),
        h.achievement(),
        h.reason(),
        h.referencesId(),
        refNumber,
        h.createdBy(),
        h.createdAt(),
        h.issuedBy(),
        h.issuedAt(),
        h.publishedBy(),
        h.publishedAt(),
        h.version(),
        items,
        total);
  }

  // ---- drafting

  /** A new draft (the secretariat); every line is checked as it would be at issue. */
  @Transactional
  public DecisionView draft(@Valid Draft cmd) {
    Actor actor = access.requireSecretariat();
    Checked c = check(cmd, null);
    long id =
        repo.insert(
            c.body().code(),
            cmd.kind(),
            cmd.decidedOn(),
            c.title(),
            c.signerName(),
            c.signerTitle(),
            c.legalBasis(),
            AwardHistory.blank(cmd.achievement()),
            AwardHistory.blank(cmd.reason()),
            cmd.referencesId(),
            actor.username());
    repo.insertItems(id, c.items());
    DecisionView created = get(id);
    audit.record("decision.drafted", "decision", Long.toString(id), null, summary(created));
    return created;
  }

  /** Rewrites a draft; an issued decision is never edited (409). */
  @Transactional
  public DecisionView edit(long id, @Valid Edit cmd) {
    access.requireSecretariat();
    Head h = repo.lock(id).orElseThrow(() -> notFound(id));
    requireDraft(h);
    Checked c = check(cmd.draft(), id);
    if (cmd.draft().kind() != h.kind()) {
      throw new InvalidInputException(
          "kind", "error.decision.kindFixed", CouncilSessions.label("decision.kind.", h.kind()));
    }
    DecisionView before = view(h);
    if (repo.rewrite(
            id,
            cmd.version(),
            c.body().code(),
            cmd.draft().decidedOn(),
            c.title(),
            c.signerName(),
            c.signerTitle(),
            c.legalBasis(),
            AwardHistory.blank(cmd.draft().achievement()),
            AwardHistory.blank(cmd.draft().reason()),
            cmd.draft().referencesId())
        == 0) {
      throw ConflictException.staleVersion();
    }
    repo.insertItems(id, c.items());
    DecisionView after = get(id);
    audit.record("decision.edited", "decision", Long.toString(id), summary(before), summary(after));
    return after;
  }

  private record Checked(
      DecisionBody body,
      String title,
      String signerName,
      String signerTitle,
      String legalBasis,
      List<NewItem> items) {}

  /** Checks a draft's content; {@code self} is the decision being edited, if any. */
  private Checked check(Draft cmd, @Nullable Long self) {
    DecisionBody body =
        repo.body(cmd.bodyCode().trim())
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "bodyCode", "error.decision.unknownBody", cmd.bodyCode()));
    List<NewItem> items =
        switch (cmd.kind()) {
          case GRANTING -> grantingItems(cmd, body);
          case REVOKING -> withdrawnItems(cmd, self, false);
          case CORRECTING -> withdrawnItems(cmd, self, true);
        };
    String signer = AwardHistory.blank(cmd.signerName());
    if (signer == null) {
      signer = body.defaultSigner();
    }
    if (signer == null) {
      throw new InvalidInputException("signerName", "error.decision.signerRequired");
    }
    String signerTitle = AwardHistory.blank(cmd.signerTitle());
    String legal = AwardHistory.blank(cmd.legalBasis());
    String title = AwardHistory.blank(cmd.title());
    return new Checked(
        body,
        title != null ? title : defaultTitle(cmd, items),
        signer,
        signerTitle != null ? signerTitle : body.signerTitle(),
        legal != null ? legal : String.join("\n", body.defaultLegalBasis()),
        items);
  }

  private List<NewItem> grantingItems(Draft cmd, DecisionBody body) {
    if (cmd.referencesId() != null) {
      throw new InvalidInputException("referencesId", "error.decision.grantingReferences");
    }
    List<Long> ids = cmd.nomineeIds() == null ? List.of() : cmd.nomineeIds();
    if (ids.isEmpty()) {
      throw new InvalidInputException("nomineeIds", "error.decision.noItems");
    }
    LongFunction<String> codes = history.unitCodes();
    Set<Long> seen = new HashSet<>();
    List<NewItem> items = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      String field = "nomineeIds[" + i + "]";
      long id = ids.get(i);
      if (!seen.add(id)) {
        throw new InvalidInputException(field, "error.decision.duplicateLine", id);
      }
      NomineeFacts n =
          repo.nominee(id)
              .orElseThrow(
                  () -> new InvalidInputException(field, "error.decision.nomineeUnknown", id));
      if (n.outcome() != ProposalView.CouncilOutcome.APPROVED
          || n.proposalStatus() != ProposalStatus.COUNCIL_VOTED
              && n.proposalStatus() != ProposalStatus.DECIDED) {
        throw new InvalidInputException(
            field,
            "error.decision.notApproved",
            n.displayName(),
            n.proposalId(),
            n.outcome() == null ? "—" : CouncilSessions.label("proposal.outcome.", n.outcome()));
      }
      java.util.Optional<String> granted = repo.grantedBy(id);
      if (granted.isPresent()) {
        throw new ConflictException(
            "error.decision.alreadyGranted", n.displayName(), granted.get());
      }
      AwardType type = catalogue.get(n.awardCode());
      if (!body.deciders().contains(type.decider())) {
        throw new InvalidInputException(
            "bodyCode", "error.decision.notCompetent", body.nameVi(), type.nameVi());
      }
      if (cmd.decidedOn().getYear() < n.year()) {
        throw new InvalidInputException(
            "decidedOn", "error.award.decisionBeforeYear", cmd.decidedOn(), n.year());
      }
      items.add(
          new NewItem(
              n.proposalId(),
              n.nomineeId(),
              null,
              n.kind(),
              n.personId(),
              codes.apply(n.unitId()),
              n.householdName(),
              n.displayName(),
              n.awardCode(),
              n.year(),
              achievement(cmd.achievement(), n.achievement())));
    }
    catalogue.baseSalaryOn(cmd.decidedOn());
    return items;
  }

  /** The achievement written on the award: the decision's, else the proposal's (shortened). */
  private static @Nullable String achievement(
      @Nullable String decision, @Nullable String proposal) {
    String a = AwardHistory.blank(decision);
    if (a == null) {
      a = AwardHistory.blank(proposal);
    }
    if (a != null && a.length() > 2000) {
      a = a.substring(0, 1999) + "…";
    }
    return a;
  }

  /** Lines of a revoking or correcting decision: awards of the referenced decision, in force. */
  private List<NewItem> withdrawnItems(Draft cmd, @Nullable Long self, boolean correcting) {
    if (cmd.referencesId() == null) {
      throw new InvalidInputException("referencesId", "error.decision.referenceRequired");
    }
    if (AwardHistory.blank(cmd.reason()) == null) {
      throw new InvalidInputException("reason", "error.decision.reasonRequired");
    }
    Head ref =
        repo.head(cmd.referencesId())
            .filter(r -> !Objects.equals(r.id(), self))
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "referencesId", "error.decision.referenceUnknown", cmd.referencesId()));
    if (ref.status() != Status.ISSUED) {
      throw new InvalidInputException(
          "referencesId", "error.decision.referenceNotIssued", cmd.referencesId());
    }
    if (cmd.decidedOn().isBefore(ref.decidedOn())) {
      throw new InvalidInputException(
          "decidedOn", "error.decision.beforeReference", cmd.decidedOn(), ref.numberText());
    }
    List<Long> ids = new ArrayList<>();
    List<Correction> corrections = new ArrayList<>();
    if (correcting) {
      corrections = cmd.corrections() == null ? List.of() : cmd.corrections();
      corrections.forEach(c -> ids.add(c.awardId()));
    } else if (cmd.awardIds() != null) {
      ids.addAll(cmd.awardIds());
    }
    String list = correcting ? "corrections" : "awardIds";
    if (ids.isEmpty()) {
      throw new InvalidInputException(list, "error.decision.noItems");
    }
    Set<Long> seen = new HashSet<>();
    List<NewItem> items = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      long awardId = ids.get(i);
      String field = correcting ? "corrections[" + i + "].awardId" : "awardIds[" + i + "]";
      if (!seen.add(awardId)) {
        throw new InvalidInputException(field, "error.decision.duplicateLine", awardId);
      }
      if (!repo.created(ref.id(), awardId)) {
        throw new InvalidInputException(
            field, "error.decision.awardNotInReference", awardId, ref.numberText());
      }
      AwardRecord award = history.get(awardId);
      if (award.standing() != Standing.IN_FORCE) {
        throw new ConflictException(
            "error.decision.awardNotInForce",
            awardId,
            CouncilSessions.label("decision.standing.", award.standing()));
      }
      String name =
          recipientName(
              award.recipient(), award.personId(), award.unitCode(), award.householdName());
      if (!correcting) {
        items.add(
            new NewItem(
                null,
                null,
                awardId,
                award.recipient(),
                award.personId(),
                award.unitCode(),
                award.householdName(),
                name,
                award.awardCode(),
                award.year(),
                award.achievement()));
        continue;
      }
      Correction c = corrections.get(i);
      items.add(replacement(c, award, cmd.decidedOn(), "corrections[" + i + "]."));
    }
    return items;
  }

  /** The replacement of an award: the correction's fields over the original's, checked. */
  private NewItem replacement(Correction c, AwardRecord award, LocalDate decidedOn, String field) {
    Recipient recipient = c.recipient() != null ? c.recipient() : award.recipient();
    Long personId =
        recipient == Recipient.INDIVIDUAL
            ? (c.personId() != null ? c.personId() : award.personId())
            : null;
    String unitCode = AwardHistory.blank(c.unitCode());
    if (unitCode == null && recipient != Recipient.INDIVIDUAL) {
      unitCode = award.unitCode();
    }
    String household =
        recipient == Recipient.HOUSEHOLD
            ? Objects.requireNonNullElse(
                AwardHistory.blank(c.householdName()), String.valueOf(award.householdName()))
            : null;
    String awardCode = c.awardCode() != null ? c.awardCode().trim() : award.awardCode();
    String achievement =
        c.achievement() != null ? AwardHistory.blank(c.achievement()) : award.achievement();
    AwardHistory.NewAward replacement =
        new AwardHistory.NewAward(
            recipient,
            personId,
            unitCode,
            household,
            awardCode,
            award.year(),
            null,
            decidedOn,
            achievement);
    AwardRepository.Row row = history.resolve(replacement, Source.LAUREL, field);
    boolean same =
        row.recipient() == award.recipient()
            && Objects.equals(row.personId(), award.personId())
            && row.unitId() == award.unitId()
            && Objects.equals(row.householdName(), award.householdName())
            && row.awardCode().equals(award.awardCode())
            && Objects.equals(row.achievement(), award.achievement());
    if (same) {
      throw new InvalidInputException(
          field + "awardId", "error.decision.correctionNoChange", award.id());
    }
    String code = units.findById(row.unitId()).map(u -> u.code()).orElse(award.unitCode());
    return new NewItem(
        null,
        null,
        award.id(),
        row.recipient(),
        row.personId(),
        code,
        row.householdName(),
        recipientName(row.recipient(), row.personId(), code, row.householdName()),
        row.awardCode(),
        award.year(),
        row.achievement());
  }

  private String recipientName(
      Recipient r, @Nullable Long personId, String unitCode, @Nullable String household) {
    return switch (r) {
      case INDIVIDUAL -> people.get(Objects.requireNonNull(personId)).fullName();
      case COLLECTIVE -> units.find(unitCode).map(u -> u.name()).orElse(unitCode);
      case HOUSEHOLD -> String.valueOf(household);
    };
  }

  private String defaultTitle(Draft cmd, List<NewItem> items) {
    return switch (cmd.kind()) {
      case GRANTING -> {
        Set<String> names = new LinkedHashSet<>();
        for (NewItem i : items) {
          names.add(catalogue.get(i.awardCode()).nameVi());
        }
        yield "Về việc tặng " + String.join(", ", names);
      }
      case REVOKING ->
          "Về việc hủy bỏ khen thưởng tại Quyết định số " + referencedNumber(cmd.referencesId());
      case CORRECTING -> "Về việc đính chính Quyết định số " + referencedNumber(cmd.referencesId());
    };
  }

  private String referencedNumber(@Nullable Long id) {
    return id == null ? "" : repo.head(id).map(Head::numberText).map(String::valueOf).orElse("");
  }

  // ---- issuing and publishing

  /**
   * Issues a draft: checks every line again, takes the body's next number for the year of the
   * decision date, enters, withdraws and pays the awards, and moves fully granted proposals to
   * {@code DECIDED}; all in one transaction.
   */
  @Transactional
  public DecisionView issue(long id, @Valid Step cmd) {
    Actor actor = access.requireSecretariat();
    Head h = repo.lock(id).orElseThrow(() -> notFound(id));
    requireDraft(h);
    if (h.version() != cmd.version()) {
      throw ConflictException.staleVersion();
    }
    LocalDate today = LocalDate.now(clock);
    if (h.decidedOn().isAfter(today)) {
      throw new InvalidInputException("decidedOn", "error.decision.dateInFuture", h.decidedOn());
    }
    DecisionView draft = view(h);
    DecisionBody body = repo.body(h.bodyCode()).orElseThrow();
    // the number first: concurrent issuers of the body queue here, before any other lock
    int year = h.decidedOn().getYear();
    int number = repo.nextNumber(body.code(), year);
    String text = number + "/" + body.suffix();
    Set<Long> proposalIds = new LinkedHashSet<>();
    for (DecisionView.Item i : draft.items()) {
      if (i.proposalId() != null) {
        proposalIds.add(i.proposalId());
      }
    }
    repo.lockProposals(proposalIds);
    // every check again, against the state now (under the locks)
    check(redraft(draft), id);
    List<Long> granted = new ArrayList<>();
    List<Long> withdrawn = new ArrayList<>();
    List<Map<String, Object>> lines = new ArrayList<>();
    for (DecisionView.Item i : draft.items()) {
      if (i.targetAwardId() != null) {
        boolean superseded = h.kind() == Kind.CORRECTING;
        if (repo.withdraw(i.targetAwardId(), id, superseded) == 0) {
          throw new ConflictException("error.decision.awardNotInForce", i.targetAwardId(), "—");
        }
        fund.reverse(id, h.decidedOn(), i.targetAwardId());
        withdrawn.add(i.targetAwardId());
        events.publishEvent(
            new AwardRevoked(
                i.targetAwardId(),
                id,
                text,
                h.decidedOn(),
                String.valueOf(h.reason()),
                superseded));
        if (!superseded) {
          lines.add(Map.of("revoked", i.targetAwardId()));
          continue;
        }
      }
      AwardCatalogue.Cash cash = catalogue.cash(i.awardCode(), h.decidedOn());
      AwardRecord award =
          history.grant(
              new AwardHistory.NewAward(
                  i.recipient(),
                  i.personId(),
                  i.unitCode(),
                  i.householdName(),
                  i.awardCode(),
                  i.awardYear(),
                  text,
                  h.decidedOn(),
                  i.achievement()));
      repo.linkAward(award.id(), id);
      repo.itemIssued(i.id(), award.id(), cash.amountVnd());
      fund.pay(id, h.decidedOn(), award, cash);
      granted.add(award.id());
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("award", award.id());
      line.put("amountVnd", cash.amountVnd());
      if (i.targetAwardId() != null) {
        line.put("replaces", i.targetAwardId());
      }
      lines.add(line);
    }
    repo.issued(
        id, year, number, text, actor.username(), clock.instant().truncatedTo(ChronoUnit.MICROS));
    for (long proposalId : proposalIds) {
      if (repo.approvedNotGranted(proposalId) == 0
          && proposals.head(proposalId).status() == ProposalStatus.COUNCIL_VOTED) {
        proposals.decided(proposalId, actor, text);
      }
    }
    DecisionView issued = get(id);
    Map<String, Object> after = new LinkedHashMap<>(summary(issued));
    after.put("lines", lines);
    audit.record(
        "decision.issued",
        "decision",
        Long.toString(id),
        Map.of("status", Status.DRAFT.name(), "version", h.version()),
        after);
    events.publishEvent(
        new DecisionIssued(id, text, h.kind(), body.code(), h.decidedOn(), granted, withdrawn));
    return issued;
  }

  /** The draft's content as a command, to check it again at issue. */
  private static Draft redraft(DecisionView d) {
    List<Long> nominees = new ArrayList<>();
    List<Long> awards = new ArrayList<>();
    List<Correction> corrections = new ArrayList<>();
    for (DecisionView.Item i : d.items()) {
      switch (d.kind()) {
        case GRANTING -> nominees.add(Objects.requireNonNull(i.nomineeId()));
        case REVOKING -> awards.add(Objects.requireNonNull(i.targetAwardId()));
        case CORRECTING ->
            corrections.add(
                new Correction(
                    Objects.requireNonNull(i.targetAwardId()),
                    i.recipient(),
                    i.personId(),
                    i.unitCode(),
                    i.householdName(),
                    i.awardCode(),
                    i.achievement() == null ? "" : i.achievement()));
      }
    }
    return new Draft(
        d.kind(),
        d.bodyCode(),
        d.decidedOn(),
        d.title(),
        d.signerName(),
        d.signerTitle(),
        d.legalBasis(),
        d.achievement(),
        d.reason(),
        d.referencesId(),
        nominees,
        awards,
        corrections);
  }

  /** Publishes an issued decision on the public portal (the secretariat). */
  @Transactional
  public DecisionView publish(long id, @Valid Step cmd) {
    Actor actor = access.requireSecretariat();
    Head h = repo.lock(id).orElseThrow(() -> notFound(id));
    if (h.status() != Status.ISSUED) {
      throw new ConflictException("error.decision.notIssued");
    }
    if (h.publishedAt() != null) {
      throw new ConflictException("error.decision.alreadyPublished", h.numberText());
    }
    if (repo.published(
            id, cmd.version(), actor.username(), clock.instant().truncatedTo(ChronoUnit.MICROS))
        == 0) {
      throw ConflictException.staleVersion();
    }
    DecisionView after = get(id);
    audit.record(
        "decision.published",
        "decision",
        Long.toString(id),
        Map.of("published", false),
        Map.of("published", true, "number", String.valueOf(after.number())));
    return after;
  }

  private static void requireDraft(Head h) {
    if (h.status() != Status.DRAFT) {
      throw new ConflictException("error.decision.notDraft", h.numberText());
    }
  }

  private Head head(long id) {
    return repo.head(id).orElseThrow(() -> notFound(id));
  }

  private static NotFoundException notFound(long id) {
    return new NotFoundException("error.decision.notFound", id);
  }

  private static Map<String, Object> summary(DecisionView d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", d.kind().name());
    m.put("body", d.bodyCode());
    m.put("status", d.status().name());
    m.put("number", d.number() == null ? "" : d.number());
    m.put("decidedOn", d.decidedOn().toString());
    m.put("title", d.title());
    m.put("signer", d.signerName());
    m.put("references", d.referencesId() == null ? "" : d.referencesId());
    m.put("lines", d.items().size());
    m.put("version", d.version());
    return m;
  }
}
