package org.solarmarket.gateway.security;

import java.util.Locale;
import java.util.Optional;

/** Reads the token of an {@code Authorization: Bearer <token>} header. */
public final class BearerToken {

    /** Longest accepted token; wallet and operator tokens are far shorter. */
    static final int MAX_LENGTH = 512;

    private BearerToken() {
    }

    /** Returns the token, or empty when the header is absent, not of the Bearer scheme, or blank. */
    public static Optional<String> from(String authorizationHeader) {
        if (authorizationHeader == null) {
            return Optional.empty();
        }
        String header = authorizationHeader.trim();
        if (header.length() < 7 || !header.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            return Optional.empty();
        }
        String token = header.substring(7).trim();
        if (token.isEmpty() || token.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        return Optional.of(token);
    }
}
