package org.laurel.reward;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * After a ballot's close has committed, vacuums the votes table: the row versions the close
 * replaced (in voting order, with their voting transactions' ids) are then gone from the table's
 * pages at once instead of whenever autovacuum comes by. Best effort: a failure is logged, the
 * close stands. VACUUM cannot run in a transaction, so it takes a connection of its own.
 */
@Component
class BallotVacuum {

  private static final Logger log = LoggerFactory.getLogger(BallotVacuum.class);

  private final DataSource dataSource;

  BallotVacuum(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
  void on(BallotClosed closed) {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      c.setAutoCommit(true);
      s.execute("vacuum ballot_vote");
    } catch (SQLException e) {
      log.warn("Could not vacuum the votes after closing ballot {}", closed.ballotRef(), e);
    }
  }
}
