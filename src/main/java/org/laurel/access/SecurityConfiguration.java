package org.laurel.access;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.servlet.support.RequestContextUtils;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  static final ZoneId PROVINCE_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

  /** Scripts and styles only from Laurel itself; no framing, no plugins. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
          + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
          + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

  /** Argon2id at OWASP's minimum: 19 MiB of memory, 2 iterations, 1 lane. */
  @Bean
  PasswordEncoder passwordEncoder() {
    return new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
  }

  @Bean
  UserDetailsService userDetailsService(UserRepository users) {
    return username ->
        users
            .findByUsername(username)
            .map(UserRepository.UserRow::principal)
            .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
  }

  @Bean
  AuthenticationManager authenticationManager(
      UserDetailsService uds, PasswordEncoder encoder, LoginThrottle throttle) {
    DaoAuthenticationProvider dao = new DaoAuthenticationProvider(uds);
    dao.setPasswordEncoder(encoder);
    return new ProviderManager(new ThrottledAuthenticationProvider(dao, throttle));
  }

  @Bean
  @Order(1)
  SecurityFilterChain apiChain(
      HttpSecurity http,
      AuthenticationManager authManager,
      ApiTokens tokens,
      UserRepository users,
      MessageSource messages,
      JsonMapper json)
      throws Exception {
    AuthenticationEntryPoint unauthorized =
        (req, res, ex) -> {
          res.setHeader("WWW-Authenticate", "Basic realm=\"Laurel\"");
          String key =
              ex instanceof ThrottledAuthenticationProvider.ThrottledException
                  ? "error.login.throttled"
                  : ex instanceof DisabledException ? "error.login.disabled" : "error.unauthorized";
          writeProblem(res, 401, "error.title.unauthorized", key, messages, json, req);
        };
    AccessDeniedHandler denied =
        (req, res, ex) ->
            writeProblem(res, 403, "error.title.forbidden", "error.forbidden", messages, json, req);
    http.securityMatcher("/api/**")
        .authenticationManager(authManager)
        .authorizeHttpRequests(
            a ->
                a.requestMatchers(
                        HttpMethod.GET,
                        "/api/v1/units/**",
                        "/api/v1/blocs/**",
                        "/api/v1/councils/**",
                        "/api/v1/portal/**",
                        "/api/v1/openapi/**",
                        "/api/docs/**")
                    .permitAll()
                    // certificates: anyone may verify one (status, credential, PDF), read the
                    // published keys, status lists and issuer profiles; lists, batches and
                    // writes need a sign-in
                    .requestMatchers("/api/v1/certificates/batch/**", "/api/v1/certificates/awards")
                    .authenticated()
                    .requestMatchers(
                        HttpMethod.GET,
                        "/api/v1/certificates/keys",
                        "/api/v1/certificates/status/*",
                        "/api/v1/certificates/issuers/*",
                        "/api/v1/certificates/*",
                        "/api/v1/certificates/*/credential",
                        "/api/v1/certificates/*/pdf")
                    .permitAll()
                    // the public notice of reward proposals: read and comment without signing in
                    .requestMatchers("/api/v1/portal/notices", "/api/v1/portal/notices/**")
                    .permitAll()
                    .requestMatchers("/api/v1/users/**", "/api/v1/users")
                    .hasRole("ADMIN")
                    .requestMatchers("/api/v1/audit/**")
                    .hasAnyRole("ADMIN", "SECRETARIAT")
                    .anyRequest()
                    .authenticated())
        .httpBasic(b -> b.authenticationEntryPoint(unauthorized))
        .addFilterBefore(
            new TokenAuthenticationFilter(tokens, users, unauthorized),
            BasicAuthenticationFilter.class)
        // stateless: the API reads no cookie, so there is nothing for a forged request to ride on
        .csrf(c -> c.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .exceptionHandling(
            e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(denied))
        .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY)));
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain uiChain(HttpSecurity http, AuthenticationManager authManager)
      throws Exception {
    http.authenticationManager(authManager)
        .authorizeHttpRequests(
            a ->
                a.requestMatchers(
                        "/login",
                        "/css/**",
                        "/js/**",
                        "/img/**",
                        "/webjars/**",
                        "/favicon.ico",
                        "/actuator/health",
                        "/actuator/health/**",
                        "/swagger-ui/**",
                        "/portal",
                        "/portal/**",
                        "/verify/*",
                        "/error")
                    .permitAll()
                    .requestMatchers("/audit/**")
                    .hasAnyRole("ADMIN", "SECRETARIAT")
                    .requestMatchers("/admin/**")
                    .hasRole("ADMIN")
                    .anyRequest()
                    .authenticated())
        .formLogin(
            f ->
                f.loginPage("/login")
                    .defaultSuccessUrl("/", false)
                    .failureHandler(loginFailureHandler()))
        .logout(l -> l.logoutSuccessUrl("/login?logout"))
        .headers(
            h ->
                h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                    .referrerPolicy(
                        r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
    return http.build();
  }

  private static AuthenticationFailureHandler loginFailureHandler() {
    return (req, res, ex) -> {
      String target = "/login?error";
      if (ex instanceof ThrottledAuthenticationProvider.ThrottledException t) {
        target =
            "/login?locked="
                + DateTimeFormatter.ofPattern("HH:mm")
                    // the server runs in UTC; the people signing in read the time of their province
                    .withZone(PROVINCE_ZONE)
                    .format(t.until());
      } else if (ex instanceof DisabledException) {
        target = "/login?disabled";
      }
      res.sendRedirect(req.getContextPath() + target);
    };
  }

  private static void writeProblem(
      HttpServletResponse res,
      int status,
      String titleKey,
      String detailKey,
      MessageSource messages,
      JsonMapper json,
      jakarta.servlet.http.HttpServletRequest req)
      throws IOException {
    Locale locale = RequestContextUtils.getLocale(req);
    ProblemDetail p =
        ProblemDetail.forStatusAndDetail(
            org.springframework.http.HttpStatusCode.valueOf(status),
            messages.getMessage(detailKey, null, detailKey, locale));
    p.setTitle(messages.getMessage(titleKey, null, titleKey, locale));
    res.setStatus(status);
    res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    res.setCharacterEncoding(StandardCharsets.UTF_8.name());
    res.getWriter().write(json.writeValueAsString(p));
  }
}
