package org.laurel.shared;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Languages: Vietnamese, English, German. The browser's preference decides until the user picks one
 * ({@code ?lang=en}), which a cookie then remembers.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

  static final List<Locale> SUPPORTED =
      List.of(Locale.forLanguageTag("vi"), Locale.ENGLISH, Locale.GERMAN);

  @Bean
  LocaleResolver localeResolver() {
    CookieLocaleResolver resolver = new CookieLocaleResolver("laurel-lang");
    resolver.setCookieMaxAge(Duration.ofDays(365));
    resolver.setDefaultLocaleFunction(WebConfiguration::fromBrowser);
    return resolver;
  }

  static Locale fromBrowser(HttpServletRequest request) {
    String header = request.getHeader("Accept-Language");
    if (header != null && !header.isBlank()) {
      try {
        Locale match = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
        if (match != null) {
          return match;
        }
      } catch (IllegalArgumentException ignored) {
        // a malformed header: fall back to the province's language
      }
    }
    return SUPPORTED.get(0);
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    LocaleChangeInterceptor lang = new LocaleChangeInterceptor();
    lang.setParamName("lang");
    lang.setIgnoreInvalidLocale(true);
    registry.addInterceptor(lang);
  }
}
