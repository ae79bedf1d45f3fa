package org.laurel.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A citizen opens the public portal on a phone, without signing in. */
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
class PortalBrowserTest {

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
  void readsThePortalOnAPhoneWithoutSigningIn() throws Exception {
    browser = Browsers.start();
    browser.manage().window().setSize(new Dimension(390, 844));
    var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    browser.get("http://localhost:" + port + "/portal?lang=vi");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-chart-ready]")));
    assertThat(browser.getCurrentUrl()).doesNotContain("/login");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Phong trào thi đua");
    assertThat(browser.findElement(By.tagName("main")).getText())
        .contains("Phong trào thi đua yêu nước năm 2024")
        .contains("Chuyển đổi cơ cấu cây trồng sang cây ăn quả giá trị cao")
        .doesNotContain("Hộ nông dân sản xuất kinh doanh giỏi");
    assertThat(noSidewaysScroll()).as("nothing wider than the phone").isTrue();
    screenshot("portal-phone.png");
    browser.executeScript("document.querySelector('.chart').scrollIntoView()");
    screenshot("portal-phone-models.png");

    long id =
        jdbc.sql("select id from movement where code = 'TDYN-2024'").query(Long.class).single();
    browser.get("http://localhost:" + port + "/portal/movements/" + id + "?lang=en");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-chart-ready]")));
    assertThat(browser.findElement(By.tagName("main")).getText())
        .contains("10 of 12 units registered");
    assertThat(noSidewaysScroll()).isTrue();
    screenshot("portal-phone-movement.png");
  }

  private boolean noSidewaysScroll() {
    Object r =
        browser.executeScript(
            "return document.documentElement.scrollWidth <= window.innerWidth + 1;");
    return Boolean.TRUE.equals(r);
  }

  private void screenshot(String name) throws Exception {
    Path dir = Files.createDirectories(Path.of("target/screenshots"));
    Files.copy(
        browser.getScreenshotAs(OutputType.FILE).toPath(),
        dir.resolve(name),
        StandardCopyOption.REPLACE_EXISTING);
  }
}
