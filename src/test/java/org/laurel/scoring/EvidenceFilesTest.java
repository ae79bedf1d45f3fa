package org.laurel.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.laurel.support.LaurelTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evidence files of manual scores: uploaded to a draft sheet, listed in its JSON, downloaded byte
 * for byte by those who read the sheet (and by anyone once a published explanation shows the
 * score), frozen with the submitted sheet; every bad file refused with nothing stored.
 */
@LaurelTest
@Transactional
class EvidenceFilesTest {

  static final byte[] PDF =
      "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired EvidenceFiles evidence;

  long pact() {
    return DemoPact.pact(jdbc);
  }

  /** The demo's submitted cross sheet of Tứ Kỳ (the reporter's unit) for Thanh Miện. */
  String sheet() {
    return "/api/v1/pacts/%d/sheets/CROSS/TK/TM".formatted(pact());
  }

  String upload(String criterion) {
    return sheet() + "/criteria/" + criterion + "/evidence";
  }

  int version() {
    return jdbc.sql(
            """
            select s.version from sheet s join unit a on a.id = s.assessor_unit_id
            join unit u on u.id = s.assessed_unit_id
            where s.pact_id = ? and s.round = 'CROSS' and a.code = 'TK' and u.code = 'TM'""")
        .param(pact())
        .query(Integer.class)
        .single();
  }

  int rows() {
    return jdbc.sql("select count(*) from evidence_file").query(Integer.class).single();
  }

  long filesOnDisk() throws IOException {
    Path dir = evidence.dir();
    if (!Files.exists(dir)) {
      return 0;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).count();
    }
  }

  int audits(String action) {
    return jdbc.sql("select count(*) from audit_entry where action = ?")
        .param(action)
        .query(Integer.class)
        .single();
  }

  ResultActions json(
      String user,
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder r,
      String body)
      throws Exception {
    return mvc.perform(
        r.with(httpBasic(user, "demo"))
            .header("Accept-Language", "en")
            .contentType(MediaType.APPLICATION_JSON)
            .content(body));
  }

  ResultActions send(String user, String path, MockMultipartFile... files) throws Exception {
    var r = multipart(path);
    for (MockMultipartFile f : files) {
      r.file(f);
    }
    return mvc.perform(r.with(httpBasic(user, "demo")).header("Accept-Language", "en"));
  }

  static MockMultipartFile file(String name, byte[] content) {
    // the type the client claims counts for nothing
    return new MockMultipartFile("file", name, "application/pdf", content);
  }

  void reopen() throws Exception {
    json(
            "secretariat",
            post(sheet() + "/reopen"),
            "{\"version\":%d,\"reason\":\"Bổ sung minh chứng\"}".formatted(version()))
        .andExpect(status().isOk());
  }

  /** The id of the sheet's first evidence file, uploaded as the reporter of Tứ Kỳ. */
  long uploadOne(String name, byte[] content) throws Exception {
    String body =
        send("reporter", upload("QPAN.CHUNG"), file(name, content))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return Long.parseLong(body.replaceAll("(?s).*?\"id\":(\\d+).*", "$1"));
  }

  @Test
  void uploadThenListThenDownloadTheSameBytes() throws Exception {
    reopen();
    int audits = audits("sheet.evidenceUploaded");
    byte[] png = {
      (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'
    };
    send(
            "reporter",
            upload("QPAN.CHUNG"),
            file("Biên bản kiểm tra.pdf", PDF),
            new MockMultipartFile("file", "ảnh hiện trường.png", "text/plain", png))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$[0].fileName").value("Biên bản kiểm tra.pdf"))
        .andExpect(jsonPath("$[0].mediaType").value("application/pdf"))
        .andExpect(jsonPath("$[1].mediaType").value("image/png"))
        .andExpect(jsonPath("$[1].size").value(png.length));
    assertThat(audits("sheet.evidenceUploaded")).isEqualTo(audits + 2);
    String href =
        JsonPathOf.read(
            mvc.perform(get(sheet()).with(httpBasic("reporter", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.attachments.length()").value(2))
                .andExpect(jsonPath("$.attachments[0].criterion").value("QPAN.CHUNG"))
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.attachments[0].href");
    byte[] got =
        mvc.perform(get(href).with(httpBasic("reporter", "demo")))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Type", "application/pdf"))
            .andExpect(header().string("X-Content-Type-Options", "nosniff"))
            .andExpect(
                header()
                    .string(
                        "Content-Disposition",
                        containsString(
                            "filename*=UTF-8''Bi%C3%AAn%20b%E1%BA%A3n%20ki%E1%BB%83m%20tra.pdf")))
            .andExpect(header().string("Content-Disposition", containsString("attachment")))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    assertThat(got).isEqualTo(PDF);
    // the file is on disk under a generated name, not the uploaded one
    try (Stream<Path> s = Files.walk(evidence.dir())) {
      assertThat(s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
          .isNotEmpty()
          .noneMatch(n -> n.contains("Biên") || n.endsWith(".pdf"));
    }
  }

  @Test
  void refusesTooLargeExecutableUnknownAndEmptyFilesAndManualOnlyWithNothingStored()
      throws Exception {
    reopen();
    int rows = rows();
    long files = filesOnDisk();
    int audits = audits("sheet.evidenceUploaded");
    byte[] large = Arrays.copyOf(PDF, 10 * 1024 * 1024 + 1);
    byte[] exe = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0};
    byte[] elf = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0};
    byte[] text = "unit,value\nTK,1\n".getBytes(StandardCharsets.UTF_8);
    send("reporter", upload("QPAN.CHUNG"), file("big.pdf", large))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(containsString("at most 10.0 MB")))
        .andExpect(jsonPath("$.errors[0].field").value("file"));
    for (byte[] bad : new byte[][] {exe, elf, text, zip("evil.exe")}) {
      send("reporter", upload("QPAN.CHUNG"), file("bien-ban.pdf", bad))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.detail").value(containsString("is not a PDF")));
    }
    send("reporter", upload("QPAN.CHUNG"), file("rong.pdf", new byte[0]))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(containsString("rong.pdf is empty")));
    // one bad file among good ones: none is stored
    send("reporter", upload("QPAN.CHUNG"), file("a.pdf", PDF), file("b.exe", exe))
        .andExpect(status().isBadRequest());
    String indicator =
        jdbc.sql("select code from pact_criterion where pact_id = ? and method <> 'MANUAL' limit 1")
            .param(pact())
            .query(String.class)
            .single();
    send("reporter", upload(indicator), file("a.pdf", PDF))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(containsString("not one that assessors score")))
        .andExpect(jsonPath("$.errors[0].field").value("criterion"));
    assertThat(rows()).isEqualTo(rows);
    assertThat(filesOnDisk()).isEqualTo(files);
    assertThat(audits("sheet.evidenceUploaded")).isEqualTo(audits);
  }

  @Test
  void aSubmittedSheetRefusesUploadsAndDeletesUntilReopened() throws Exception {
    int rows = rows();
    long files = filesOnDisk();
    send("reporter", upload("QPAN.CHUNG"), file("a.pdf", PDF))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail").value(containsString("has been submitted")));
    assertThat(rows()).isEqualTo(rows);
    assertThat(filesOnDisk()).isEqualTo(files);
    // reopened, it accepts uploads again; submitted again, its files are frozen
    reopen();
    long id = uploadOne("bien-ban.pdf", PDF);
    json("reporter", post(sheet() + "/submit"), "{\"version\":%d}".formatted(version()))
        .andExpect(status().isOk());
    mvc.perform(
            delete("/api/v1/pacts/%d/evidence/%d".formatted(pact(), id))
                .with(httpBasic("reporter", "demo")))
        .andExpect(status().isConflict());
    send("reporter", upload("QPAN.CHUNG"), file("b.pdf", PDF)).andExpect(status().isConflict());
    assertThat(rows()).isEqualTo(rows + 1);
  }

  @Test
  void aDraftsFileIsDeletedByItsWriterAndAudited() throws Exception {
    reopen();
    long id = uploadOne("bien-ban.pdf", PDF);
    int audits = audits("sheet.evidenceDeleted");
    String path = "/api/v1/pacts/%d/evidence/%d".formatted(pact(), id);
    // neither a viewer nor another unit's officer
    mvc.perform(delete(path).with(httpBasic("viewer", "demo"))).andExpect(status().isForbidden());
    mvc.perform(delete(path).with(httpBasic("blochead", "demo"))).andExpect(status().isForbidden());
    mvc.perform(delete(path).with(httpBasic("reporter", "demo"))).andExpect(status().isNoContent());
    assertThat(
            jdbc.sql("select count(*) from evidence_file where id = ?")
                .param(id)
                .query(Integer.class)
                .single())
        .isZero();
    assertThat(audits("sheet.evidenceDeleted")).isEqualTo(audits + 1);
    mvc.perform(delete(path).with(httpBasic("reporter", "demo"))).andExpect(status().isNotFound());
  }

  @Test
  void aDownloadBySomeoneWhoMayNotReadTheSheetIsForbidden() throws Exception {
    reopen();
    long id = uploadOne("bien-ban.pdf", PDF);
    String path = "/api/v1/pacts/%d/evidence/%d".formatted(pact(), id);
    mvc.perform(get(path).with(httpBasic("viewer", "demo")).header("Accept-Language", "en"))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.detail").value(containsString("may not download bien-ban.pdf")));
    // the assessed unit's officers do not read the sheets others fill in about it
    mvc.perform(get(path).with(httpBasic("blochead", "demo"))).andExpect(status().isForbidden());
    mvc.perform(get(path).with(httpBasic("secretariat", "demo"))).andExpect(status().isOk());
    mvc.perform(
            get("/api/v1/pacts/%d/evidence/%d".formatted(pact(), id + 1000))
                .with(httpBasic("secretariat", "demo")))
        .andExpect(status().isNotFound());
    // unsigned: the API asks for credentials
    mvc.perform(get(path)).andExpect(status().isUnauthorized());
  }

  @Test
  void onceAPublishedExplanationShowsTheScoreAnyReaderDownloadsItsFiles() throws Exception {
    reopen();
    long id = uploadOne("bien-ban.pdf", PDF);
    String path = "/api/v1/pacts/%d/evidence/%d".formatted(pact(), id);
    json("reporter", post(sheet() + "/submit"), "{\"version\":%d}".formatted(version()))
        .andExpect(status().isOk());
    mvc.perform(get(path).with(httpBasic("viewer", "demo"))).andExpect(status().isForbidden());
    json("secretariat", post("/api/v1/pacts/" + pact() + "/results"), "")
        .andExpect(status().isOk());
    mvc.perform(get(path).with(httpBasic("viewer", "demo"))).andExpect(status().isOk());
  }

  /** A zip that is no office document. */
  static byte[] zip(String entry) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      z.putNextEntry(new ZipEntry(entry));
      z.write(new byte[] {'M', 'Z'});
      z.closeEntry();
    }
    return out.toByteArray();
  }

  /** Reads one value of a JSON document. */
  static final class JsonPathOf {
    static String read(String json, String path) {
      return com.jayway.jsonpath.JsonPath.read(json, path).toString();
    }
  }
}
