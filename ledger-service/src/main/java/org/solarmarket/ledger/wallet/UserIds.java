package org.solarmarket.ledger.wallet;

import java.util.regex.Pattern;
import org.solarmarket.ledger.api.ApiException;

/** The rule for user ids: 1 to 64 characters of {@code [A-Za-z0-9_.-]}. */
public final class UserIds {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private UserIds() {
    }

    public static boolean isValid(String userId) {
        return userId != null && VALID.matcher(userId).matches();
    }

    /**
     * Returns {@code userId} when valid.
     *
     * @throws ApiException HTTP 400 naming {@code field} otherwise
     */
    public static String requireValid(String field, String userId) {
        if (userId == null) {
            throw ApiException.invalidField(field, null, "it is required");
        }
        if (!isValid(userId)) {
            throw ApiException.invalidField(field, userId, "it must be 1 to 64 characters of A-Z, a-z, 0-9, '_',"
                    + " '.' and '-'");
        }
        return userId;
    }
}
