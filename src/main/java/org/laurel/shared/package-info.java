/** What every module shares: errors that map to HTTP statuses, the database, locales. */
@NullMarked
@ApplicationModule(displayName = "Shared kernel", type = ApplicationModule.Type.OPEN)
package org.laurel.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
