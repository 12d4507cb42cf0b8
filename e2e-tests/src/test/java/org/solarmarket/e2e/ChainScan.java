package org.solarmarket.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads settlement transactions out of a {@code GET /chain/full} response. */
final class ChainScan {

    private ChainScan() {
    }

    static List<JsonNode> transactionsOfFill(JsonNode chain, String fillId) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode block : chain.path("blocks")) {
            for (JsonNode tx : block.path("transactions")) {
                if (fillId.equals(tx.path("fill_id").asText())) {
                    found.add(tx);
                }
            }
        }
        return found;
    }

    /** Counts the settlement transactions of every fill id in the chain. */
    static Map<String, Integer> legsByFill(JsonNode chain) {
        Map<String, Integer> counts = new HashMap<>();
        for (JsonNode block : chain.path("blocks")) {
            for (JsonNode tx : block.path("transactions")) {
                String fillId = tx.path("fill_id").asText("");
                if (!fillId.isEmpty()) {
                    counts.merge(fillId, 1, Integer::sum);
                }
            }
        }
        return counts;
    }
}
