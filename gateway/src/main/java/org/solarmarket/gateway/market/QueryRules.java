package org.solarmarket.gateway.market;

import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.solarmarket.gateway.problem.ApiException;

/** The query parameters a market-data path accepts, each at most once. */
final class QueryRules {

    private QueryRules() {
    }

    /**
     * Rejects a parameter outside {@code allowed}, because a misspelt {@code market} would
     * otherwise return the default market, and a parameter given more than once.
     *
     * @throws ApiException HTTP 400 naming the parameter
     */
    static void requireKnown(UriInfo uri, Set<String> allowed) {
        for (Map.Entry<String, List<String>> parameter : uri.getQueryParameters().entrySet()) {
            String value = String.join(",", parameter.getValue());
            if (!allowed.contains(parameter.getKey())) {
                throw ApiException.invalidField(parameter.getKey(), value, "unknown query parameter; allowed are "
                        + new TreeSet<>(allowed));
            }
            if (parameter.getValue().size() > 1) {
                throw ApiException.invalidField(parameter.getKey(), value, "given " + parameter.getValue().size()
                        + " times; give it once");
            }
        }
    }
}
