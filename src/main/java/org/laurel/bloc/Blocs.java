package org.laurel.bloc;

import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.laurel.access.Access;
import org.laurel.access.Actor;
import org.laurel.access.Role;
import org.laurel.audit.AuditLog;
import org.laurel.bloc.BlocCommands.BlocChange;
import org.laurel.bloc.BlocCommands.DescriptionChange;
import org.laurel.bloc.BlocCommands.NewBloc;
import org.laurel.organisation.UnitView;
import org.laurel.organisation.Units;
import org.laurel.shared.ConflictException;
import org.laurel.shared.ForbiddenException;
import org.laurel.shared.InvalidInputException;
import org.laurel.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Emulation blocs. The secretariat sets them up for a year; the head unit's officer keeps the
 * bloc's description (its programme for the year).
 */
@Service
@Validated
public class Blocs {

  private final BlocRepository repo;
  private final Units units;
  private final Access access;
  private final AuditLog audit;

  Blocs(BlocRepository repo, Units units, Access access, AuditLog audit) {
    this.repo = repo;
    this.units = units;
    this.access = access;
    this.audit = audit;
  }

  @Transactional(readOnly = true)
  public List<BlocView> list(@Nullable Integer year) {
    return repo.byYear(year);
  }

  /** Blocs by id with their members, in two queries whatever their number; unknown ids left out. */
  @Transactional(readOnly = true)
  public List<BlocView> getAll(java.util.Collection<Long> ids) {
    return ids.isEmpty() ? List.of() : repo.byIds(ids);
  }

  @Transactional(readOnly = true)
  public BlocView get(long id) {
    return repo.find(id).orElseThrow(() -> new NotFoundException("error.bloc.notFound", id));
  }

  /** Whether the actor may edit this bloc's description: secretariat, or the head's officer. */
  public boolean mayDescribe(Actor actor, BlocView bloc) {
    return actor.role().isSecretariat()
        || (actor.role() == Role.BLOC_HEAD && actor.unitId() == bloc.head().id());
  }

  @Transactional
  public BlocView create(@Valid NewBloc cmd) {
    access.requireSecretariat();
    if (repo.exists(cmd.code(), cmd.year())) {
      throw new ConflictException("error.bloc.exists", cmd.code(), cmd.year());
    }
    Members m = members(cmd.year(), cmd.memberCodes(), cmd.headCode(), cmd.deputyCode());
    long id =
        repo.insert(
            cmd.code(),
            cmd.name().trim(),
            cmd.year(),
            blank(cmd.description()),
            m.head(),
            m.deputy());
    repo.replaceMembers(id, m.ids().values());
    BlocView created = get(id);
    audit.record("bloc.created", "bloc", Long.toString(id), null, created);
    return created;
  }

  @Transactional
  public BlocView update(long id, @Valid BlocChange cmd) {
    access.requireSecretariat();
    BlocView before = get(id);
    Members m = members(before.year(), cmd.memberCodes(), cmd.headCode(), cmd.deputyCode());
    if (repo.update(
            id, cmd.name().trim(), blank(cmd.description()), m.head(), m.deputy(), cmd.version())
        == 0) {
      throw ConflictException.staleVersion();
    }
    repo.replaceMembers(id, m.ids().values());
    BlocView after = get(id);
    audit.record("bloc.updated", "bloc", Long.toString(id), before, after);
    return after;
  }

  @Transactional
  public BlocView describe(long id, @Valid DescriptionChange cmd) {
    BlocView before = get(id);
    if (!mayDescribe(Access.current(), before)) {
      throw ForbiddenException.outOfScope();
    }
    if (repo.updateDescription(id, blank(cmd.description()), cmd.version()) == 0) {
      throw ConflictException.staleVersion();
    }
    BlocView after = get(id);
    audit.record(
        "bloc.described",
        "bloc",
        Long.toString(id),
        Map.of("description", String.valueOf(before.description())),
        Map.of("description", String.valueOf(after.description())));
    return after;
  }

  private record Members(Map<String, Long> ids, long head, long deputy) {}

  private Members members(int year, List<String> codes, String headCode, String deputyCode) {
    LocalDate first = LocalDate.of(year, 1, 1);
    LocalDate last = LocalDate.of(year, 12, 31);
    Map<String, Long> ids = new LinkedHashMap<>();
    for (int i = 0; i < codes.size(); i++) {
      String code = codes.get(i).trim();
      String field = "memberCodes[" + i + "]";
      UnitView u =
          units
              .find(code)
              .orElseThrow(() -> new InvalidInputException(field, "error.unit.unknown", code));
      // a member must exist at some time during the bloc's year
      if (u.validFrom().isAfter(last) || (u.validTo() != null && u.validTo().isBefore(first))) {
        throw new InvalidInputException(field, "error.bloc.memberNotInYear", code, year);
      }
      if (ids.put(code, u.id()) != null) {
        throw new InvalidInputException(field, "error.bloc.duplicateMember", code);
      }
    }
    if (!ids.containsKey(headCode)) {
      throw new InvalidInputException("headCode", "error.bloc.headNotMember", headCode);
    }
    if (!ids.containsKey(deputyCode)) {
      throw new InvalidInputException("deputyCode", "error.bloc.deputyNotMember", deputyCode);
    }
    if (headCode.equals(deputyCode)) {
      throw new InvalidInputException("deputyCode", "error.bloc.headIsDeputy");
    }
    return new Members(ids, ids.get(headCode), ids.get(deputyCode));
  }

  private static @Nullable String blank(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
