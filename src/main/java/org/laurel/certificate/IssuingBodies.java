package org.laurel.certificate;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.laurel.organisation.UnitKind;
import org.laurel.organisation.UnitView;
import org.laurel.organisation.Units;
import org.laurel.reward.AwardRecord;
import org.laurel.reward.AwardType;
import org.springframework.stereotype.Component;

/**
 * Who issues an award's certificate: the authority that decides it. The head of a department or
 * agency signs for it; the People's Committee of a commune, district, town, city or province for a
 * territorial unit; the district chair's awards come from the district-level unit above the
 * recipient; the province chair's from the province. National awards (decided by the Prime Minister
 * or the President) are recorded and certified by the province that proposed them.
 */
@Component
class IssuingBodies {

  record Body(String code, String nameVi, String nameEn) {}

  private static final Set<UnitKind> DISTRICT_LEVEL =
      Set.of(UnitKind.CITY, UnitKind.TOWN, UnitKind.DISTRICT);
  private static final Set<UnitKind> OFFICES = Set.of(UnitKind.DEPARTMENT, UnitKind.AGENCY);

  private final Units units;

  IssuingBodies(Units units) {
    this.units = units;
  }

  Body of(AwardRecord award, AwardType type) {
    LocalDate asOf =
        award.decisionDate() != null ? award.decisionDate() : LocalDate.of(award.year(), 12, 31);
    Map<String, UnitView> byCode = new HashMap<>();
    for (UnitView u : units.all()) {
      byCode.put(u.code(), u);
    }
    for (UnitView u : units.validOn(asOf, null, null)) {
      byCode.put(u.code(), u);
    }
    UnitView unit = byCode.get(award.unitCode());
    if (unit == null) {
      throw new IllegalStateException("award " + award.id() + " names an unknown unit");
    }
    UnitView body =
        switch (type.decider()) {
          case UNIT_HEAD -> unit;
          case DISTRICT_CHAIR -> {
            UnitView d = up(unit, byCode, DISTRICT_LEVEL);
            yield d != null ? d : top(unit, byCode);
          }
          default -> top(unit, byCode);
        };
    return body(body);
  }

  static Body body(UnitView u) {
    if (OFFICES.contains(u.kind())) {
      return new Body(u.code(), u.name(), u.name());
    }
    String lower = Character.toLowerCase(u.name().charAt(0)) + u.name().substring(1);
    return new Body(u.code(), "Ủy ban nhân dân " + lower, "People's Committee of " + u.name());
  }

  private static @Nullable UnitView up(
      UnitView from, Map<String, UnitView> byCode, Set<UnitKind> kinds) {
    UnitView u = from;
    for (int hops = 0; u != null && hops < 20; hops++) {
      if (kinds.contains(u.kind())) {
        return u;
      }
      u = u.parentCode() == null ? null : byCode.get(u.parentCode());
    }
    return null;
  }

  /** The province above the unit, or the topmost unit when there is none. */
  private static UnitView top(UnitView from, Map<String, UnitView> byCode) {
    UnitView u = from;
    for (int hops = 0; hops < 20; hops++) {
      if (u.kind() == UnitKind.PROVINCE || u.parentCode() == null) {
        return u;
      }
      UnitView parent = byCode.get(u.parentCode());
      if (parent == null) {
        return u;
      }
      u = parent;
    }
    return u;
  }
}
