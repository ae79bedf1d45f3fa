package org.laurel.review;

import java.time.Clock;
import java.time.LocalDate;
import org.laurel.access.Access;
import org.laurel.bloc.Blocs;
import org.laurel.bloc.Councils;
import org.laurel.organisation.People;
import org.laurel.organisation.Units;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

  private final Units units;
  private final People people;
  private final Blocs blocs;
  private final Councils councils;
  private final Clock clock;

  HomeController(Units units, People people, Blocs blocs, Councils councils, Clock clock) {
    this.units = units;
    this.people = people;
    this.blocs = blocs;
    this.councils = councils;
    this.clock = clock;
  }

  @GetMapping("/")
  String home(Model model) {
    model.addAttribute("actor", Access.current());
    model.addAttribute("unitCount", units.validOn(LocalDate.now(clock), null, null).size());
    model.addAttribute("blocCount", blocs.list(null).size());
    model.addAttribute("councilCount", councils.list().size());
    model.addAttribute("peopleCount", people.list(null, null).size());
    return "home";
  }
}
