package org.solarmarket.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicSpecTest {

    @Test
    void defaultSpecNamesEveryPlatformTopic() {
        List<String> names = TopicSpec.parseList(TopicSpec.DEFAULT_SPEC).stream().map(TopicSpec::name).toList();
        assertTrue(names.containsAll(List.of("orders", "order-events", "fills", "book-updates", "blocks")), names::toString);
    }

    @Test
    void parsesNamesAndPartitionCounts() {
        assertEquals(List.of(new TopicSpec("orders", 6), new TopicSpec("blocks", 1)),
                TopicSpec.parseList(" orders:6 , blocks:1 ,"));
    }

    @Test
    void rejectsBadEntriesWithTheirValue() {
        IllegalArgumentException noCount = assertThrows(IllegalArgumentException.class,
                () -> TopicSpec.parseList("orders"));
        assertTrue(noCount.getMessage().contains("'orders'"), noCount.getMessage());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> TopicSpec.parseList("orders:0"));
        assertTrue(zero.getMessage().contains("0"), zero.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TopicSpec.parseList("bad name:1"));
    }

    @Test
    void settingsRejectClashingPorts() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BrokerSettings.fromEnvironment(Map.of("KAFKA_PORT", "9100", "KAFKA_CONTROLLER_PORT", "9100")));
        assertTrue(e.getMessage().contains("9100"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> BrokerSettings.fromEnvironment(Map.of("KAFKA_PORT", "http")));
    }
}
