package org.laurel.scoring;

import java.time.Instant;

/**
 * A new version of a pact's results was published: {@code version} of the results of bloc {@code
 * bloc} (its code) in {@code year}, computed under {@code pactVersion} of the pact's criteria.
 */
public record ResultsPublished(
    long pactId,
    long blocId,
    String bloc,
    int year,
    int version,
    int pactVersion,
    Instant publishedAt) {}
