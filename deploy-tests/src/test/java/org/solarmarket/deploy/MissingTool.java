package org.solarmarket.deploy;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/**
 * Skips a check whose external tool is not installed, and prints the reason in the build log.
 *
 * <p>The schema validator (node with the packages of deploy-tests/k8s-schema) installs from
 * Debian and npm, so a CI script can demand it: with {@code SOLARMARKET_REQUIRE_SCHEMA_VALIDATOR=true}
 * a missing validator fails the test. kubectl stays optional because Debian's kubernetes-client
 * (1.20) is too old for these kustomizations; without it the rendered overlays are not checked.
 */
final class MissingTool {

    static final String REQUIRE_VARIABLE = "SOLARMARKET_REQUIRE_SCHEMA_VALIDATOR";

    private MissingTool() {
    }

    /** Aborts the running test with the reason, printed too, because surefire shows no skip reasons. */
    static void skipUnless(boolean available, String reason) {
        if (!available) {
            System.err.println("[deploy-tests] SKIPPED: " + reason);
            Assumptions.abort(reason);
        }
    }

    /** Like {@link #skipUnless}, but fails the test when the CI script demands the validator. */
    static void requireValidator(boolean available, String reason) {
        if (!available && "true".equalsIgnoreCase(System.getenv(REQUIRE_VARIABLE))) {
            fail(reason + " (" + REQUIRE_VARIABLE + "=true makes this a failure)");
        }
        skipUnless(available, reason);
    }
}
