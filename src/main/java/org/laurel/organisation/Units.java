package org.laurel.organisation;

import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.laurel.access.Access;
import org.laurel.access.Actor;
import org.laurel.audit.AuditLog;
import org.laurel.organisation.UnitCommands.Link;
import org.laurel.organisation.UnitCommands.NewUnit;
import org.laurel.organisation.UnitCommands.Rename;
import org.laurel.organisation.UnitCommands.Restructure;
import org.laurel.organisation.UnitCommands.Transfer;
import org.laurel.organisation.UnitCommands.UnitCorrection;
import org.laurel.shared.ConflictException;
import org.laurel.shared.InvalidInputException;
import org.laurel.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/** Units, their hierarchy over time, and reorganisations with lineage. */
@Service
@Validated
public class Units {

  private static final BigDecimal ONE = BigDecimal.ONE;

  private final UnitRepository repo;
  private final Access access;
  private final AuditLog audit;
  private final Clock clock;

  Units(UnitRepository repo, Access access, AuditLog audit, Clock clock) {
    this.repo = repo;
    this.access = access;
    this.audit = audit;
    this.clock = clock;
  }

  // ---- reading

  @Transactional(readOnly = true)
  public UnitView get(String code) {
    return find(code).orElseThrow(() -> new NotFoundException("error.unit.notFound", code));
  }

  /** The unit under its current name, whatever the date. */
  private UnitView current(String code) {
    return repo.findByCode(code, LocalDate.of(9999, 12, 31))
        .orElseThrow(() -> new NotFoundException("error.unit.notFound", code));
  }

  @Transactional(readOnly = true)
  public Optional<UnitView> find(String code) {
    return repo.findByCode(code, today());
  }

  /** Units by code, as {@link #find} gives each, in one query; unknown codes are left out. */
  @Transactional(readOnly = true)
  public List<UnitView> findAll(java.util.Collection<String> codes) {
    return codes.isEmpty() ? List.of() : repo.findByCodes(codes, today());
  }

  /** Units by id, as {@link #findById} gives each, in two queries; unknown ids are left out. */
  @Transactional(readOnly = true)
  public List<UnitView> findAllById(java.util.Collection<Long> ids) {
    return ids.isEmpty() ? List.of() : findAll(repo.codesOf(ids));
  }

  @Transactional(readOnly = true)
  public Optional<UnitView> findById(long id) {
    return repo.codeOf(id).flatMap(this::find);
  }

  /** The unit and all units below it today: a reporter's scope. */
  @Transactional(readOnly = true)
  public java.util.Set<Long> subtree(long unitId) {
    return java.util.Set.copyOf(repo.subtree(unitId, today()));
  }

  @Transactional(readOnly = true)
  public boolean isWithin(long unitId, long ancestorId) {
    return unitId == ancestorId || repo.isWithin(unitId, ancestorId, today());
  }

  @Transactional(readOnly = true)
  public List<UnitView> validOn(LocalDate day, @Nullable UnitKind kind, @Nullable String parent) {
    return repo.validOn(day, kind, parent);
  }

  @Transactional(readOnly = true)
  public List<UnitView> all() {
    return repo.all();
  }

  @Transactional(readOnly = true)
  public List<String> childrenOn(String code, LocalDate day) {
    return repo.childrenOn(get(code).id(), day);
  }

  /** Where the unit came from: links into it, oldest first. */
  @Transactional(readOnly = true)
  public List<LineageLink> predecessors(String code) {
    return repo.linksInto(get(code).id());
  }

  /** Lineage links into any of the given units (by id), oldest first. */
  @Transactional(readOnly = true)
  public List<LineageLink> predecessorsOf(java.util.Collection<Long> unitIds) {
    return unitIds.isEmpty() ? List.of() : repo.linksInto(unitIds);
  }

  /** What the unit went into. */
  @Transactional(readOnly = true)
  public List<LineageLink> successors(String code) {
    return repo.linksOutOf(get(code).id());
  }

  @Transactional(readOnly = true)
  public List<ReorganisationView> reorganisations(@Nullable String unitCode) {
    return repo.reorganisations(unitCode == null ? null : get(unitCode).id());
  }

  // ---- writing

  @Transactional
  public UnitView create(@Valid NewUnit cmd) {
    access.requireSecretariat();
    UnitView created = insertUnit(cmd, "code");
    audit.record("unit.created", "unit", created.code(), null, created);
    return created;
  }

  @Transactional
  public UnitView correct(String code, @Valid UnitCorrection cmd) {
    access.requireSecretariat();
    UnitView before = get(code);
    if (repo.update(before.id(), cmd.name().trim(), cmd.kind(), cmd.version()) == 0) {
      throw ConflictException.staleVersion();
    }
    UnitView after = get(code);
    audit.record("unit.corrected", "unit", code, before, after);
    return after;
  }

  @Transactional
  public ReorganisationView rename(String code, @Valid Rename cmd) {
    Actor actor = access.requireSecretariat();
    UnitView before = current(code);
    requireValidOn(before, cmd.effectiveDate(), "effectiveDate");
    UnitKind kind = cmd.newKind() == null ? before.kind() : cmd.newKind();
    LocalDate since = repo.currentNameSince(before.id());
    if (!cmd.effectiveDate().isAfter(since)) {
      // renames are recorded in order; an earlier one would rewrite history in the middle
      throw new ConflictException("error.unit.renameOrder", code, since.toString());
    }
    repo.keepFormerName(
        before.id(), before.name(), before.kind(), since, cmd.effectiveDate().minusDays(1));
    repo.rename(before.id(), cmd.newName().trim(), kind);
    long id =
        repo.insertReorganisation(
            ReorganisationKind.RENAME,
            cmd.effectiveDate(),
            cmd.reference(),
            null,
            before.synthetic(),
            before.id(),
            before.name() + " (" + before.kind() + ")",
            cmd.newName().trim() + " (" + kind + ")",
            actor.username());
    audit.record("unit.renamed", "unit", code, before, current(code));
    return reorganisation(id);
  }

  @Transactional
  public ReorganisationView transfer(String code, @Valid Transfer cmd) {
    Actor actor = access.requireSecretariat();
    UnitView before = get(code);
    requireValidOn(before, cmd.effectiveDate(), "effectiveDate");
    UnitView parent = requireUnit(cmd.newParentCode(), "newParentCode");
    requireValidOn(parent, cmd.effectiveDate(), "newParentCode");
    if (parent.id() == before.id()
        || repo.isWithin(parent.id(), before.id(), cmd.effectiveDate())) {
      throw new InvalidInputException("newParentCode", "error.unit.cycle", parent.code());
    }
    if (repo.hasParentLinkFrom(before.id(), cmd.effectiveDate())) {
      throw new ConflictException("error.unit.laterTransfer", code);
    }
    var oldEnd = repo.closeParent(before.id(), cmd.effectiveDate());
    // the new link lasts as long as the old one would have (or as the unit, if it had none)
    LocalDate end = oldEnd.isPresent() ? oldEnd.get() : before.validTo();
    if (parent.validTo() != null && (end == null || end.isAfter(parent.validTo()))) {
      throw new InvalidInputException(
          "newParentCode", "error.unit.parentEndsEarlier", parent.code());
    }
    repo.linkParent(before.id(), parent.id(), cmd.effectiveDate(), end);
    long id =
        repo.insertReorganisation(
            ReorganisationKind.TRANSFER,
            cmd.effectiveDate(),
            cmd.reference(),
            null,
            before.synthetic(),
            before.id(),
            before.parentCode(),
            parent.code(),
            actor.username());
    audit.record("unit.transferred", "unit", code, before, get(code));
    return reorganisation(id);
  }

  /** Ends a unit without successor, e.g. a district when the district level was abolished. */
  @Transactional
  public ReorganisationView dissolve(String code, @Valid UnitCommands.Dissolve cmd) {
    Actor actor = access.requireSecretariat();
    UnitView before = get(code);
    requireValidOn(before, cmd.effectiveDate().minusDays(1), "effectiveDate");
    List<String> children = repo.childrenOn(before.id(), cmd.effectiveDate());
    if (!children.isEmpty()) {
      throw new InvalidInputException(
          "effectiveDate", "error.reorg.hasChildren", code, String.join(", ", children));
    }
    repo.end(before.id(), cmd.effectiveDate().minusDays(1));
    long id =
        repo.insertReorganisation(
            ReorganisationKind.DISSOLVE,
            cmd.effectiveDate(),
            cmd.reference(),
            null,
            before.synthetic(),
            before.id(),
            null,
            null,
            actor.username());
    audit.record("unit.dissolved", "unit", code, before, get(code));
    return reorganisation(id);
  }

  @Transactional
  public ReorganisationView restructure(@Valid Restructure cmd) {
    Actor actor = access.requireSecretariat();
    if (cmd.kind() != ReorganisationKind.MERGE && cmd.kind() != ReorganisationKind.SPLIT) {
      throw new InvalidInputException("kind", "error.reorg.kind");
    }
    LocalDate day = cmd.effectiveDate();
    Map<String, UnitView> created = new LinkedHashMap<>();
    for (int i = 0; i < cmd.newUnits().size(); i++) {
      NewUnit n = cmd.newUnits().get(i);
      if (!n.validFrom().equals(day)) {
        throw new InvalidInputException(
            "newUnits[" + i + "].validFrom", "error.reorg.newUnitStart");
      }
      created.put(n.code(), insertUnit(n, "newUnits[" + i + "].code"));
    }
    Set<String> predecessors = new LinkedHashSet<>();
    Set<String> successors = new LinkedHashSet<>();
    Map<String, BigDecimal> shareOut = new LinkedHashMap<>();
    Map<String, UnitView> units = new LinkedHashMap<>(created);
    for (int i = 0; i < cmd.links().size(); i++) {
      Link l = cmd.links().get(i);
      String at = "links[" + i + "]";
      UnitView p = units.computeIfAbsent(l.predecessor(), c -> requireUnit(c, at + ".predecessor"));
      UnitView s = units.computeIfAbsent(l.successor(), c -> requireUnit(c, at + ".successor"));
      if (created.containsKey(p.code())) {
        throw new InvalidInputException(
            at + ".predecessor", "error.reorg.newPredecessor", p.code());
      }
      requireValidOn(p, day.minusDays(1), at + ".predecessor");
      requireValidOn(s, day, at + ".successor");
      if (p.code().equals(s.code())) {
        throw new InvalidInputException(at + ".successor", "error.reorg.selfLink", p.code());
      }
      predecessors.add(p.code());
      successors.add(s.code());
      shareOut.merge(p.code(), l.share(), BigDecimal::add);
    }
    // a merge may also absorb units into an existing one, which then carries on
    boolean absorbs = successors.size() == 1 && !created.containsKey(successors.iterator().next());
    if (cmd.kind() == ReorganisationKind.MERGE
        && (successors.size() != 1 || (predecessors.size() < 2 && !absorbs))) {
      throw new InvalidInputException("links", "error.reorg.mergeShape");
    }
    if (cmd.kind() == ReorganisationKind.SPLIT
        && (predecessors.size() != 1 || successors.size() < 2)) {
      throw new InvalidInputException("links", "error.reorg.splitShape");
    }
    for (String p : predecessors) {
      UnitView pred = units.get(p);
      BigDecimal total = shareOut.get(p).add(repo.sharePassedOn(pred.id()));
      if (total.compareTo(ONE) > 0) {
        throw new InvalidInputException("links", "error.reorg.shareOver", p, total.toPlainString());
      }
      boolean continues = successors.contains(p);
      if (!continues && total.compareTo(ONE) != 0) {
        // a unit that ends must hand on all of itself, or figures would vanish from history
        throw new InvalidInputException(
            "links", "error.reorg.shareUnder", p, total.toPlainString());
      }
    }
    long id =
        repo.insertReorganisation(
            cmd.kind(),
            day,
            cmd.reference(),
            cmd.description(),
            cmd.synthetic(),
            null,
            null,
            null,
            actor.username());
    for (Link l : cmd.links()) {
      repo.insertLink(
          id, units.get(l.predecessor()).id(), units.get(l.successor()).id(), l.share());
    }
    for (String p : predecessors) {
      if (!successors.contains(p)) {
        UnitView pred = units.get(p);
        List<String> children = repo.childrenOn(pred.id(), day);
        if (!children.isEmpty()) {
          throw new InvalidInputException(
              "links", "error.reorg.hasChildren", p, String.join(", ", children));
        }
        repo.end(pred.id(), day.minusDays(1));
      }
    }
    ReorganisationView result = reorganisation(id);
    audit.record(
        "reorganisation." + cmd.kind().name().toLowerCase(java.util.Locale.ROOT),
        "reorganisation",
        Long.toString(id),
        null,
        result);
    return result;
  }

  @Transactional(readOnly = true)
  public ReorganisationView reorganisation(long id) {
    return repo.reorganisation(id)
        .orElseThrow(() -> new NotFoundException("error.reorg.notFound", id));
  }

  private UnitView insertUnit(NewUnit cmd, String codeField) {
    if (repo.idOf(cmd.code()).isPresent()) {
      throw new ConflictException("error.unit.exists", cmd.code());
    }
    long id =
        repo.insert(cmd.code(), cmd.name().trim(), cmd.kind(), cmd.validFrom(), cmd.synthetic());
    if (cmd.parentCode() != null && !cmd.parentCode().isBlank()) {
      UnitView parent = requireUnit(cmd.parentCode(), "parentCode");
      requireValidOn(parent, cmd.validFrom(), "parentCode");
      repo.linkParent(id, parent.id(), cmd.validFrom());
    } else if (cmd.kind() != UnitKind.PROVINCE && cmd.kind() != UnitKind.CITY) {
      throw new InvalidInputException("parentCode", "error.unit.parentRequired");
    }
    return repo.findByCode(cmd.code(), cmd.validFrom()).orElseThrow();
  }

  private UnitView requireUnit(String code, String field) {
    return find(code)
        .orElseThrow(() -> new InvalidInputException(field, "error.unit.unknown", code));
  }

  private static void requireValidOn(UnitView u, LocalDate day, String field) {
    if (!u.validOn(day)) {
      throw new InvalidInputException(field, "error.unit.notValidOn", u.code(), day.toString());
    }
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }
}
