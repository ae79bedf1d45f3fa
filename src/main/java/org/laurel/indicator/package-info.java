/**
 * Indicators, estimates, periods, reports and their workflow, imports, and the derived figures
 * (percent of estimate, same period last year across reorganisations, growth, bloc totals, ranks).
 */
@NullMarked
@ApplicationModule(displayName = "Indicators and reports")
package org.laurel.indicator;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
