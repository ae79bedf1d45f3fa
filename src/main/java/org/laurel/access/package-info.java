/** Users, roles, unit scope, login, sessions and personal API tokens. */
@NullMarked
@ApplicationModule(displayName = "Access")
package org.laurel.access;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
