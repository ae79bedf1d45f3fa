package org.laurel.movement;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.laurel.movement.Examples.Nomination;
import org.laurel.movement.Examples.ReplicationForm;
import org.laurel.movement.Examples.Spread;
import org.laurel.movement.Movements.Step;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/examples")
@Tag(name = "Advanced examples and new models")
class ExampleApi {

  private final Examples examples;

  ExampleApi(Examples examples) {
    this.examples = examples;
  }

  @GetMapping
  @Operation(summary = "Examples and models, newest first; text search in name and story")
  List<ExampleView> list(@RequestParam(required = false) @Nullable String q) {
    return examples.list(false, q);
  }

  @GetMapping("/{id}")
  ExampleView get(@PathVariable long id) {
    return examples.get(id);
  }

  @GetMapping("/spread")
  @Operation(summary = "How many units replicate each example, most first")
  List<Spread> spread() {
    return examples.spread(false);
  }

  @PostMapping
  @Operation(summary = "Nominate an example of a unit (its reporter, or the secretariat)")
  ResponseEntity<ExampleView> nominate(@Valid @RequestBody Nomination n) {
    ExampleView e = examples.nominate(n);
    return ResponseEntity.created(URI.create("/api/v1/examples/" + e.id())).body(e);
  }

  @PostMapping("/{id}/verify")
  ExampleView verify(@PathVariable long id, @Valid @RequestBody Step s) {
    return examples.verify(id, s);
  }

  @PostMapping("/{id}/publish")
  @Operation(summary = "Show a verified example on the public portal")
  ExampleView publish(@PathVariable long id, @Valid @RequestBody Step s) {
    return examples.publish(id, s);
  }

  @PostMapping("/{id}/unpublish")
  ExampleView unpublish(@PathVariable long id, @Valid @RequestBody Step s) {
    return examples.unpublish(id, s);
  }

  @PostMapping("/{id}/replications")
  @Operation(summary = "Record that a unit replicates a published example")
  ResponseEntity<ExampleView> replicate(
      @PathVariable long id, @Valid @RequestBody ReplicationForm f) {
    ExampleView e = examples.replicate(id, f);
    return ResponseEntity.created(URI.create("/api/v1/examples/" + id)).body(e);
  }
}
