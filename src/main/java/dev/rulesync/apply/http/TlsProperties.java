package dev.rulesync.apply.http;

import java.nio.file.Path;

/**
 * TLS towards a ruler or S3 endpoint. PEM files; the client key must be PKCS#8 ({@code BEGIN PRIVATE KEY}).
 *
 * @param caFile             CA bundle to trust instead of the JDK's trust store, or null
 * @param certFile           client certificate chain for mutual TLS, or null
 * @param keyFile            client private key for mutual TLS, or null
 * @param insecureSkipVerify accept any server certificate (tests only)
 * @param serverName         name to send as SNI and to verify the server certificate against, or null for the
 *                           URL's host
 */
public record TlsProperties(Path caFile, Path certFile, Path keyFile, boolean insecureSkipVerify, String serverName) {

    public static final TlsProperties NONE = new TlsProperties(null, null, null, false, null);

    public TlsProperties {
        if ((certFile == null) != (keyFile == null)) {
            throw new IllegalArgumentException("tls: certFile and keyFile must be set together");
        }
    }

    public boolean customised() {
        return caFile != null || certFile != null || insecureSkipVerify || serverName != null;
    }
}
