/** Units and their effective-dated hierarchy, reorganisations with lineage, and people. */
@NullMarked
@ApplicationModule(displayName = "Organisation")
package org.laurel.organisation;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
