package org.laurel.indicator;

/**
 * What an import did: rows read (without the header), values that were new, changed, or already
 * there (importing the same file twice changes nothing the second time).
 */
public record ImportResult(
    Imports.Kind kind,
    String file,
    String sha256,
    long rows,
    long inserted,
    long updated,
    long unchanged) {}
