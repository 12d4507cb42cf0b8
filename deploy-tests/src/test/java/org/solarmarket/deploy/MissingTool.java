package org.solarmarket.deploy;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/**
 * Skips a check whose external tool (node with the schema validator, kubectl) is not installed,
 * and says so in the build log. With the environment variable
 * {@code SOLARMARKET_REQUIRE_DEPLOY_TOOLS=true}, as a CI script sets it, a missing tool fails the
 * test instead.
 */
final class MissingTool {

    static final String REQUIRE_VARIABLE = "SOLARMARKET_REQUIRE_DEPLOY_TOOLS";

    private MissingTool() {
    }

    /** Aborts or fails the running test with the reason, printed too, because surefire shows no skip reasons. */
    static void skipUnless(boolean available, String reason) {
        if (available) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv(REQUIRE_VARIABLE))) {
            fail(reason + " (" + REQUIRE_VARIABLE + "=true makes this a failure)");
        }
        System.err.println("[deploy-tests] SKIPPED: " + reason);
        Assumptions.abort(reason);
    }
}
