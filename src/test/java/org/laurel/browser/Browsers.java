package org.laurel.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and chromedriver, never a downloaded browser. Without them the browser tests
 * are skipped with a message, unless {@code -Dlaurel.browser=required} (as in CI) makes them fail.
 */
final class Browsers {
  private Browsers() {}

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  static ChromeDriver start() throws Exception {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
    if (!present) {
      String message =
          "Browser tests SKIPPED: Debian's chromium and chromium-driver are not installed "
              + "(apt-get install -y chromium chromium-driver).";
      if ("required".equals(System.getProperty("laurel.browser"))) {
        Assertions.fail(message + " They are required here (-Dlaurel.browser=required).");
      }
      System.err.println(message);
      Assumptions.abort(message);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,900",
        "--lang=vi",
        "--user-data-dir=" + Files.createTempDirectory("laurel-chromium"));
    // the browser asks for Vietnamese first, as a civil servant's would
    options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "vi,en"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(DRIVER.toString()))
            .build();
    return new ChromeDriver(service, options);
  }

  /** Writes what the browser shows to target/screenshots/{name}. */
  static void screenshot(ChromeDriver browser, String name) throws java.io.IOException {
    Path dir = Files.createDirectories(Path.of("target/screenshots"));
    Files.copy(
        browser.getScreenshotAs(org.openqa.selenium.OutputType.FILE).toPath(),
        dir.resolve(name),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  /** Signs {@code user} (password demo) in through the login page, in English. */
  static void signIn(
      ChromeDriver browser,
      org.openqa.selenium.support.ui.WebDriverWait wait,
      String base,
      String user) {
    browser.get(base + "/login?lang=en");
    browser.findElement(org.openqa.selenium.By.id("username")).sendKeys(user);
    browser.findElement(org.openqa.selenium.By.id("password")).sendKeys("demo");
    browser.findElement(org.openqa.selenium.By.cssSelector("form button[type=submit]")).click();
    wait.until(org.openqa.selenium.support.ui.ExpectedConditions.urlToBe(base + "/"));
  }
}
