package org.laurel.scoring;

import jakarta.validation.Valid;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.laurel.access.Access;
import org.laurel.access.Actor;
import org.laurel.access.Role;
import org.laurel.audit.AuditLog;
import org.laurel.bloc.BlocView;
import org.laurel.bloc.Blocs;
import org.laurel.organisation.UnitView;
import org.laurel.organisation.Units;
import org.laurel.scoring.PactDefinition.Criterion;
import org.laurel.scoring.PactDefinition.Method;
import org.laurel.scoring.PactDefinition.Round;
import org.laurel.scoring.ScoringCommands.Reopen;
import org.laurel.scoring.ScoringCommands.ScoreEntry;
import org.laurel.scoring.ScoringCommands.SheetForm;
import org.laurel.scoring.ScoringCommands.Submit;
import org.laurel.shared.ConflictException;
import org.laurel.shared.ForbiddenException;
import org.laurel.shared.InvalidInputException;
import org.laurel.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Assessment sheets. Self: a member unit scores itself. Cross: a member scores another member,
 * never itself. Council: the secretariat records the council's appraisal. The secretariat may write
 * any sheet; a unit reporter or bloc head only their own unit's self and cross sheets. The first
 * sheet freezes the pact; a submitted sheet never changes. A cross-assessor may recuse itself from
 * one unit with a reason (conflict of interest). Reading sheets: see {@link #mayRead}.
 */
@Service
@Validated
public class Assessments {

  private final ScoringRepository repo;
  private final Pacts pacts;
  private final Blocs blocs;
  private final Units units;
  private final AuditLog audit;
  private final Clock clock;
  private final Access access;

  Assessments(
      ScoringRepository repo,
      Pacts pacts,
      Blocs blocs,
      Units units,
      AuditLog audit,
      Clock clock,
      Access access) {
    this.access = access;
    this.repo = repo;
    this.pacts = pacts;
    this.blocs = blocs;
    this.units = units;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * The sheets of the pact that the signed-in user may read (see {@link #mayRead}), drafts
   * included.
   */
  @Transactional(readOnly = true)
  public List<SheetView> list(long pactId) {
    pacts.get(pactId);
    Actor actor = Access.current();
    String own = ownUnit(actor);
    return repo.sheets(pactId).stream()
        .filter(s -> mayRead(actor, own, s.round(), s.assessor()))
        .toList();
  }

  /**
   * Every sheet's round, assessor, assessed unit and status, for anyone signed in: who has and has
   * not submitted, never a score.
   */
  @Transactional(readOnly = true)
  public List<SheetView.Progress> progress(long pactId) {
    pacts.get(pactId);
    return repo.progress(pactId);
  }

  /** A sheet, drafts included, to those who may read it (see {@link #mayRead}); others get 403. */
  @Transactional
  public SheetView get(long pactId, Round round, String assessor, String assessed) {
    Target t = target(pacts.get(pactId), round, assessor, assessed, false);
    requireRead(round, assessor);
    return repo.sheet(pactId, round, t.assessorId(), t.assessed().id())
        .orElseThrow(
            () -> new NotFoundException("error.sheet.notFound", round, assessor, assessed));
  }

  /** Whether the signed-in user may read the sheets the assessor fills in the round. */
  @Transactional(readOnly = true)
  public boolean mayRead(Round round, String assessor) {
    Actor actor = Access.current();
    return mayRead(actor, ownUnit(actor), round, assessor);
  }

  /**
   * Whether the signed-in user may fill in the sheets the assessor fills in the round, as {@link
   * #save} checks: the secretariat any, a reporter or bloc head their own unit's self and cross
   * sheets. A council member reads the council round's sheets but does not write them.
   */
  @Transactional(readOnly = true)
  public boolean mayWrite(Round round, String assessor) {
    Actor actor = Access.current();
    return actor.role().isSecretariat()
        || round != Round.COUNCIL
            && actor.role().reportsForOwnUnit()
            && assessor.equals(ownUnit(actor));
  }

  /** 403 unless the signed-in user may read the sheets the assessor fills in the round. */
  private void requireRead(Round round, String assessor) {
    if (!mayRead(round, assessor)) {
      throw new ForbiddenException("error.sheet.notYours", assessor);
    }
  }

  /**
   * Who reads a sheet, whatever its status: the secretariat (and administrators) every sheet; a
   * unit's reporter or bloc head the sheets their own unit fills in as assessor (self and cross),
   * not those about their unit by others, and heading the bloc gives no more; a council member the
   * council round's sheets. Nobody else, before or after publication: the published explanation is
   * where scores are read then.
   */
  static boolean mayRead(Actor actor, @Nullable String ownUnit, Round round, String assessor) {
    if (actor.role().isSecretariat()) {
      return true;
    }
    if (round == Round.COUNCIL) {
      return actor.role() == Role.COUNCIL_MEMBER;
    }
    return actor.role().reportsForOwnUnit() && assessor.equals(ownUnit);
  }

  /** The code of the actor's unit; null for the system or a unit that no longer exists. */
  private @Nullable String ownUnit(Actor actor) {
    return actor.unitId() < 0
        ? null
        : units.findById(actor.unitId()).map(UnitView::code).orElse(null);
  }

  @Transactional
  public SheetView save(
      long pactId, Round round, String assessor, String assessed, @Valid SheetForm form) {
    PactView pact = pacts.get(pactId);
    Target t = target(pact, round, assessor, assessed, true);
    List<SheetView.Entry> entries = entries(pact, form.scores());
    String recusal = recusal(round, form, entries);
    SheetView before = repo.sheet(pactId, round, t.assessorId(), t.assessed().id()).orElse(null);
    long id;
    if (before == null) {
      id = repo.insertSheet(pactId, round, t.assessorId(), t.assessed().id());
    } else {
      before.requireDraft();
      if (form.version() == null || repo.touchSheet(before.id(), form.version()) == 0) {
        throw ConflictException.staleVersion();
      }
      id = before.id();
    }
    repo.replaceScores(id, pactId, entries);
    repo.setRecusal(id, recusal);
    pacts.freeze(pact);
    SheetView after = repo.sheet(pactId, round, t.assessorId(), t.assessed().id()).orElseThrow();
    audit.record("sheet.saved", "sheet", Long.toString(id), before, after);
    return after;
  }

  @Transactional
  public SheetView submit(
      long pactId, Round round, String assessor, String assessed, @Valid Submit cmd) {
    PactView pact = pacts.get(pactId);
    Target t = target(pact, round, assessor, assessed, true);
    SheetView before = existing(pactId, round, t, assessor, assessed);
    before.requireDraft();
    Set<String> given =
        before.scores().stream().map(SheetView.Entry::criterion).collect(Collectors.toSet());
    List<String> missing =
        before.recusalReason() != null
            ? List.of()
            : manual(pact).stream().map(Criterion::code).filter(c -> !given.contains(c)).toList();
    if (!missing.isEmpty()) {
      throw new InvalidInputException(
          "scores", "error.sheet.incomplete", String.join(", ", missing));
    }
    int n =
        repo.submitSheet(before.id(), cmd.version(), Access.current().username(), clock.instant());
    return changed(n, pactId, round, t, before, "sheet.submitted", Map.of());
  }

  /** After a guarded status change: 409 when it changed nothing, else audited and read back. */
  private SheetView changed(
      int updated,
      long pactId,
      Round round,
      Target t,
      SheetView before,
      String action,
      Map<String, Object> extra) {
    if (updated == 0) {
      throw ConflictException.staleVersion();
    }
    SheetView after = repo.sheet(pactId, round, t.assessorId(), t.assessed().id()).orElseThrow();
    Map<String, Object> now = new java.util.LinkedHashMap<>(extra);
    now.put("status", after.status());
    audit.record(
        action, "sheet", Long.toString(before.id()), Map.of("status", before.status()), now);
    return after;
  }

  /**
   * The secretariat reopens a submitted sheet, with a reason, so that its assessor can change and
   * submit it again; until then it no longer counts.
   */
  @Transactional
  public SheetView reopen(
      long pactId, Round round, String assessor, String assessed, @Valid Reopen cmd) {
    access.requireSecretariat();
    PactView pact = pacts.get(pactId);
    Target t = target(pact, round, assessor, assessed, true);
    SheetView before = existing(pactId, round, t, assessor, assessed);
    before.requireSubmitted();
    String reason = cmd.reason().trim();
    int n =
        repo.reopenSheet(
            before.id(), cmd.version(), Access.current().username(), clock.instant(), reason);
    return changed(n, pactId, round, t, before, "sheet.reopened", Map.of("reason", reason));
  }

  /**
   * The draft sheet whose evidence files the signed-in user changes, locked until the transaction
   * ends: 403 unless they may write it (as {@link #save}), 404 before its first save, 409 once
   * submitted.
   */
  SheetView draftToChange(PactView pact, Round round, String assessor, String assessed) {
    Target t = target(pact, round, assessor, assessed, true);
    SheetView sheet = existing(pact.id(), round, t, assessor, assessed);
    sheet.requireDraft();
    return sheet;
  }

  private record Target(@Nullable Long assessorId, UnitView assessed) {}

  private SheetView existing(long pactId, Round round, Target t, String assessor, String assessed) {
    return repo.sheet(pactId, round, t.assessorId(), t.assessed().id())
        .orElseThrow(
            () -> new NotFoundException("error.sheet.notFound", round, assessor, assessed));
  }

  /** Resolves and checks who assesses whom; {@code write} also checks the actor's right. */
  private Target target(
      PactView pact, Round round, String assessorCode, String assessedCode, boolean write) {
    BlocView bloc = blocs.get(pact.blocId());
    Actor actor = write ? Access.current() : null;
    UnitView assessed =
        units
            .find(assessedCode)
            .orElseThrow(
                () -> new InvalidInputException("assessed", "error.unit.unknown", assessedCode));
    if (round == Round.COUNCIL) {
      if (!PactDefinition.COUNCIL.equals(assessorCode)) {
        throw new InvalidInputException("assessor", "error.sheet.councilAssessor", assessorCode);
      }
      if (actor != null && !actor.role().isSecretariat()) {
        throw ForbiddenException.outOfScope();
      }
      if (!bloc.hasMember(assessed.id())) {
        throw new InvalidInputException(
            "assessed", "error.sheet.notMember", assessed.code(), bloc.code());
      }
      return new Target(null, assessed);
    }
    UnitView assessor =
        units
            .find(assessorCode)
            .orElseThrow(
                () -> new InvalidInputException("assessor", "error.unit.unknown", assessorCode));
    if (actor != null
        && !actor.role().isSecretariat()
        && !(actor.role().reportsForOwnUnit() && actor.unitId() == assessor.id())) {
      throw new ForbiddenException("error.sheet.notYourUnit", assessor.code());
    }
    if (!bloc.hasMember(assessor.id())) {
      throw new InvalidInputException(
          "assessor", "error.sheet.notMember", assessor.code(), bloc.code());
    }
    if (!bloc.hasMember(assessed.id())) {
      throw new InvalidInputException(
          "assessed", "error.sheet.notMember", assessed.code(), bloc.code());
    }
    if (round == Round.CROSS && assessor.id() == assessed.id()) {
      throw new InvalidInputException("assessed", "error.sheet.ownUnit", assessor.code());
    }
    if (round == Round.SELF && assessor.id() != assessed.id()) {
      throw new InvalidInputException("assessed", "error.sheet.selfOnly", assessor.code());
    }
    return new Target(assessor.id(), assessed);
  }

  /**
   * The recusal's reason, or null when the assessor scores the unit. Only a cross-assessor recuses
   * itself, with a reason and without scores; a reason without a recusal is refused too.
   */
  private static @Nullable String recusal(
      Round round, SheetForm form, List<SheetView.Entry> entries) {
    String reason =
        form.recusalReason() == null || form.recusalReason().isBlank()
            ? null
            : form.recusalReason().trim();
    if (!form.recuse()) {
      if (reason != null) {
        throw new InvalidInputException("recusalReason", "error.sheet.reasonWithoutRecusal");
      }
      return null;
    }
    if (round != Round.CROSS) {
      throw new InvalidInputException("recuse", "error.sheet.recusalCrossOnly");
    }
    if (reason == null) {
      throw new InvalidInputException("recusalReason", "error.sheet.recusalReason");
    }
    if (!entries.isEmpty()) {
      throw new InvalidInputException("scores", "error.sheet.recusedWithScores");
    }
    return reason;
  }

  /** An absolute http or https link with a host, nothing else (no javascript:, no data:). */
  static boolean isLink(String s) {
    if (s.length() > 500 || s.chars().anyMatch(ch -> ch <= ' ')) {
      return false;
    }
    try {
      java.net.URI u = new java.net.URI(s);
      return ("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme()))
          && u.getHost() != null
          && s.matches("(?i)^https?://.*");
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  private static List<Criterion> manual(PactView pact) {
    return pact.definition().criteria().stream().filter(c -> c.method() == Method.MANUAL).toList();
  }

  /** Scores within 0..max of MANUAL criteria, each once; an abstention has no points. */
  private static List<SheetView.Entry> entries(PactView pact, List<ScoreEntry> scores) {
    List<SheetView.Entry> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < scores.size(); i++) {
      ScoreEntry e = scores.get(i);
      String f = "scores[" + i + "]";
      Criterion c =
          manual(pact).stream()
              .filter(x -> x.code().equals(e.criterion()))
              .findFirst()
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          f + ".criterion", "error.sheet.notManual", e.criterion()));
      if (!seen.add(c.code())) {
        throw new InvalidInputException(f + ".criterion", "error.sheet.duplicate", c.code());
      }
      if (e.abstain()) {
        if (e.points() != null) {
          throw new InvalidInputException(f + ".points", "error.sheet.abstainWithPoints", c.code());
        }
      } else {
        if (e.points() == null) {
          throw new InvalidInputException(f + ".points", "error.sheet.pointsRequired", c.code());
        }
        if (e.points().signum() < 0
            || e.points().compareTo(c.maxPoints()) > 0
            || e.points().scale() > 2 && e.points().stripTrailingZeros().scale() > 2) {
          throw new InvalidInputException(
              f + ".points",
              "error.sheet.range",
              e.points().toPlainString(),
              c.code(),
              ScoreEngine.plain(c.maxPoints()));
        }
      }
      String evidence = e.evidence() == null || e.evidence().isBlank() ? null : e.evidence().trim();
      if (evidence != null && !isLink(evidence)) {
        throw new InvalidInputException(f + ".evidence", "error.sheet.evidence", c.code());
      }
      out.add(
          new SheetView.Entry(
              c.code(),
              e.abstain() ? null : e.points(),
              e.abstain(),
              e.comment() == null || e.comment().isBlank() ? null : e.comment().trim(),
              evidence));
    }
    return out;
  }
}
