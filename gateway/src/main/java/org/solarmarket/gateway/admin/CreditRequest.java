package org.solarmarket.gateway.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Set;
import org.solarmarket.contracts.Asset;
import org.solarmarket.gateway.json.StrictJson;
import org.solarmarket.gateway.problem.ApiException;
import org.solarmarket.gateway.wallet.WalletResource;

/**
 * A validated body of {@code POST /admin/credit}: credits in steps of 0.01, energy in kWh in steps
 * of 0.001, read exactly from a JSON number or a decimal string.
 */
public record CreditRequest(String userId, Asset asset, BigDecimal amount, String reference) {

    private static final Set<String> FIELDS = Set.of("user_id", "asset", "amount", "reference");
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000");

    /** Validates a parsed body, naming the first field that breaks a rule. */
    public static CreditRequest parse(JsonNode body) {
        body.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                throw ApiException.invalidField(name, null, "unknown field; allowed fields are " + FIELDS);
            }
        });
        String userId = text(body, "user_id", true);
        if (!WalletResource.USER_ID.matcher(userId).matches()) {
            throw ApiException.invalidField("user_id", userId, "use 1 to 64 letters, digits, '.', '_' or '-'");
        }
        String assetName = text(body, "asset", true);
        Asset asset = switch (assetName) {
            case "credits" -> Asset.CREDITS;
            case "energy_kwh" -> Asset.ENERGY_KWH;
            default -> throw ApiException.invalidField("asset", assetName, "must be 'credits' or 'energy_kwh'");
        };
        BigDecimal amount = amount(body, asset);
        String reference = text(body, "reference", false);
        if (reference != null && reference.length() > 128) {
            throw ApiException.invalidField("reference", reference.substring(0, 20) + "...", "at most 128 characters");
        }
        return new CreditRequest(userId, asset, amount, reference);
    }

    private static BigDecimal amount(JsonNode body, Asset asset) {
        JsonNode node = body.get("amount");
        BigDecimal amount;
        if (node == null || node.isNull()) {
            throw ApiException.invalidField("amount", null, "the field is required");
        } else if (node.isNumber()) {
            amount = node.decimalValue();
        } else if (node.isTextual() && node.textValue().length() <= 40) {
            try {
                amount = new BigDecimal(node.textValue().trim());
            } catch (NumberFormatException e) {
                throw ApiException.invalidField("amount", node.textValue(), "expected a decimal number such as 12.50");
            }
        } else {
            throw ApiException.invalidField("amount", node.toString(), "expected a decimal number or string of at most 40 characters");
        }
        StrictJson.checkDecimalRange("amount", amount);
        if (amount.signum() <= 0 || amount.compareTo(MAX_AMOUNT) > 0) {
            throw ApiException.invalidField("amount", amount.toPlainString(), "must be greater than zero and at most "
                    + MAX_AMOUNT.toPlainString());
        }
        int maxScale = asset == Asset.CREDITS ? 2 : 3;
        if (amount.stripTrailingZeros().scale() > maxScale) {
            throw ApiException.invalidField("amount", amount.toPlainString(), asset.wireName() + " are counted in steps of "
                    + BigDecimal.ONE.movePointLeft(maxScale).toPlainString());
        }
        return amount;
    }

    private static String text(JsonNode body, String field, boolean required) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw ApiException.invalidField(field, null, "the field is required");
            }
            return null;
        }
        if (!node.isTextual()) {
            throw ApiException.invalidField(field, node.toString(), "expected a string");
        }
        return node.textValue();
    }
}
