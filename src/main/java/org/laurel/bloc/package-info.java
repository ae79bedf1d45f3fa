/** Emulation blocs per year with their members, head and deputy; councils and their members. */
@NullMarked
@ApplicationModule(displayName = "Blocs and councils")
package org.laurel.bloc;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
