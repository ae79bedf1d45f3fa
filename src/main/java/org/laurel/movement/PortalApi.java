package org.laurel.movement;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.laurel.movement.Portal.PublicExample;
import org.laurel.movement.Portal.PublicMovement;
import org.laurel.movement.Portal.SearchResult;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public portal's data, without sign-in: only what is published. */
@RestController
@RequestMapping("/api/v1/portal")
@Tag(name = "Public portal")
class PortalApi {

  private static final CacheControl CACHE = CacheControl.maxAge(60, TimeUnit.SECONDS).cachePublic();

  private final Portal portal;

  PortalApi(Portal portal) {
    this.portal = portal;
  }

  @GetMapping("/movements")
  @Operation(summary = "Current published movements with their mottos and participation")
  ResponseEntity<List<PublicMovement>> movements() {
    return ResponseEntity.ok().cacheControl(CACHE).body(portal.movements());
  }

  @GetMapping("/movements/{id}")
  ResponseEntity<PublicMovement> movement(@PathVariable long id) {
    return ResponseEntity.ok().cacheControl(CACHE).body(portal.movement(id));
  }

  @GetMapping("/examples")
  @Operation(summary = "Published advanced examples and models with their replication")
  ResponseEntity<List<PublicExample>> examples() {
    return ResponseEntity.ok().cacheControl(CACHE).body(portal.examples());
  }

  @GetMapping("/examples/{id}")
  ResponseEntity<PublicExample> example(@PathVariable long id) {
    return ResponseEntity.ok().cacheControl(CACHE).body(portal.example(id));
  }

  @GetMapping("/search")
  @Operation(summary = "Published movements and examples containing the words")
  ResponseEntity<SearchResult> search(@RequestParam(required = false) @Nullable String q) {
    return ResponseEntity.ok().cacheControl(CACHE).body(portal.search(q));
  }
}
