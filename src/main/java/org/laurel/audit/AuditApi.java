package org.laurel.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit")
class AuditApi {

  private final AuditLog log;
  private final AuditChain chain;

  AuditApi(AuditLog log, AuditChain chain) {
    this.log = log;
    this.chain = chain;
  }

  @GetMapping("/verify")
  @Operation(summary = "Recompute the hash chain and report the first broken entry")
  AuditChain.Verification verify() {
    return chain.verify();
  }

  @GetMapping
  @Operation(summary = "Audit entries, newest first")
  List<AuditEntry> entries(
      @RequestParam(required = false) @Nullable String entityType,
      @RequestParam(required = false) @Nullable String entityId,
      @RequestParam(required = false) @Nullable String actor,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate to,
      @RequestParam(defaultValue = "0") int page) {
    return log.search(
        new AuditLog.AuditFilter(entityType, entityId, actor, from, to, Math.max(page, 0), 100));
  }
}
