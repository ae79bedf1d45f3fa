package org.laurel.movement;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.laurel.movement.Movements.MovementForm;
import org.laurel.movement.Movements.Step;
import org.laurel.movement.Registrations.Participant;
import org.laurel.movement.Registrations.RegistrationForm;
import org.laurel.movement.Registrations.Reopen;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/movements")
@Tag(name = "Movements and registrations")
class MovementApi {

  private final Movements movements;
  private final Registrations registrations;

  MovementApi(Movements movements, Registrations registrations) {
    this.movements = movements;
    this.registrations = registrations;
  }

  @GetMapping
  @Operation(summary = "Movements of a year (all years when omitted)")
  List<MovementView> list(@RequestParam(required = false) @Nullable Integer year) {
    return movements.list(year);
  }

  @GetMapping("/{id}")
  MovementView get(@PathVariable long id) {
    return movements.get(id);
  }

  @PostMapping
  @Operation(summary = "Set up a movement as a draft (secretariat)")
  ResponseEntity<MovementView> create(@Valid @RequestBody MovementForm form) {
    MovementView m = movements.create(form);
    return ResponseEntity.created(URI.create("/api/v1/movements/" + m.id())).body(m);
  }

  @PutMapping("/{id}")
  MovementView update(@PathVariable long id, @Valid @RequestBody MovementForm form) {
    return movements.update(id, form);
  }

  @PostMapping("/{id}/launch")
  @Operation(summary = "Draft → launched; needs the launching decision")
  MovementView launch(@PathVariable long id, @Valid @RequestBody Step step) {
    return movements.launch(id, step);
  }

  @PostMapping("/{id}/start")
  @Operation(summary = "Launched → in progress")
  MovementView start(@PathVariable long id, @Valid @RequestBody Step step) {
    return movements.start(id, step);
  }

  @PostMapping("/{id}/review")
  @Operation(summary = "In progress → reviewed")
  MovementView review(@PathVariable long id, @Valid @RequestBody Step step) {
    return movements.review(id, step);
  }

  @PostMapping("/{id}/close")
  @Operation(summary = "Reviewed → closed")
  MovementView close(@PathVariable long id, @Valid @RequestBody Step step) {
    return movements.close(id, step);
  }

  @PostMapping("/{id}/publish")
  @Operation(summary = "Show the movement on the public portal (not a draft)")
  MovementView publish(@PathVariable long id, @Valid @RequestBody Step step) {
    return movements.publish(id, true, step);
  }

  @PostMapping("/{id}/unpublish")
  @Operation(summary = "Take the movement off the public portal")
  MovementView unpublish(@PathVariable long id, @Valid @RequestBody Step step) {
    return movements.publish(id, false, step);
  }

  @GetMapping("/{id}/registrations")
  List<RegistrationView> registrations(@PathVariable long id) {
    return registrations.list(id);
  }

  @GetMapping("/{id}/registrations/{unit}")
  RegistrationView registration(@PathVariable long id, @PathVariable String unit) {
    return registrations.get(id, unit);
  }

  @GetMapping("/{id}/participation")
  @Operation(summary = "The units expected to register, and whether each has")
  List<Participant> participation(@PathVariable long id) {
    return registrations.participation(id);
  }

  @PostMapping("/{id}/registrations")
  @Operation(summary = "Register a unit's titles, targets and people (once per unit)")
  ResponseEntity<RegistrationView> register(
      @PathVariable long id, @Valid @RequestBody RegistrationForm form) {
    RegistrationView r = registrations.register(id, form);
    return ResponseEntity.created(
            URI.create("/api/v1/movements/" + id + "/registrations/" + r.unitCode()))
        .body(r);
  }

  @PutMapping("/{id}/registrations/{unit}")
  RegistrationView change(
      @PathVariable long id, @PathVariable String unit, @Valid @RequestBody RegistrationForm form) {
    return registrations.change(id, unit, form);
  }

  @PostMapping("/{id}/registrations/{unit}/reopen")
  @Operation(summary = "Let a unit register after the deadline, until a date (secretariat)")
  ResponseEntity<Void> reopen(
      @PathVariable long id, @PathVariable String unit, @Valid @RequestBody Reopen reopen) {
    registrations.reopen(id, unit, reopen);
    return ResponseEntity.noContent().build();
  }
}
