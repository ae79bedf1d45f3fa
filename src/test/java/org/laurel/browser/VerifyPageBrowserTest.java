package org.laurel.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Anyone scans a certificate's QR code with a phone and reads the verification page. */
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
class VerifyPageBrowserTest {

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
  void readsAValidAndARevokedCertificateOnAPhoneWithoutSigningIn() throws Exception {
    browser = Browsers.start();
    browser.manage().window().setSize(new Dimension(390, 844));
    String revoked =
        jdbc.sql("select public_id from certificate where revoked_at is not null and year = 2024")
            .query(String.class)
            .single();
    String valid =
        jdbc
            .sql(
                "select public_id from certificate where revoked_at is null and year = 2024"
                    + " and unit_code = 'CG'")
            .query(String.class)
            .list()
            .stream()
            .findFirst()
            .orElseGet(
                () ->
                    jdbc.sql(
                            "select public_id from certificate where revoked_at is null"
                                + " order by id limit 1")
                        .query(String.class)
                        .single());

    browser.get("http://localhost:" + port + "/verify/" + valid);
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo("Xác thực chứng nhận khen thưởng");
    assertThat(browser.findElement(By.cssSelector(".verdict.valid")).getText())
        .contains("Chứng nhận hợp lệ");
    assertThat(fitsTheScreen()).as("no sideways scrolling on a phone").isTrue();
    screenshot("verify-valid-phone.png");
    browser.findElement(By.cssSelector("details.verify-how summary")).click();
    browser.executeScript(
        "document.querySelector('details.verify-how').scrollIntoView({block:'start'})");
    assertThat(fitsTheScreen()).as("the explanation fits too").isTrue();
    screenshot("verify-explanation-phone.png");

    browser.get("http://localhost:" + port + "/verify/" + revoked + "?lang=en");
    assertThat(browser.findElement(By.cssSelector(".verdict.revoked")).getText())
        .contains("Revoked certificate", "210/QĐ-UBND");
    assertThat(fitsTheScreen()).isTrue();
    screenshot("verify-revoked-phone.png");
  }

  private boolean fitsTheScreen() {
    Object ok =
        browser.executeScript(
            "return document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1;");
    return Boolean.TRUE.equals(ok);
  }

  private void screenshot(String name) throws Exception {
    Path dir = Files.createDirectories(Path.of("target/screenshots"));
    Files.copy(
        browser.getScreenshotAs(OutputType.FILE).toPath(),
        dir.resolve(name),
        StandardCopyOption.REPLACE_EXISTING);
  }
}
