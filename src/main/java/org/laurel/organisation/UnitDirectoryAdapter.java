package org.laurel.organisation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.laurel.access.UnitDirectory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Tells access what it needs of units, without access depending on this module. */
@Component
class UnitDirectoryAdapter implements UnitDirectory {

  private final UnitRepository repo;
  private final Clock clock;

  UnitDirectoryAdapter(UnitRepository repo, Clock clock) {
    this.repo = repo;
    this.clock = clock;
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Long> idOfCode(String code) {
    return repo.idOf(code);
  }

  @Override
  @Transactional(readOnly = true)
  public String codeOf(long unitId) {
    return repo.codeOf(unitId).orElseThrow();
  }

  @Override
  @Transactional(readOnly = true)
  public boolean isWithin(long unitId, long ancestorId) {
    return unitId == ancestorId || repo.isWithin(unitId, ancestorId, LocalDate.now(clock));
  }
}
