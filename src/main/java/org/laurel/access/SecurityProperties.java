package org.laurel.access;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Login throttling: after a few failures each attempt waits longer, then the account locks. */
@ConfigurationProperties("laurel.security")
record SecurityProperties(
    int maxFailedLoginsBeforeDelay, int maxFailedLoginsBeforeLock, int lockMinutes) {}
