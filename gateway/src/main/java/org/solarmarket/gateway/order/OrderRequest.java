package org.solarmarket.gateway.order;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.solarmarket.contracts.MarketCalendar;
import org.solarmarket.contracts.OrderRules;
import org.solarmarket.contracts.Side;
import org.solarmarket.contracts.TimeInForce;
import org.solarmarket.gateway.json.StrictJson;
import org.solarmarket.gateway.problem.ApiException;

/**
 * A validated body of {@code POST /order}. Amounts are read exactly from JSON numbers or decimal
 * strings and must lie on the exchange's ticks ({@link OrderRules}); a missing market means the
 * next open delivery slot, and a named one must be open on the platform clock.
 */
public record OrderRequest(String userId, Side side, BigDecimal price, BigDecimal quantity, String market,
                           TimeInForce timeInForce, String clientOrderId) {

    static final Pattern ID_PATTERN = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    /** Amounts longer than this are rejected before they reach BigDecimal arithmetic. */
    private static final int MAX_AMOUNT_CHARS = 40;
    private static final Set<String> FIELDS = Set.of("user_id", "side", "price", "quantity", "market",
            "time_in_force", "client_order_id");

    /** Validates a parsed JSON body, naming the first field that breaks a rule. */
    public static OrderRequest parse(JsonNode body, MarketCalendar calendar, Instant now) {
        if (body == null || !body.isObject()) {
            throw ApiException.invalidField("body", null, "expected a JSON object");
        }
        body.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                throw ApiException.invalidField(name, null, "unknown field; allowed fields are " + FIELDS);
            }
        });
        String userId = requiredText(body, "user_id");
        if (!ID_PATTERN.matcher(userId).matches()) {
            throw ApiException.invalidField("user_id", userId, "use 1 to 64 letters, digits, '.', '_' or '-'");
        }
        String sideText = requiredText(body, "side");
        Side side = switch (sideText.toLowerCase(Locale.ROOT)) {
            case "buy" -> Side.BUY;
            case "sell" -> Side.SELL;
            default -> throw ApiException.invalidField("side", sideText, "must be 'buy' or 'sell'");
        };
        BigDecimal price = onTick("price", positiveAmount(body, "price"), OrderRules.PRICE_SCALE,
                OrderRules.MAX_PRICE, "credits per kWh");
        BigDecimal quantity = onTick("quantity", positiveAmount(body, "quantity"), OrderRules.QUANTITY_SCALE,
                OrderRules.MAX_QUANTITY, "kWh");
        String market = marketOf(body, calendar, now);
        TimeInForce timeInForce = timeInForceOf(body);

        String clientOrderId = optionalText(body, "client_order_id");
        if (clientOrderId != null && !ID_PATTERN.matcher(clientOrderId).matches()) {
            throw ApiException.invalidField("client_order_id", clientOrderId,
                    "use 1 to 64 letters, digits, '.', '_' or '-'");
        }
        return new OrderRequest(userId, side, price, quantity, market, timeInForce, clientOrderId);
    }

    private static BigDecimal onTick(String field, BigDecimal amount, int scale, BigDecimal maximum, String unit) {
        if (amount.compareTo(maximum) > 0) {
            throw ApiException.invalidField(field, amount.toPlainString(), "must be at most "
                    + maximum.toPlainString() + " " + unit);
        }
        if (!OrderRules.onTick(amount, scale)) {
            throw ApiException.invalidField(field, amount.toPlainString(), "must be a multiple of the tick "
                    + OrderRules.tick(scale) + " " + unit);
        }
        return amount;
    }

    /**
     * Returns the named market, or the next open slot when none is named. A named slot must be
     * open at {@code now} on the platform clock, which means in the future and at most the
     * calendar's horizon ahead.
     */
    private static String marketOf(JsonNode body, MarketCalendar calendar, Instant now) {
        String market = optionalText(body, "market");
        if (market == null) {
            return MarketCalendar.marketName(calendar.nextOpenSlot(now));
        }
        Instant slot;
        try {
            slot = calendar.parseMarket(market);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("market", market, e.getMessage());
        }
        if (!calendar.isOpen(slot, now)) {
            String when = slot.isAfter(now) ? "it opens " + calendar.openHorizon().toHours() + " h before its start"
                    : "it closed at its start";
            throw ApiException.unprocessable("market", market, "market " + MarketCalendar.marketName(slot)
                    + " is not open for trading at " + now + " (platform time): " + when);
        }
        return MarketCalendar.marketName(slot);
    }

    private static TimeInForce timeInForceOf(JsonNode body) {
        String text = optionalText(body, "time_in_force");
        if (text == null) {
            return TimeInForce.GTC;
        }
        try {
            return TimeInForce.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("time_in_force", text, "must be GTC, IOC or FOK");
        }
    }

    private static String requiredText(JsonNode body, String field) {
        String text = optionalText(body, field);
        if (text == null) {
            throw ApiException.invalidField(field, null, "the field is required");
        }
        return text;
    }

    private static String optionalText(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw ApiException.invalidField(field, node.toString(), "expected a string");
        }
        return node.textValue();
    }

    private static BigDecimal positiveAmount(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            throw ApiException.invalidField(field, null, "the field is required");
        }
        BigDecimal amount;
        if (node.isNumber()) {
            amount = node.decimalValue();
        } else if (node.isTextual()) {
            amount = parseDecimalText(field, node.textValue().trim());
        } else {
            throw ApiException.invalidField(field, node.toString(), "expected a decimal number or string");
        }
        // The exponent is checked before anything expands the value, so 1e1000000000 costs nothing.
        StrictJson.checkDecimalRange(field, amount);
        if (amount.signum() <= 0) {
            throw ApiException.invalidField(field, amount.toPlainString(), "must be greater than zero");
        }
        if (amount.stripTrailingZeros().toPlainString().length() > MAX_AMOUNT_CHARS) {
            throw ApiException.invalidField(field, amount.toString(), "at most " + MAX_AMOUNT_CHARS + " characters");
        }
        return amount;
    }

    private static BigDecimal parseDecimalText(String field, String text) {
        if (text.length() > MAX_AMOUNT_CHARS) {
            throw ApiException.invalidField(field, text.substring(0, 20) + "...",
                    "at most " + MAX_AMOUNT_CHARS + " characters");
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw ApiException.invalidField(field, text, "expected a decimal number such as 0.25");
        }
    }
}
