package dev.rulesync.apply.http;

import java.nio.file.Path;

/**
 * How to authenticate to a ruler. Basic auth when {@code username} is set (password inline or from a file),
 * otherwise a bearer token when one is set (inline or from a file, re-read when the file changes so rotated
 * tokens are picked up without a restart). Secrets never appear in {@link #toString()}.
 *
 * @param username        basic-auth user, or null
 * @param password        basic-auth password, or null
 * @param passwordFile    file holding the basic-auth password (wins over {@code password}), or null
 * @param bearerToken     bearer token, or null
 * @param bearerTokenFile file holding the bearer token (wins over {@code bearerToken}), or null
 */
public record HttpAuthProperties(String username, String password, Path passwordFile,
                                 String bearerToken, Path bearerTokenFile) {

    public static final HttpAuthProperties NONE = new HttpAuthProperties(null, null, null, null, null);

    public HttpAuthProperties {
        boolean basic = username != null && !username.isEmpty();
        boolean bearer = (bearerToken != null && !bearerToken.isEmpty()) || bearerTokenFile != null;
        if (basic && bearer) {
            throw new IllegalArgumentException("auth: set either username/password or a bearer token, not both");
        }
    }

    @Override
    public String toString() {
        return "HttpAuthProperties[username=" + username
                + ", password=" + Secrets.mask(password) + ", passwordFile=" + passwordFile
                + ", bearerToken=" + Secrets.mask(bearerToken) + ", bearerTokenFile=" + bearerTokenFile + "]";
    }
}
