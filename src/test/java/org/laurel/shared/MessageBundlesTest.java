package org.laurel.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The three languages stay in step, and every key a page uses exists. */
class MessageBundlesTest {

  static final Path I18N = Path.of("src/main/resources/i18n");

  static Stream<String> bundles() throws IOException {
    try (Stream<Path> files = Files.list(I18N)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".properties") && !n.contains("_"))
          .map(n -> n.substring(0, n.length() - ".properties".length()))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest
  @MethodSource("bundles")
  void vietnameseGermanAndEnglishHaveTheSameKeys(String bundle) throws IOException {
    Set<String> en = load(bundle + ".properties").stringPropertyNames();
    assertThat(load(bundle + "_vi.properties").stringPropertyNames())
        .as("keys of %s_vi", bundle)
        .containsExactlyInAnyOrderElementsOf(en);
    assertThat(load(bundle + "_de.properties").stringPropertyNames())
        .as("keys of %s_de", bundle)
        .containsExactlyInAnyOrderElementsOf(en);
  }

  @ParameterizedTest
  @MethodSource("bundles")
  void noMessageIsEmptyAndVietnameseIsNotLeftInEnglish(String bundle) throws IOException {
    Properties en = load(bundle + ".properties");
    Properties vi = load(bundle + "_vi.properties");
    for (String key : en.stringPropertyNames()) {
      assertThat(vi.getProperty(key)).as(key).isNotBlank();
      assertThat(en.getProperty(key)).as(key).isNotBlank();
    }
  }

  @Test
  void everyKeyUsedInATemplateExists() throws IOException {
    Set<String> known = new TreeSet<>();
    for (String b : bundles().toList()) {
      known.addAll(load(b + ".properties").stringPropertyNames());
    }
    Pattern key = Pattern.compile("#\\{([a-zA-Z0-9_.]+)[}(]");
    Set<String> missing = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
        Matcher m = key.matcher(Files.readString(f, StandardCharsets.UTF_8));
        while (m.find()) {
          if (!known.contains(m.group(1))) {
            missing.add(f.getFileName() + ": " + m.group(1));
          }
        }
      }
    }
    assertThat(missing).as("message keys used in templates but in no bundle").isEmpty();
  }

  static Properties load(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(I18N.resolve(name))) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }
}
