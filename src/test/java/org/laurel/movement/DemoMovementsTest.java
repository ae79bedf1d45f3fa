package org.laurel.movement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.laurel.organisation.People;
import org.laurel.organisation.PersonView;
import org.laurel.support.LaurelTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo gives reward eligibility people with recognised initiatives in 2024. */
@LaurelTest
class DemoMovementsTest {

  @Autowired People people;
  @Autowired Initiatives initiatives;

  @Test
  void tuKysEmulationOfficerHasAProvincialInitiativeRecognisedIn2024() {
    PersonView officer = people.list("TK", "Cán bộ thi đua Huyện Tứ Kỳ").get(0);
    assertThat(
            initiatives.recognisedFor(
                officer.id(), LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.level()).isEqualTo(RecognisedInitiative.Level.PROVINCIAL);
              assertThat(r.decisionNumber()).isEqualTo("1520/QĐ-UBND");
            });
    PersonView board = people.list("SNV", "Phạm Thu Hà").get(0);
    assertThat(
            initiatives.recognisedFor(
                board.id(), LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)))
        .extracting(RecognisedInitiative::level)
        .containsExactly(RecognisedInitiative.Level.GRASSROOTS);
    // the movement demo records a dozen; the reward demo adds its candidate's own
    assertThat(initiatives.list(new Initiatives.Filter(null, null, null))).hasSizeGreaterThan(12);
  }
}
