package org.laurel.access;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Access", description = "Users and personal API tokens")
class AccessApi {

  record NewToken(
      @NotBlank @Size(max = 100) String name, @Nullable @Min(1) @Max(730) Integer validDays) {}

  private final Users users;
  private final ApiTokens tokens;

  AccessApi(Users users, ApiTokens tokens) {
    this.users = users;
    this.tokens = tokens;
  }

  @GetMapping("/me")
  @Operation(summary = "Who the caller is")
  Actor me() {
    return Access.current();
  }

  @GetMapping("/users")
  List<Users.UserView> users() {
    return users.list();
  }

  @GetMapping("/users/{username}")
  Users.UserView user(@PathVariable String username) {
    return users.get(username);
  }

  @PostMapping("/users")
  ResponseEntity<Users.UserView> create(@Valid @RequestBody Users.NewUser cmd) {
    Users.UserView u = users.create(cmd);
    return ResponseEntity.created(URI.create("/api/v1/users/" + u.username())).body(u);
  }

  @PutMapping("/users/{username}")
  Users.UserView update(@PathVariable String username, @Valid @RequestBody Users.UserChange cmd) {
    return users.update(username, cmd);
  }

  @GetMapping("/tokens")
  @Operation(summary = "The caller's API tokens (never their secrets)")
  List<ApiTokens.TokenInfo> tokens() {
    return tokens.mine();
  }

  @PostMapping("/tokens")
  @Operation(summary = "Create a personal API token; the secret is in this answer only")
  ResponseEntity<ApiTokens.CreatedToken> createToken(@Valid @RequestBody NewToken cmd) {
    ApiTokens.CreatedToken t = tokens.create(cmd.name(), cmd.validDays());
    return ResponseEntity.created(URI.create("/api/v1/tokens")).body(t);
  }

  @DeleteMapping("/tokens/{id}")
  ResponseEntity<Void> revoke(@PathVariable long id) {
    tokens.revoke(id);
    return ResponseEntity.noContent().build();
  }
}
