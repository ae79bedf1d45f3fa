package org.laurel.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The secretariat reads the collusion signals (the rule, the demo pair flagged) and asks the
 * what-if question for a manual criterion and for an indicator criterion with its period.
 */
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
class WhatIfSignalsBrowserTest {

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
  void readsTheSignalsAndAsksWhatIf() throws Exception {
    browser = Browsers.start();
    browser.manage().window().setSize(new Dimension(1280, 1200));
    var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    String base = "http://localhost:" + port;
    Browsers.signIn(browser, wait, base, "secretariat");
    long pact =
        jdbc.sql(
                "select p.id from pact p join bloc b on b.id = p.bloc_id"
                    + " where b.code = 'KHOI-HUYEN' and b.year = 2024")
            .query(Long.class)
            .single();

    browser.get(base + "/pacts/" + pact + "/signals?lang=en");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("pairs")));
    assertThat(browser.findElement(By.id("rule")).getText())
        .contains("criterion's max. An assessor's score")
        .contains("at least 5%")
        .contains("fewer than 2 other assessors");
    var flagged = browser.findElements(By.cssSelector("#pairs tr.flagged"));
    assertThat(flagged).hasSize(1);
    assertThat(flagged.get(0).getText()).contains("NG").contains("TM").contains("Stands out");
    Browsers.screenshot(browser, "signals-en.png");
    browser.get(base + "/pacts/" + pact + "/signals?lang=vi");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("pairs")));
    assertThat(browser.findElement(By.id("rule")).getText()).contains("Cách nêu dấu hiệu");
    browser.manage().window().setSize(new Dimension(420, 1200));
    browser.executeScript("document.getElementById('pairs').scrollIntoView()");
    Browsers.screenshot(browser, "signals-vi-narrow.png");
    browser.manage().window().setSize(new Dimension(1280, 1000));

    browser.get(base + "/pacts/" + pact + "/what-if?lang=en");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("what-if-form")));
    new Select(browser.findElement(By.id("unit"))).selectByValue("KT");
    var rank = browser.findElement(By.id("rank"));
    rank.clear();
    rank.sendKeys("11");
    new Select(browser.findElement(By.id("criterion"))).selectByValue("VHXH.GD_YT");
    browser.findElement(By.cssSelector("#what-if-form button")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("what-if-answer")));
    assertThat(browser.findElement(By.cssSelector("#what-if-answer .reachable")).getText())
        .startsWith("VHXH.GD_YT: every score of the unit raised by");
    Browsers.screenshot(browser, "what-if-manual.png");

    new Select(browser.findElement(By.id("criterion"))).selectByValue("KT.THU_NS");
    assertThat(
            new Select(browser.findElement(By.id("criterion"))).getFirstSelectedOption().getText())
        .contains("BUDGET_REVENUE 2024");
    browser.findElement(By.cssSelector("#what-if-form button")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("what-if-answer")));
    assertThat(browser.findElement(By.cssSelector("#what-if-answer .unreachable")).getText())
        .contains("BUDGET_REVENUE 2024");
    Browsers.screenshot(browser, "what-if-indicator.png");
  }
}
