package org.laurel.reward;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;
import org.jspecify.annotations.Nullable;
import org.laurel.access.Access;
import org.laurel.access.Actor;
import org.laurel.audit.AuditLog;
import org.laurel.organisation.People;
import org.laurel.organisation.PersonView;
import org.laurel.organisation.UnitView;
import org.laurel.organisation.Units;
import org.laurel.reward.AwardType.Recipient;
import org.laurel.reward.ProposalRepository.Head;
import org.laurel.reward.ProposalRepository.NomineeRow;
import org.laurel.shared.ConflictException;
import org.laurel.shared.InvalidInputException;
import org.laurel.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Reward proposals and their dossiers, from the proposing unit's draft to the council. Every step
 * is guarded (a step out of order is refused, 409), checked against the actor's rights, audited,
 * recorded with its actor and reason, and published as {@link ProposalStatusChanged}.
 */
@Service
@Validated
public class Proposals {

  public record NewProposal(
      @NotNull ProposalKind kind,
      @Min(2000) @Max(2100) int year,
      @NotBlank @Size(max = 300) String title,
      @NotBlank @Size(max = 40) String proposingUnitCode,
      @NotBlank @Size(max = 40) String awardCode,
      @Nullable @Size(max = 20000) String achievement) {}

  /** A nominee to add: a person by id, a unit by code, or a household by name and commune. */
  public record NomineeForm(
      @NotNull Recipient kind,
      @Nullable Long personId,
      @Nullable @Size(max = 40) String unitCode,
      @Nullable @Size(max = 200) String householdName) {

    Nominee nominee() {
      return new Nominee(kind, personId, unitCode, householdName);
    }
  }

  public record Step(@PositiveOrZero int version) {}

  public record Return(@NotBlank @Size(max = 4000) String reason, @PositiveOrZero int version) {}

  /**
   * Publication for public notice: the specialist's opinion, the number of days, and the first day
   * (today when absent; an earlier day when the notice began on paper).
   */
  public record Notice(
      @NotBlank @Size(max = 8000) String opinion,
      @Min(1) @Max(90) int days,
      @Nullable LocalDate startsOn,
      @PositiveOrZero int version) {}

  /** The roles of dossier files. */
  public enum FileRole {
    ACHIEVEMENT_REPORT,
    MEETING_MINUTES,
    OTHER
  }

  /** A stored dossier file as read back. */
  public record FileContent(String fileName, String mediaType, byte[] content) {}

  private final ProposalRepository repo;
  private final AwardCatalogue catalogue;
  private final Eligibility eligibility;
  private final AttachmentStore store;
  private final NoticeComments comments;
  private final Units units;
  private final People people;
  private final Access access;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final long maxFileBytes;

  Proposals(
      ProposalRepository repo,
      AwardCatalogue catalogue,
      Eligibility eligibility,
      AttachmentStore store,
      NoticeComments comments,
      Units units,
      People people,
      Access access,
      AuditLog audit,
      ApplicationEventPublisher events,
      Clock clock,
      @Value("${laurel.reward.attachment-max-bytes:10485760}") long maxFileBytes) {
    this.repo = repo;
    this.catalogue = catalogue;
    this.eligibility = eligibility;
    this.store = store;
    this.comments = comments;
    this.units = units;
    this.people = people;
    this.access = access;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
    this.maxFileBytes = maxFileBytes;
  }

  // ---- reading

  @Transactional(readOnly = true)
  public ProposalView get(long id) {
    Head h = head(id);
    LongFunction<String> codes = unitCodes();
    return view(h, codes, repo.attachments(id), repo.steps(id));
  }

  @Transactional(readOnly = true)
  public java.util.Optional<ProposalView> find(long id) {
    return repo.head(id).map(h -> get(h.id()));
  }

  /** Proposals, newest first, optionally of one status and year (without files and steps). */
  @Transactional(readOnly = true)
  public List<ProposalView> list(@Nullable ProposalStatus status, @Nullable Integer year) {
    LongFunction<String> codes = unitCodes();
    return repo.heads(status, year).stream()
        .map(h -> view(h, codes, List.of(), List.of()))
        .toList();
  }

  /**
   * The proposals the signed-in user may follow: a unit's officers (reporter, bloc head) those of
   * their unit and the units below it; everyone else, read-only or secretariat, all of them.
   */
  @Transactional(readOnly = true)
  public List<ProposalView> visible(@Nullable ProposalStatus status, @Nullable Integer year) {
    Actor actor = Access.current();
    if (!actor.role().reportsForOwnUnit()) {
      return list(status, year);
    }
    LongFunction<String> codes = unitCodes();
    return repo.headsOf(units.subtree(actor.unitId()), status, year).stream()
        .map(h -> view(h, codes, List.of(), List.of()))
        .toList();
  }

  /** Whether the signed-in user may read this proposal (see {@link #visible}). */
  @Transactional(readOnly = true)
  public boolean mayRead(ProposalView p) {
    Actor actor = Access.current();
    return !actor.role().reportsForOwnUnit()
        || units
            .find(p.proposingUnitCode())
            .map(u -> units.isWithin(u.id(), actor.unitId()))
            .orElse(false);
  }

  /** Whether the signed-in user may change this proposal's draft (its unit or the secretariat). */
  @Transactional(readOnly = true)
  public boolean mayEdit(ProposalView p) {
    Actor actor = Access.current();
    return actor.role().isSecretariat() || actor.role().reportsForOwnUnit() && mayRead(p);
  }

  private ProposalView view(
      Head h,
      LongFunction<String> codes,
      List<ProposalView.AttachmentView> attachments,
      List<ProposalView.Step> steps) {
    return new ProposalView(
        h.id(),
        h.kind(),
        h.year(),
        h.title(),
        codes.apply(h.proposingUnitId()),
        h.awardCode(),
        h.status(),
        h.achievement(),
        h.specialistOpinion(),
        h.returnReason(),
        h.noticeFrom(),
        h.noticeUntil(),
        h.sourceBlocId(),
        h.createdBy(),
        h.version(),
        repo.nominees(h.id(), codes),
        attachments,
        steps);
  }

  @Transactional(readOnly = true)
  public FileContent file(long proposalId, long attachmentId) {
    head(proposalId);
    String key =
        repo.storageKey(proposalId, attachmentId)
            .orElseThrow(() -> new NotFoundException("error.proposal.fileNotFound", attachmentId));
    ProposalView.AttachmentView a =
        repo.attachments(proposalId).stream()
            .filter(x -> x.id() == attachmentId)
            .findFirst()
            .orElseThrow();
    return new FileContent(a.fileName(), a.mediaType(), store.get(key));
  }

  // ---- the proposing unit's draft

  @Transactional
  public ProposalView create(@Valid NewProposal cmd) {
    UnitView unit =
        units
            .find(cmd.proposingUnitCode())
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "proposingUnitCode", "error.unit.unknown", cmd.proposingUnitCode()));
    Actor actor = access.requireUnitData(unit.id());
    catalogue.require("awardCode", cmd.awardCode());
    return created(
        repo.insert(
            cmd.kind(),
            cmd.year(),
            cmd.title().trim(),
            unit.id(),
            cmd.awardCode(),
            AwardHistory.blank(cmd.achievement()),
            null,
            actor.username()),
        actor);
  }

  /** Records the creation of a draft (also used by the proposals made from a ranking). */
  ProposalView created(long id, Actor actor) {
    repo.step(id, null, ProposalStatus.DRAFT, actor.username(), null);
    ProposalView created = get(id);
    audit.record("proposal.created", "proposal", Long.toString(id), null, summary(created));
    events.publishEvent(new ProposalStatusChanged(id, null, ProposalStatus.DRAFT, null));
    return created;
  }

  @Transactional
  public ProposalView.NomineeView addNominee(long id, @Valid NomineeForm form) {
    Head h = head(id);
    access.requireUnitData(h.proposingUnitId());
    requireDraft(h);
    NomineeRow row = nomineeRow(h, form.nominee(), "");
    long nomineeId = repo.addNominee(id, row);
    audit.record("proposal.nomineeAdded", "proposal", Long.toString(id), null, row);
    return get(id).nominees().stream().filter(n -> n.id() == nomineeId).findFirst().orElseThrow();
  }

  /** Takes a nominee off a draft. */
  @Transactional
  public ProposalView removeNominee(long id, long nomineeId) {
    Head h = head(id);
    access.requireUnitData(h.proposingUnitId());
    requireDraft(h);
    NomineeRow row =
        repo.nomineeRows(id).stream()
            .filter(r -> r.id() == nomineeId)
            .findFirst()
            .orElseThrow(() -> new NotFoundException("error.proposal.nomineeNotFound", nomineeId));
    repo.removeNominee(id, nomineeId);
    audit.record("proposal.nomineeRemoved", "proposal", Long.toString(id), row, null);
    return get(id);
  }

  /**
   * Checks a nominee for a proposal: the right kind for the award, within the proposing unit's
   * scope (as the units stood at the end of the proposal's year), not already nominated.
   */
  NomineeRow nomineeRow(Head h, Nominee n, String field) {
    AwardType type = catalogue.get(h.awardCode());
    if (n.kind() != type.recipient()) {
      throw new InvalidInputException(
          field + "kind", "error.award.recipientMismatch", type.code(), type.recipient());
    }
    UnitView proposing =
        units.findById(h.proposingUnitId()).orElseThrow(() -> new IllegalStateException("unit"));
    String unitCode;
    String display;
    Long personId = null;
    String household = null;
    switch (n.kind()) {
      case INDIVIDUAL -> {
        if (n.personId() == null) {
          throw new InvalidInputException(field + "personId", "error.award.personRequired");
        }
        PersonView p =
            people
                .find(n.personId())
                .orElseThrow(
                    () ->
                        new InvalidInputException(
                            field + "personId", "error.person.notFound", n.personId()));
        personId = p.id();
        unitCode = p.unitCode();
        display = p.fullName();
      }
      case COLLECTIVE -> {
        unitCode = required(field, n.unitCode());
        display = unit(field, unitCode).name();
      }
      default -> {
        unitCode = required(field, n.unitCode());
        household = AwardHistory.blank(n.householdName());
        if (household == null) {
          throw new InvalidInputException(field + "householdName", "error.award.householdRequired");
        }
        unit(field, unitCode);
        display = household;
      }
    }
    UnitView unit = unit(field, unitCode);
    LocalDate asOf = LocalDate.of(h.year(), 12, 31);
    if (asOf.isAfter(LocalDate.now(clock))) {
      asOf = LocalDate.now(clock);
    }
    if (!within(unit.code(), proposing.code(), asOf)) {
      throw new InvalidInputException(
          field + (n.kind() == Recipient.INDIVIDUAL ? "personId" : "unitCode"),
          "error.proposal.outOfScope",
          display,
          proposing.code());
    }
    Nominee resolved = new Nominee(n.kind(), personId, unit.code(), household);
    String key = resolved.key();
    if (repo.nomineeRows(h.id()).stream().anyMatch(r -> r.key().equals(key))) {
      throw new ConflictException("error.proposal.duplicateNominee", display);
    }
    List<Long> elsewhere = repo.nominatedElsewhere(key, h.awardCode(), h.year(), h.id());
    if (!elsewhere.isEmpty()) {
      throw new ConflictException(
          "error.proposal.alreadyNominated", display, elsewhere.get(0).toString());
    }
    return new NomineeRow(0, n.kind(), personId, unit.id(), household, key, display);
  }

  /** Whether {@code code} is {@code ancestor} or below it on {@code day}. */
  private boolean within(String code, String ancestor, LocalDate day) {
    if (code.equals(ancestor)) {
      return true;
    }
    Deque<String> todo = new ArrayDeque<>(List.of(ancestor));
    Set<String> seen = new HashSet<>();
    while (!todo.isEmpty()) {
      for (String child : units.childrenOn(todo.pop(), day)) {
        if (child.equals(code)) {
          return true;
        }
        if (seen.add(child)) {
          todo.push(child);
        }
      }
    }
    return false;
  }

  @Transactional
  public ProposalView.AttachmentView attach(
      long id, FileRole role, String fileName, byte[] content) {
    Head h = head(id);
    Actor actor = access.requireUnitData(h.proposingUnitId());
    requireDraft(h);
    if (content.length == 0) {
      throw new InvalidInputException("file", "error.import.empty");
    }
    if (content.length > maxFileBytes) {
      throw new InvalidInputException(
          "file", "error.proposal.fileTooLarge", content.length, maxFileBytes);
    }
    FileTypes.Kind kind =
        FileTypes.detect(content)
            .orElseThrow(() -> new InvalidInputException("file", "error.proposal.fileType"));
    String name =
        fileName.isBlank() ? "file" : fileName.replaceAll("[\\\\/\\p{Cntrl}]", "_").trim();
    String extension =
        name.contains(".")
            ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT)
            : "";
    if (!extension.equals(kind.name().toLowerCase(Locale.ROOT))) {
      // the name says one thing, the content another
      throw new InvalidInputException(
          "file",
          "error.proposal.fileLies",
          name,
          kind.name(),
          extension.isEmpty() ? "—" : extension);
    }
    if (!store.isClean(content, name)) {
      throw new InvalidInputException("file", "error.proposal.fileInfected", name);
    }
    String sha = org.laurel.shared.FileVault.sha256(content);
    String key = store.put(id, content);
    long aid =
        repo.addAttachment(
            id, role.name(), name, kind.mediaType, content.length, sha, key, actor.username());
    ProposalView.AttachmentView a =
        repo.attachments(id).stream().filter(x -> x.id() == aid).findFirst().orElseThrow();
    audit.record("proposal.fileAttached", "proposal", Long.toString(id), null, a);
    return a;
  }

  // ---- the steps

  @Transactional
  public ProposalView submit(long id, @Valid Step cmd) {
    Head h = head(id);
    Actor actor = access.requireUnitData(h.proposingUnitId());
    if (h.status() == ProposalStatus.DRAFT && repo.nomineeRows(id).isEmpty()) {
      throw new InvalidInputException("nominees", "error.proposal.noNominees");
    }
    return move(h, cmd.version(), ProposalStatus.DRAFT, ProposalStatus.SUBMITTED, actor, null);
  }

  @Transactional
  public ProposalView receive(long id, @Valid Step cmd) {
    Actor actor = access.requireSecretariat();
    return move(
        head(id), cmd.version(), ProposalStatus.SUBMITTED, ProposalStatus.RECEIVED, actor, null);
  }

  /** Starts the eligibility review: every nominee is checked and the evaluation kept. */
  @Transactional
  public ProposalView review(long id, @Valid Step cmd) {
    Actor actor = access.requireSecretariat();
    Head h = head(id);
    ProposalView moved =
        move(h, cmd.version(), ProposalStatus.RECEIVED, ProposalStatus.IN_REVIEW, actor, null);
    List<NomineeRow> rows = repo.nomineeRows(id);
    LongFunction<String> codes = unitCodes();
    List<Nominee> nominees = new ArrayList<>();
    for (NomineeRow r : rows) {
      nominees.add(new Nominee(r.kind(), r.personId(), codes.apply(r.unitId()), r.householdName()));
    }
    List<Evaluation> results = eligibility.checkAll(nominees, h.awardCode(), h.year());
    for (int i = 0; i < rows.size(); i++) {
      repo.saveEvaluation(rows.get(i).id(), results.get(i));
    }
    audit.record(
        "proposal.eligibilityChecked",
        "proposal",
        Long.toString(id),
        null,
        results.stream()
            .map(
                e ->
                    Map.of(
                        "nominee",
                        e.nominee().key(),
                        "eligible",
                        e.eligible(),
                        "ruleSetVersion",
                        String.valueOf(e.ruleSetVersion())))
            .toList());
    return get(moved.id());
  }

  @Transactional
  public ProposalView publishNotice(long id, @Valid Notice cmd) {
    Actor actor = access.requireSecretariat();
    Head h = head(id);
    LocalDate today = LocalDate.now(clock);
    LocalDate from = cmd.startsOn() == null ? today : cmd.startsOn();
    if (from.isAfter(today)) {
      throw new InvalidInputException("startsOn", "error.proposal.noticeInFuture", from);
    }
    ProposalView moved =
        move(h, cmd.version(), ProposalStatus.IN_REVIEW, ProposalStatus.PUBLIC_NOTICE, actor, null);
    repo.notice(id, from, from.plusDays(cmd.days() - 1L), cmd.opinion().trim());
    return get(moved.id());
  }

  /** Ready for the council: the notice period is over and every comment has its answer. */
  @Transactional
  public ProposalView ready(long id, @Valid Step cmd) {
    Actor actor = access.requireSecretariat();
    Head h = head(id);
    if (h.status() == ProposalStatus.PUBLIC_NOTICE) {
      LocalDate today = LocalDate.now(clock);
      if (h.noticeUntil() != null && !today.isAfter(h.noticeUntil())) {
        throw new ConflictException("error.proposal.noticeRunning", h.noticeUntil());
      }
      long open = comments.unanswered(id);
      if (open > 0) {
        throw new ConflictException("error.proposal.unansweredComments", open);
      }
    }
    return move(
        h,
        cmd.version(),
        ProposalStatus.PUBLIC_NOTICE,
        ProposalStatus.READY_FOR_COUNCIL,
        actor,
        null);
  }

  /**
   * The council's ballot closed on this proposal: every nominee gets its outcome and the proposal
   * moves to {@code COUNCIL_VOTED}. Called by the ballot's close (which checks who closes it) in
   * the same transaction, so a tally and the outcomes it decided are written together or not at
   * all.
   */
  @Transactional
  ProposalView recordCouncilOutcome(
      long id, Map<Long, ProposalView.CouncilOutcome> outcomeByNominee, Actor actor, String ref) {
    Head h = head(id);
    List<NomineeRow> rows = repo.nomineeRows(id);
    if (rows.size() != outcomeByNominee.size()
        || !rows.stream().allMatch(r -> outcomeByNominee.containsKey(r.id()))) {
      throw new ConflictException("error.proposal.outcomeIncomplete", id);
    }
    ProposalView moved =
        move(
            h,
            h.version(),
            ProposalStatus.READY_FOR_COUNCIL,
            ProposalStatus.COUNCIL_VOTED,
            actor,
            null);
    outcomeByNominee.forEach((nominee, outcome) -> repo.councilOutcome(id, nominee, outcome));
    audit.record(
        "proposal.councilOutcome",
        "proposal",
        Long.toString(id),
        null,
        Map.of("ballot", ref, "outcomes", outcomeByNominee));
    return get(moved.id());
  }

  /**
   * Every nominee the council approved is granted by an issued decision: the proposal is decided.
   * Called by the issuing decision (which checks who issues it) in its transaction; the step's
   * reason names the decision.
   */
  @Transactional
  ProposalView decided(long id, Actor actor, String decision) {
    Head h = head(id);
    return move(
        h, h.version(), ProposalStatus.COUNCIL_VOTED, ProposalStatus.DECIDED, actor, decision);
  }

  /** Back to the proposing unit, always with a reason. */
  @Transactional
  public ProposalView returnToUnit(long id, @Valid Return cmd) {
    Actor actor = access.requireSecretariat();
    Head h = head(id);
    if (!ProposalStatus.RETURNABLE.contains(h.status())) {
      throw new ConflictException("error.proposal.transition", h.status(), ProposalStatus.DRAFT);
    }
    ProposalView moved =
        move(h, cmd.version(), h.status(), ProposalStatus.DRAFT, actor, cmd.reason().trim());
    repo.set(id, "return_reason", cmd.reason().trim());
    return get(moved.id());
  }

  private ProposalView move(
      Head h,
      int version,
      ProposalStatus from,
      ProposalStatus to,
      Actor actor,
      @Nullable String reason) {
    if (h.status() != from) {
      throw new ConflictException("error.proposal.transition", h.status(), to);
    }
    if (repo.move(h.id(), version, from, to) == 0) {
      throw ConflictException.staleVersion();
    }
    repo.step(h.id(), from, to, actor.username(), reason);
    Map<String, Object> before = Map.of("status", from.name(), "version", h.version());
    Map<String, Object> after =
        reason == null
            ? Map.of("status", to.name(), "version", h.version() + 1)
            : Map.of("status", to.name(), "version", h.version() + 1, "reason", reason);
    audit.record(
        "proposal." + to.name().toLowerCase(Locale.ROOT),
        "proposal",
        Long.toString(h.id()),
        before,
        after);
    events.publishEvent(new ProposalStatusChanged(h.id(), from, to, reason));
    return get(h.id());
  }

  private void requireDraft(Head h) {
    if (h.status() != ProposalStatus.DRAFT) {
      throw new ConflictException("error.proposal.notDraft", h.status());
    }
  }

  Head head(long id) {
    return repo.head(id).orElseThrow(() -> new NotFoundException("error.proposal.notFound", id));
  }

  private UnitView unit(String field, String code) {
    return units
        .find(code.trim())
        .orElseThrow(
            () -> new InvalidInputException(field + "unitCode", "error.unit.unknown", code));
  }

  private static String required(String field, @Nullable String unitCode) {
    if (AwardHistory.blank(unitCode) == null) {
      throw new InvalidInputException(field + "unitCode", "error.award.unitRequired");
    }
    return unitCode.trim();
  }

  private LongFunction<String> unitCodes() {
    return AwardHistory.unitCodes(units);
  }

  private static Map<String, Object> summary(ProposalView p) {
    return Map.of(
        "kind", p.kind().name(),
        "year", p.year(),
        "title", p.title(),
        "unit", p.proposingUnitCode(),
        "award", p.awardCode(),
        "status", p.status().name());
  }
}
