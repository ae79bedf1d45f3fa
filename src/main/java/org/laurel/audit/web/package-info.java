@NullMarked
package org.laurel.audit.web;

import org.jspecify.annotations.NullMarked;
