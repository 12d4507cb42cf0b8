package org.solarmarket.trading.intake;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.solarmarket.contracts.BookUpdate;
import org.solarmarket.contracts.Fill;
import org.solarmarket.contracts.Json;
import org.solarmarket.contracts.OrderEvent;
import org.solarmarket.contracts.Topics;
import org.solarmarket.trading.matching.EngineListener;

/** Sends the engine's outputs inside the producer's open transaction, keyed as the topics require. */
final class KafkaOutput implements EngineListener {

    private final KafkaProducer<String, byte[]> producer;

    KafkaOutput(KafkaProducer<String, byte[]> producer) {
        this.producer = producer;
    }

    @Override
    public void onEvent(OrderEvent event) {
        producer.send(new ProducerRecord<>(Topics.ORDER_EVENTS, event.accountId(), Json.write(event)));
    }

    @Override
    public void onFill(Fill fill) {
        producer.send(new ProducerRecord<>(Topics.FILLS, fill.market(), Json.write(fill)));
    }

    @Override
    public void onBookUpdate(BookUpdate update) {
        producer.send(new ProducerRecord<>(Topics.BOOK_UPDATES, update.market(), Json.write(update)));
    }
}
