package org.laurel.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A person signs in with a real browser and opens the bloc page. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "laurel.db.data-dir=${java.io.tmpdir}/laurel-browser-${random.uuid}",
      "laurel.demo.enabled=true",
      "laurel.db.embedded-temporary=true",
      // files outside the working tree, as in BrowserApp
      "laurel.reward.attachments-dir=${java.io.tmpdir}/laurel-attachments-${random.uuid}",
      "laurel.scoring.evidence-dir=${java.io.tmpdir}/laurel-evidence-${random.uuid}"
    })
class BlocPageBrowserTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  ChromeDriver browser;

  @AfterEach
  void close() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void signsInAndSeesTheBlocWithItsTwelveMembers() throws Exception {
    browser = Browsers.start();
    var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    browser.get("http://localhost:" + port + "/login");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Đăng nhập");
    browser.findElement(By.id("username")).sendKeys("blochead");
    browser.findElement(By.id("password")).sendKeys("demo");
    browser.findElement(By.cssSelector("form button[type=submit]")).click();
    wait.until(ExpectedConditions.urlToBe("http://localhost:" + port + "/"));

    long bloc =
        jdbc.sql("select id from bloc where code = 'KHOI-HUYEN' and year = 2024")
            .query(Long.class)
            .single();
    browser.get("http://localhost:" + port + "/blocs/" + bloc);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("members")));

    assertThat(browser.findElement(By.tagName("h1")).getText())
        .contains("Khối thi đua các huyện, thị xã, thành phố");
    assertThat(browser.findElements(By.cssSelector("#members tbody tr"))).hasSize(12);
    assertThat(browser.findElement(By.id("members")).getText())
        .contains("Thành phố Chí Linh", "Huyện Tứ Kỳ", "Thị xã Kinh Môn");
    screenshot("bloc-page.png");
  }

  private void screenshot(String name) throws Exception {
    Path dir = Files.createDirectories(Path.of("target/screenshots"));
    Files.copy(
        browser.getScreenshotAs(OutputType.FILE).toPath(),
        dir.resolve(name),
        StandardCopyOption.REPLACE_EXISTING);
  }
}
