package org.laurel.organisation;

public enum UnitKind {
  PROVINCE,
  CITY,
  TOWN,
  DISTRICT,
  COMMUNE,
  WARD,
  DEPARTMENT,
  AGENCY
}
