package org.solarmarket.broker;

import java.util.ArrayList;
import java.util.List;

/**
 * A topic the broker creates on start, with its partition count.
 *
 * @param name       topic name
 * @param partitions number of partitions, at least 1
 */
public record TopicSpec(String name, int partitions) {

    /**
     * The platform's topics. The orders topic has one partition because a single trading engine
     * owns all of it and wallets span markets: one partition keeps a deposit ahead of the order
     * that spends it. The trading journal must have one partition, since its order is the order
     * the engine applied its inputs in. Outputs keep three partitions for their consumers.
     */
    public static final String DEFAULT_SPEC =
            "orders:1,order-events:3,fills:3,book-updates:3,blocks:1,trading-journal:1";

    public TopicSpec {
        if (name == null || !name.matches("[A-Za-z0-9._-]{1,249}")) {
            throw new IllegalArgumentException("invalid topic name '" + name
                    + "': use 1 to 249 letters, digits, '.', '_' or '-'");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("invalid partition count " + partitions + " for topic '" + name
                    + "': it must be at least 1");
        }
    }

    /** Parses a list such as {@code orders:3,fills:3}. */
    public static List<TopicSpec> parseList(String spec) {
        List<TopicSpec> topics = new ArrayList<>();
        for (String entry : spec.split(",")) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int colon = trimmed.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("invalid topic entry '" + trimmed
                        + "': expected name:partitions, for example orders:3");
            }
            String count = trimmed.substring(colon + 1).trim();
            try {
                topics.add(new TopicSpec(trimmed.substring(0, colon).trim(), Integer.parseInt(count)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid partition count '" + count + "' in topic entry '"
                        + trimmed + "': expected an integer", e);
            }
        }
        return topics;
    }
}
