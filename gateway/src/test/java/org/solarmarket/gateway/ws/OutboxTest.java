package org.solarmarket.gateway.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class OutboxTest {

    @Test
    void stateReplacesInPlace() {
        Outbox outbox = new Outbox(4);
        outbox.offerEvent("e1");
        outbox.offerState("m", "m1");
        outbox.offerEvent("e2");
        outbox.offerState("m", "m2");
        assertEquals("e1", outbox.poll());
        assertEquals("m2", outbox.poll());
        assertEquals("e2", outbox.poll());
        assertNull(outbox.poll());
    }

    @Test
    void fullOutboxDropsOldestEventBeforeState() {
        Outbox outbox = new Outbox(2);
        outbox.offerState("m", "m1");
        outbox.offerEvent("e1");
        outbox.offerEvent("e2");
        assertEquals(1, outbox.dropped());
        assertEquals("m1", outbox.poll());
        assertEquals("e2", outbox.poll());
        outbox.offerState("a", "a1");
        outbox.offerState("b", "b1");
        outbox.offerState("c", "c1");
        assertEquals("b1", outbox.poll(), "with states only, the oldest state goes");
        assertEquals(2, outbox.dropped());
    }

    @Test
    void capacityMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new Outbox(0));
    }
}
