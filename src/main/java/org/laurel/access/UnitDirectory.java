package org.laurel.access;

import java.util.Optional;

/**
 * What access needs to know of units, provided by the organisation module (which depends on access,
 * not the other way round).
 */
public interface UnitDirectory {
  Optional<Long> idOfCode(String code);

  String codeOf(long unitId);

  /** Whether {@code unitId} is {@code ancestorId} or lies below it in today's hierarchy. */
  boolean isWithin(long unitId, long ancestorId);
}
