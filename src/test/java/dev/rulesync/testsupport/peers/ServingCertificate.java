package dev.rulesync.testsupport.peers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.pem.PemSslStoreBundle;
import org.springframework.boot.ssl.pem.PemSslStoreDetails;

/**
 * A server certificate for 127.0.0.1 and localhost, signed by the test cluster's CA: for local HTTPS servers the
 * API server calls (admission webhooks), or that clients must trust with the CA.
 *
 * @param certificate PEM certificate
 * @param privateKey PEM private key (PKCS#8)
 * @param caCertificate PEM certificate of the CA that signed it
 */
public record ServingCertificate(Path certificate, Path privateKey, Path caCertificate) {

    /** The CA as a webhook configuration's {@code clientConfig.caBundle} wants it: base64 of the PEM. */
    public String caBundle() {
        try {
            return Base64.getEncoder().encodeToString(Files.readAllBytes(caCertificate));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A server-side TLS context with this certificate, through Spring Boot's PEM SSL bundles. */
    public SSLContext sslContext() {
        PemSslStoreDetails keyStore = PemSslStoreDetails.forCertificate("file:" + certificate)
                .withPrivateKey("file:" + privateKey);
        return SslBundle.of(new PemSslStoreBundle(keyStore, null)).createSslContext();
    }
}
