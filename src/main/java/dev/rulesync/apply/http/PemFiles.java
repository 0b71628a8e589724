package dev.rulesync.apply.http;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/** JDK trust and key managers from PEM files, for clients that do not read PEM themselves (the S3 SDK). */
public final class PemFiles {

    private PemFiles() {
    }

    public static TrustManager[] trustManagers(Path caFile) {
        try (InputStream in = Files.newInputStream(caFile)) {
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                ks.setCertificateEntry("ca" + i++, c);
            }
            if (i == 0) throw new IllegalArgumentException("tls: no certificate in " + caFile);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            return tmf.getTrustManagers();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("tls: cannot read CA file " + caFile + ": " + e.getMessage(), e);
        }
    }

    /** The key must be PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}), RSA or EC. */
    public static KeyManager[] keyManagers(Path certFile, Path keyFile) {
        try (InputStream in = Files.newInputStream(certFile)) {
            Certificate[] chain = CertificateFactory.getInstance("X.509").generateCertificates(in).toArray(new Certificate[0]);
            String pem = Files.readString(keyFile, StandardCharsets.US_ASCII);
            if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
                throw new IllegalArgumentException("tls: " + keyFile + " is not a PKCS#8 PEM key (BEGIN PRIVATE KEY)");
            }
            byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").strip());
            PrivateKey key = null;
            for (String alg : new String[]{"RSA", "EC", "Ed25519"}) {
                try {
                    key = KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(der));
                    break;
                } catch (GeneralSecurityException ignored) {
                    // try the next algorithm
                }
            }
            if (key == null) throw new IllegalArgumentException("tls: unsupported private key in " + keyFile);
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            ks.setKeyEntry("client", key, new char[0], chain);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, new char[0]);
            return kmf.getKeyManagers();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("tls: cannot read " + certFile + " / " + keyFile + ": " + e.getMessage(), e);
        }
    }
}
