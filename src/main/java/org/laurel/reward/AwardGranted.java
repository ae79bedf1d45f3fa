package org.laurel.reward;

/**
 * An award entered the history through {@link AwardHistory#grant}: certificates and dashboards
 * listen. Imports of past years publish no event per row.
 */
public record AwardGranted(AwardRecord award) {}
