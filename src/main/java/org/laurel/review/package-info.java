/** Dashboards and review reports; for now the overview page. */
@NullMarked
@ApplicationModule(displayName = "Review")
package org.laurel.review;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
