package org.laurel.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.laurel.access.Access;
import org.laurel.organisation.People;
import org.laurel.reward.AwardHistory;
import org.laurel.reward.AwardHistory.NewAward;
import org.laurel.reward.AwardRecord;
import org.laurel.reward.AwardType.Recipient;
import org.laurel.support.LaurelTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@LaurelTest
class CertificateTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired AwardHistory awards;
  @Autowired Certificates certificates;
  @Autowired People people;
  @Autowired JsonMapper json;

  /**
   * Grants an award as the secretariat would; the certificate module hears of it. These tests
   * commit (issuing follows the award's commit), so they use years before the demo's award history
   * (2020–2024), each recipient and year once.
   */
  private AwardRecord grant(Recipient r, String unit, String award, int year, Long person) {
    AwardRecord[] out = new AwardRecord[1];
    Access.runAsSystem(
        "test",
        () ->
            out[0] =
                awards.grant(
                    new NewAward(
                        r,
                        person,
                        person == null ? unit : null,
                        null,
                        award,
                        year,
                        "7/QĐ-UBND",
                        LocalDate.of(year + 1, 1, 20),
                        null)));
    return out[0];
  }

  private CertificateView certificateOf(long awardId) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      var c = certificates.ofAward(awardId);
      if (c.isPresent()) {
        return c.get();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no certificate for award " + awardId);
  }

  private JsonNode getJson(String url) throws Exception {
    return json.readTree(
        mvc.perform(get(url))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8));
  }

  private JWKSet publishedKeys() throws Exception {
    String body =
        mvc.perform(get("/api/v1/certificates/keys"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(body).doesNotContain("\"d\"");
    return JWKSet.parse(body);
  }

  private static boolean verifies(String jwt, JWKSet keys) throws Exception {
    JWSObject jws;
    try {
      jws = JWSObject.parse(jwt);
    } catch (java.text.ParseException e) {
      return false;
    }
    ECKey key = (ECKey) keys.getKeyByKeyId(jws.getHeader().getKeyID());
    return key != null && jws.verify(new ECDSAVerifier(key.toECPublicKey()));
  }

  /** Changes one character of the given segment (0 header, 1 payload, 2 signature). */
  private static String flip(String jwt, int segment, int offset) {
    String[] parts = jwt.split("\\.");
    char[] s = parts[segment].toCharArray();
    int i = Math.min(offset, s.length - 2);
    s[i] = s[i] == 'A' ? 'B' : 'A';
    parts[segment] = new String(s);
    return String.join(".", parts);
  }

  @Test
  void grantedAwardGetsAnOpenBadgeCredentialThatVerifiesWithThePublishedKey() throws Exception {
    long person = people.list("CL", null).get(0).id();
    AwardRecord award = grant(Recipient.INDIVIDUAL, null, "BK_UBND_CN", 2017, person);
    CertificateView c = certificateOf(award.id());
    assertThat(c.publicId()).matches("[a-z2-7]{26}");
    JsonNode api = getJson("/api/v1/certificates/" + c.publicId());
    assertThat(api.get("status").asString()).isEqualTo("VALID");
    String jwt = api.get("credential").asString();

    JWKSet keys = publishedKeys();
    assertThat(verifies(jwt, keys)).isTrue();
    SignedJWT parsed = SignedJWT.parse(jwt);
    assertThat(parsed.getHeader().getAlgorithm().getName()).isEqualTo("ES256");
    Map<String, Object> claims = parsed.getJWTClaimsSet().getClaims();
    assertThat(String.valueOf(claims.get("type")))
        .contains("VerifiableCredential", "OpenBadgeCredential");
    assertThat(parsed.getJWTClaimsSet().getIssuer()).endsWith("/api/v1/certificates/issuers/HD");
    @SuppressWarnings("unchecked")
    Map<String, Object> issuer = (Map<String, Object>) claims.get("issuer");
    assertThat(issuer.get("name")).isEqualTo("Ủy ban nhân dân tỉnh Hải Dương");
    String payload = parsed.getPayload().toString();
    assertThat(payload)
        .contains("Bằng khen của Chủ tịch UBND tỉnh (cá nhân)")
        .contains(people.get(person).fullName())
        .contains("\"term\":\"2017\"")
        .contains("Quyết định số 7/QĐ-UBND ngày 20/01/2018")
        .contains("BitstringStatusListEntry");

    // any changed byte breaks it: in the header, the payload, the signature
    for (int offset : new int[] {5, 40, 200}) {
      assertThat(verifies(flip(jwt, 1, offset), keys)).as("payload byte " + offset).isFalse();
      assertThat(verifies(flip(jwt, 2, offset % 80), keys)).as("signature byte").isFalse();
    }
    assertThat(verifies(flip(jwt, 0, 10), keys)).isFalse();
  }

  @Autowired org.laurel.reward.AwardImports imports;

  @Test
  void concurrentIssuingForOneAwardMakesOneCertificate() throws Exception {
    Access.runAsSystem(
        "test",
        () ->
            imports.importFile(
                ("recipient,unit,person,household,award,year,decision_number,decision_date\n"
                        + "COLLECTIVE,BG,,,TTLDXS,2014,3/QĐ-UBND,2015-01-12\n")
                    .getBytes(StandardCharsets.UTF_8),
                "race.csv"));
    long award =
        awards.ofUnit("BG", false).stream()
            .filter(a -> a.year() == 2014 && a.awardCode().equals("TTLDXS"))
            .findFirst()
            .orElseThrow()
            .id();
    assertThat(certificates.ofAward(award)).as("an import issues nothing by itself").isEmpty();
    int threads = 4;
    var start = new java.util.concurrent.CyclicBarrier(threads);
    var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
    try {
      List<java.util.concurrent.Future<String>> ids = new java.util.ArrayList<>();
      for (int i = 0; i < threads; i++) {
        ids.add(
            pool.submit(
                () -> {
                  start.await();
                  String[] id = new String[1];
                  Access.runAsSystem(
                      "test",
                      () ->
                          id[0] =
                              certificates
                                  .issue(new Certificates.IssueRequest(List.of(award)))
                                  .get(0)
                                  .publicId());
                  return id[0];
                }));
      }
      java.util.Set<String> distinct = new java.util.HashSet<>();
      for (var f : ids) {
        distinct.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS));
      }
      assertThat(distinct).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(
            jdbc.sql("select count(*) from certificate where award_id = ?")
                .param(award)
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void issuingAgainForTheSameAwardsChangesNothing() throws Exception {
    AwardRecord award = grant(Recipient.COLLECTIVE, "GL", "TTLDXS", 2019, null);
    CertificateView first = certificateOf(award.id());
    int before = jdbc.sql("select count(*) from certificate").query(Integer.class).single();
    mvc.perform(
            post("/api/v1/certificates")
                .with(httpBasic("secretariat", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"awardIds\":[" + award.id() + "]}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].id").value(first.publicId()));
    assertThat(jdbc.sql("select count(*) from certificate").query(Integer.class).single())
        .isEqualTo(before);
  }

  @Test
  void revokedCertificateShowsRevokedOnThePageInTheApiAndInTheStatusList() throws Exception {
    AwardRecord award = grant(Recipient.COLLECTIVE, "NS", "TTLDXS", 2019, null);
    AwardRecord other = grant(Recipient.COLLECTIVE, "NG", "TTLDXS", 2019, null);
    CertificateView c = certificateOf(award.id());
    CertificateView kept = certificateOf(other.id());
    mvc.perform(
            post("/api/v1/certificates/" + c.publicId() + "/revoke")
                .with(httpBasic("secretariat", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"Hồ sơ kê khai sai\",\"decision\":\"99/QĐ-UBND\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("REVOKED"));

    JsonNode api = getJson("/api/v1/certificates/" + c.publicId());
    assertThat(api.get("status").asString()).isEqualTo("REVOKED");
    assertThat(api.get("revocationReason").asString()).isEqualTo("Hồ sơ kê khai sai");
    String page =
        mvc.perform(get("/verify/" + c.publicId()).header("Accept-Language", "vi"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(page).contains("Chứng nhận đã bị thu hồi", "Hồ sơ kê khai sai", "99/QĐ-UBND");
    String en =
        mvc.perform(get("/verify/" + kept.publicId()).header("Accept-Language", "en"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(en).contains("Valid certificate").doesNotContain("Revoked certificate");

    // the signed status list: bit set for the revoked one, clear for the other
    String listJwt =
        mvc.perform(
                get(api.get("statusListCredential").asString().replaceFirst("^https?://[^/]+", "")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(verifies(listJwt, publishedKeys())).isTrue();
    @SuppressWarnings("unchecked")
    Map<String, Object> subject =
        (Map<String, Object>)
            SignedJWT.parse(listJwt).getJWTClaimsSet().getClaim("credentialSubject");
    assertThat(subject.get("statusPurpose")).isEqualTo("revocation");
    byte[] bits = decode((String) subject.get("encodedList"));
    assertThat(bits.length * 8).isGreaterThanOrEqualTo(131_072);
    assertThat(bit(bits, c.statusIndex())).isTrue();
    assertThat(bit(bits, kept.statusIndex())).isFalse();
  }

  @Test
  void revokingTwiceIsAConflictAndChangesNothing() throws Exception {
    AwardRecord award = grant(Recipient.COLLECTIVE, "TH", "TTLDXS", 2019, null);
    CertificateView c = certificateOf(award.id());
    String body = "{\"reason\":\"Sai sót\",\"decision\":\"98/QĐ-UBND\"}";
    mvc.perform(
            post("/api/v1/certificates/" + c.publicId() + "/revoke")
                .with(httpBasic("secretariat", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isOk());
    int audits = jdbc.sql("select count(*) from audit_entry").query(Integer.class).single();
    mvc.perform(
            post("/api/v1/certificates/" + c.publicId() + "/revoke")
                .with(httpBasic("secretariat", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"Lần nữa\"}"))
        .andExpect(status().isConflict());
    CertificateView after = certificates.get(c.publicId());
    assertThat(after.revocationReason()).isEqualTo("Sai sót");
    assertThat(after.version()).isEqualTo(1);
    assertThat(jdbc.sql("select count(*) from audit_entry").query(Integer.class).single())
        .isEqualTo(audits);
  }

  @Test
  void unknownCertificateIsNotFoundOnTheApiAndThePage() throws Exception {
    mvc.perform(get("/api/v1/certificates/aaaaaaaaaaaaaaaaaaaaaaaaaa"))
        .andExpect(status().isNotFound());
    mvc.perform(get("/verify/aaaaaaaaaaaaaaaaaaaaaaaaaa")).andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/certificates/status/NOPE")).andExpect(status().isNotFound());
    mvc.perform(
            post("/api/v1/certificates/aaaaaaaaaaaaaaaaaaaaaaaaaa/revoke")
                .with(httpBasic("secretariat", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"x\"}"))
        .andExpect(status().isNotFound());
  }

  @Test
  void badInputsAreRefusedWithTheField() throws Exception {
    int before = jdbc.sql("select count(*) from certificate").query(Integer.class).single();
    mvc.perform(
            post("/api/v1/certificates")
                .with(httpBasic("secretariat", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"awardIds\":[999999999]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("awardIds[0]"));
    mvc.perform(
            post("/api/v1/certificates")
                .with(httpBasic("secretariat", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"awardIds\":[]}"))
        .andExpect(status().isBadRequest());
    String id = certificates.search(new Certificates.Filter(null, null, null)).get(0).publicId();
    mvc.perform(
            post("/api/v1/certificates/" + id + "/revoke")
                .with(httpBasic("secretariat", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\" \"}"))
        .andExpect(status().isBadRequest());
    assertThat(jdbc.sql("select count(*) from certificate").query(Integer.class).single())
        .isEqualTo(before);
  }

  @Test
  void onlyTheSecretariatIssuesAndRevokes() throws Exception {
    AwardRecord award = grant(Recipient.COLLECTIVE, "TM", "TTLDXS", 2019, null);
    CertificateView c = certificateOf(award.id());
    for (String user : List.of("reporter", "viewer", "council", "blochead")) {
      mvc.perform(
              post("/api/v1/certificates/" + c.publicId() + "/revoke")
                  .with(httpBasic(user, "demo"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content("{\"reason\":\"x\"}"))
          .andExpect(status().isForbidden());
      mvc.perform(
              post("/api/v1/certificates")
                  .with(httpBasic(user, "demo"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content("{\"awardIds\":[" + award.id() + "]}"))
          .andExpect(status().isForbidden());
    }
    mvc.perform(
            post("/api/v1/certificates/" + c.publicId() + "/revoke")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"x\"}"))
        .andExpect(status().isUnauthorized());
    assertThat(certificates.get(c.publicId()).revoked()).isFalse();
  }

  @Test
  void pdfCarriesTheVietnameseTextInAnEmbeddedFont() throws Exception {
    long person = people.list("TK", null).get(0).id();
    AwardRecord award = grant(Recipient.INDIVIDUAL, null, "BK_UBND_CN", 2019, person);
    AwardRecord flag = grant(Recipient.COLLECTIVE, "KT", "TTLDXS", 2018, null);
    CertificateView c = certificateOf(award.id());
    certificateOf(flag.id());
    byte[] pdf =
        mvc.perform(get("/api/v1/certificates/" + c.publicId() + "/pdf"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(doc);
      assertThat(text)
          .contains("BẰNG KHEN")
          .contains(people.get(person).fullName())
          .contains(
              "Ủy ban nhân dân tỉnh Hải Dương".toUpperCase(java.util.Locale.forLanguageTag("vi")))
          .contains(
              "Cộng hòa xã hội chủ nghĩa Việt Nam"
                  .toUpperCase(java.util.Locale.forLanguageTag("vi")))
          .contains("Quyết định số 7/QĐ-UBND ngày 20/01/2020")
          .contains(c.publicId());
      snapshot(doc, "certificate-bang-khen.png");
      assertThat(qrOf(doc)).isEqualTo(certificates.verifyUrl(c.publicId()));
      assertThat(doc.getPage(0).getResources().getFontNames()).isNotEmpty();
      for (var name : doc.getPage(0).getResources().getFontNames()) {
        assertThat(doc.getPage(0).getResources().getFont(name).isEmbedded()).isTrue();
      }
    }
    byte[] title =
        mvc.perform(get("/api/v1/certificates/" + certificateOf(flag.id()).publicId() + "/pdf"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (PDDocument doc = Loader.loadPDF(title)) {
      snapshot(doc, "certificate-title.png");
      assertThat(new PDFTextStripper().getText(doc))
          .contains("GIẤY CHỨNG NHẬN", "Tập thể lao động xuất sắc", "Huyện Kim Thành");
    }
    // a batch for pre-printed blanks: one page each, the variable text only
    byte[] batch =
        mvc.perform(
                get("/api/v1/certificates/batch/pdf")
                    .param("awardIds", award.id() + "," + flag.id())
                    .param("layout", "BLANK")
                    .with(httpBasic("secretariat", "demo")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (PDDocument doc = Loader.loadPDF(batch)) {
      assertThat(doc.getNumberOfPages()).isEqualTo(2);
      snapshot(doc, "certificate-blank.png");
      String text = new PDFTextStripper().getText(doc);
      assertThat(text)
          .contains(people.get(person).fullName())
          .contains("Huyện Kim Thành")
          .doesNotContain("BẰNG KHEN");
    }
    mvc.perform(
            get("/api/v1/certificates/batch/pdf")
                .param("awardIds", award.id() + "")
                .with(httpBasic("viewer", "demo")))
        .andExpect(status().isForbidden());
  }

  private jakarta.servlet.http.Cookie login(String user) throws Exception {
    return mvc.perform(
            org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders
                .formLogin("/login")
                .user(user)
                .password("demo"))
        .andReturn()
        .getResponse()
        .getCookie("SESSION");
  }

  private String page(String url, jakarta.servlet.http.Cookie session) throws Exception {
    var req = get(url).header("Accept-Language", "vi");
    if (session != null) {
      req.cookie(session);
    }
    return mvc.perform(req)
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  @Test
  void secretariatListsAUnitsCertificatesWithDownloadsAndRevokeForms() throws Exception {
    String html = page("/certificates?unit=CG&year=2024", login("secretariat"));
    assertThat(html)
        .contains("Huyện Cẩm Giàng", "Tập thể lao động xuất sắc", "/api/v1/certificates/")
        .contains("/pdf", "layout=BLANK", "/certificates/batch.pdf", "Thu hồi chứng nhận")
        .contains("Cấp chứng nhận");
    String viewer = page("/certificates?unit=CG&year=2024", login("viewer"));
    assertThat(viewer).contains("Huyện Cẩm Giàng").doesNotContain("Thu hồi chứng nhận");
    mvc.perform(get("/certificates")).andExpect(status().is3xxRedirection());
  }

  @Test
  void verificationPageSpeaksGermanToo() throws Exception {
    String id = certificates.search(new Certificates.Filter(null, "CG", 2024)).get(0).publicId();
    String html =
        mvc.perform(get("/verify/" + id).header("Accept-Language", "de"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(html)
        .contains("Urkunde prüfen", "Gültige Urkunde", "Den Nachweis selbst prüfen")
        .contains("/api/v1/certificates/keys", "/api/v1/certificates/status/");
  }

  @Test
  void demoHasCertificatesFor2024WithOneRevoked() {
    List<CertificateView> demo = certificates.search(new Certificates.Filter(null, null, 2024));
    assertThat(demo).hasSizeGreaterThanOrEqualTo(3);
    assertThat(demo.stream().filter(CertificateView::revoked).toList())
        .singleElement()
        .satisfies(r -> assertThat(r.revocationDecision()).isEqualTo("210/QĐ-UBND"));
  }

  /**
   * Reads the QR code in the page's lower left corner. Its pattern depends on the random public id,
   * so it is tried at three resolutions with the reader's thorough mode before giving up.
   */
  static String qrOf(PDDocument doc) throws Exception {
    com.google.zxing.ReaderException last = null;
    for (int dpi : new int[] {150, 200, 300}) {
      java.awt.image.BufferedImage page =
          new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(0, dpi);
      java.awt.image.BufferedImage corner =
          page.getSubimage(0, page.getHeight() / 2, page.getWidth() / 3, page.getHeight() / 2);
      int[] rgb =
          corner.getRGB(0, 0, corner.getWidth(), corner.getHeight(), null, 0, corner.getWidth());
      var source =
          new com.google.zxing.RGBLuminanceSource(corner.getWidth(), corner.getHeight(), rgb);
      for (var binarizer :
          java.util.List.of(
              new com.google.zxing.common.HybridBinarizer(source),
              new com.google.zxing.common.GlobalHistogramBinarizer(source))) {
        try {
          return new com.google.zxing.qrcode.QRCodeReader()
              .decode(
                  new com.google.zxing.BinaryBitmap(binarizer),
                  java.util.Map.of(com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE))
              .getText();
        } catch (com.google.zxing.NotFoundException
            | com.google.zxing.ChecksumException
            | com.google.zxing.FormatException e) {
          last = e;
        }
      }
    }
    throw last;
  }

  /** The first page as an image under target/screenshots, to look at. */
  static void snapshot(PDDocument doc, String name) throws Exception {
    java.nio.file.Path dir =
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/screenshots"));
    javax.imageio.ImageIO.write(
        new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(0, 72),
        "png",
        dir.resolve(name).toFile());
  }

  static byte[] decode(String encoded) throws Exception {
    return StatusLists.decode(encoded);
  }

  static boolean bit(byte[] bits, int index) {
    return StatusLists.bit(bits, index);
  }
}
