@NullMarked
package org.laurel;

import org.jspecify.annotations.NullMarked;
