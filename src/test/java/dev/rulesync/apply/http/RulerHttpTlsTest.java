package dev.rulesync.apply.http;

import dev.rulesync.apply.RulerException;
import dev.rulesync.apply.mimir.MimirRulerTarget;
import dev.rulesync.apply.mimir.MimirTargetProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * TLS options against an HTTPS {@link FakeRuler} (no real peer here serves TLS). The certificate is made by the JDK's
 * keytool for the name {@code ruler.test} only, so connecting to 127.0.0.1 succeeds only through serverName.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RulerHttpTlsTest {

    private static final char[] PASS = "changeit".toCharArray();

    private Path keystore;
    private Path caPem;
    private Path certPem;
    private Path keyPem;
    private SSLContext serverTls;
    private FakeRuler fake;

    @BeforeAll
    void makeCertificate(@TempDir Path dir) throws Exception {
        keystore = dir.resolve("ruler.p12");
        caPem = dir.resolve("ca.pem");
        keytool("-genkeypair", "-alias", "ruler", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=ruler.test",
                "-ext", "SAN=dns:ruler.test", "-validity", "2", "-keystore", keystore.toString(),
                "-storetype", "PKCS12", "-storepass", new String(PASS));
        keytool("-exportcert", "-rfc", "-alias", "ruler", "-file", caPem.toString(), "-keystore", keystore.toString(),
                "-storepass", new String(PASS));
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, PASS);
        }
        // The same self-signed pair serves as client certificate for the mutual-TLS test.
        certPem = caPem;
        keyPem = dir.resolve("key.pem");
        PrivateKey key = (PrivateKey) ks.getKey("ruler", PASS);
        Files.writeString(keyPem, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, PASS);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ruler", ks.getCertificate("ruler"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        serverTls = SSLContext.getInstance("TLS");
        serverTls.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    }

    private static void keytool(String... args) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Path tool = Path.of(java).resolveSibling("keytool");
        List<String> cmd = new java.util.ArrayList<>(List.of(tool.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    @AfterEach
    void stop() {
        if (fake != null) fake.close();
    }

    private MimirRulerTarget client(TlsProperties tls) {
        return new MimirRulerTarget(new MimirTargetProperties(fake.url(), null, null, tls, Duration.ofSeconds(5),
                new RetryProperties(3, Duration.ofMillis(10), Duration.ofMillis(20)), null));
    }

    @Test
    void trustsTheGivenCaAndVerifiesAgainstServerName() {
        fake = new FakeRuler(serverTls, false).answer(200, "{}");
        assertThat(client(new TlsProperties(caPem, null, null, false, "ruler.test")).list("t")).isEmpty();
    }

    @Test
    void aCertificateForAnotherNameIsRefusedAndNotRetried() {
        fake = new FakeRuler(serverTls, false).answer(200, "{}");
        MimirRulerTarget wrongName = client(new TlsProperties(caPem, null, null, false, "other.test"));
        assertThatThrownBy(() -> wrongName.list("t")).isInstanceOfSatisfying(RulerException.class, e -> {
            assertThat(e.permanent()).isTrue();
            assertThat(e.getMessage()).doesNotContain("attempts");
        });
        assertThat(fake.seen).isEmpty();
    }

    @Test
    void insecureSkipVerifyAcceptsAnyCertificate() {
        fake = new FakeRuler(serverTls, false).answer(200, "{}");
        assertThat(client(new TlsProperties(null, null, null, true, null)).list("t")).isEmpty();
    }

    @Test
    void presentsTheClientCertificateWhenTheServerDemandsOne() {
        fake = new FakeRuler(serverTls, true).answer(200, "{}");
        assertThat(client(new TlsProperties(caPem, certPem, keyPem, false, "ruler.test")).list("t")).isEmpty();
        assertThatThrownBy(() -> client(new TlsProperties(caPem, null, null, false, "ruler.test")).list("t"))
                .isInstanceOf(RulerException.class);
        assertThat(fake.seen).hasSize(1);
    }
}
