package dev.budgetguard.ingest.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.Http11SslContextSpec;
import reactor.netty.http.client.HttpClient;

/**
 * The collector on HTTPS through a Spring Boot PEM SSL bundle, with a self-signed certificate made at test time by
 * the JDK's keytool: health, admin and the proxy route (registered on Reactor Netty directly) all answer over TLS, to
 * a client that trusts only that certificate and checks the host name, and admin responses carry HSTS.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"budgetguard.admin.api-key=" + TlsIT.ADMIN_KEY, "server.ssl.bundle=collector"})
class TlsIT {

    static final String ADMIN_KEY = "tls-admin-key-0123456789abcdef";
    private static final String PASSWORD = "test-only-store-pass";

    @TempDir
    static Path dir;

    private static Path certificate;
    private static Path privateKey;

    @DynamicPropertySource
    static void tls(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dir.resolve("budgetguard"));
        registry.add("budgetguard.spool.dir", () -> dir.resolve("spool").toString());
        registry.add("spring.ssl.bundle.pem.collector.keystore.certificate", () -> "file:" + pems()[0]);
        registry.add("spring.ssl.bundle.pem.collector.keystore.private-key", () -> "file:" + pems()[1]);
    }

    @Value("${local.server.port}")
    int port;

    @Test
    void healthAnswersOverTls() {
        // when / then
        https().get()
                .uri("/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .json("{\"status\":\"ok\"}", true);
    }

    @Test
    void theAdminApiAnswersOverTlsWithHsts() {
        // when
        var created = https().post()
                .uri("/admin/tenant")
                .header(AdminKeyFilter.HEADER, ADMIN_KEY)
                .bodyValue(Map.of("name", "secure-co"))
                .exchange();

        // then
        created.expectStatus()
                .isCreated()
                .expectHeader()
                .valueEquals("Strict-Transport-Security", SecurityHeadersFilter.HSTS)
                .expectHeader()
                .valueEquals("Content-Security-Policy", SecurityHeadersFilter.ADMIN_CSP);
        https().get()
                .uri("/admin/tenant/secure-co")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals("Strict-Transport-Security", SecurityHeadersFilter.HSTS);
    }

    @Test
    void theProxyRouteOnReactorNettyIsServedOverTlsToo() {
        // when: no credentials, so the proxy itself answers and nothing is forwarded
        var refused = https().post()
                .uri("/v1/chat/completions")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"gpt-4o\",\"messages\":[]}")
                .exchange();

        // then
        refused.expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.error.code")
                .isEqualTo("invalid_api_key");
    }

    private WebTestClient https() {
        HttpClient client = HttpClient.create()
                .secure(spec -> spec.sslContext(Http11SslContextSpec.forClient()
                        .configure(builder -> builder.trustManager(pems()[0].toFile()))));
        return WebTestClient.bindToServer(new ReactorClientHttpConnector(client))
                .baseUrl("https://localhost:" + port)
                .build();
    }

    /** The certificate and key, made once per class: keytool writes PKCS#12, which is re-written here as PEM. */
    private static synchronized Path[] pems() {
        if (certificate == null) {
            try {
                Path store = dir.resolve("collector.p12");
                keytool(store);
                KeyStore keyStore = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(store)) {
                    keyStore.load(in, PASSWORD.toCharArray());
                }
                Certificate cert = keyStore.getCertificate("collector");
                Key key = keyStore.getKey("collector", PASSWORD.toCharArray());
                certificate = write("collector.crt", "CERTIFICATE", cert.getEncoded());
                privateKey = write("collector.key", "PRIVATE KEY", key.getEncoded());
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException("could not make the test certificate", e);
            }
        }
        return new Path[] {certificate, privateKey};
    }

    private static void keytool(Path store) throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(List.of(
                        keytool.toString(),
                        "-genkeypair",
                        "-alias",
                        "collector",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-dname",
                        "CN=localhost",
                        "-ext",
                        "san=dns:localhost,ip:127.0.0.1",
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        store.toString(),
                        "-storepass",
                        PASSWORD,
                        "-keypass",
                        PASSWORD))
                .redirectErrorStream(true)
                .start();
        try {
            boolean done = process.waitFor(60, TimeUnit.SECONDS);
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(done && process.exitValue() == 0)
                    .as("keytool: %s", output)
                    .isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while keytool ran", e);
        }
    }

    private static Path write(String name, String type, byte[] der) throws IOException {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        String pem = "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
        return Files.writeString(dir.resolve(name), pem);
    }
}
