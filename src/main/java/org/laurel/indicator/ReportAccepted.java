package org.laurel.indicator;

/** A report's values now count: published when a report is accepted or imported as accepted. */
public record ReportAccepted(String unit, String period) {}
