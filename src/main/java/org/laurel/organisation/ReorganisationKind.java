package org.laurel.organisation;

public enum ReorganisationKind {
  MERGE,
  SPLIT,
  RENAME,
  TRANSFER,
  /** The unit ends with no successor; its former children carry its history on. */
  DISSOLVE
}
