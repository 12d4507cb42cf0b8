package org.solarmarket.deploy;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The mismatches one check collected, so that a test reports all of them at once. */
final class Findings {

    private final List<Finding> items = new ArrayList<>();

    void add(String file, String subject, String message) {
        items.add(new Finding(file, subject, message));
    }

    void addAll(Findings other) {
        items.addAll(other.items);
    }

    List<Finding> items() {
        return List.copyOf(items);
    }

    boolean isEmpty() {
        return items.isEmpty();
    }

    /** Fails the test with every mismatch, one per line, when there is any. */
    void assertNone(String what) {
        if (!items.isEmpty()) {
            fail(items.size() + " mismatch(es) in " + what + ":\n" + items.stream()
                    .map(Finding::toString)
                    .collect(Collectors.joining("\n  ", "  ", "")));
        }
    }

    @Override
    public String toString() {
        return items.toString();
    }
}
