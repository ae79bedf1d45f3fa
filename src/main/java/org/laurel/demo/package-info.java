/** Demo data for a fresh database: the Hải Dương emulation bloc, its council, demo users. */
@NullMarked
@ApplicationModule(displayName = "Demo data")
package org.laurel.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
