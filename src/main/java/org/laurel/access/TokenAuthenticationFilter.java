package org.laurel.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/** {@code Authorization: Bearer lrl_…} on the API. */
class TokenAuthenticationFilter extends OncePerRequestFilter {

  private final ApiTokens tokens;
  private final UserRepository users;
  private final AuthenticationEntryPoint entryPoint;

  TokenAuthenticationFilter(
      ApiTokens tokens, UserRepository users, AuthenticationEntryPoint entryPoint) {
    this.tokens = tokens;
    this.users = users;
    this.entryPoint = entryPoint;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      String token = header.substring(7).trim();
      var user =
          tokens
              .authenticate(token)
              .flatMap(users::findById)
              .map(UserRepository.UserRow::principal);
      if (user.isEmpty()) {
        SecurityContextHolder.clearContext();
        entryPoint.commence(
            request, response, new BadCredentialsException("invalid, expired or revoked token"));
        return;
      }
      user.get().eraseCredentials();
      SecurityContext context = SecurityContextHolder.createEmptyContext();
      context.setAuthentication(
          UsernamePasswordAuthenticationToken.authenticated(
              user.get(), null, user.get().getAuthorities()));
      SecurityContextHolder.setContext(context);
    }
    chain.doFilter(request, response);
  }
}
