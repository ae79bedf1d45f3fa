/** The hash-chained, append-only audit log and its verification. */
@NullMarked
@ApplicationModule(displayName = "Audit")
package org.laurel.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
