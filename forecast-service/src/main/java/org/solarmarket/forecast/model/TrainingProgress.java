package org.solarmarket.forecast.model;

/** Receives one line per training step, for a command line or a log. */
@FunctionalInterface
public interface TrainingProgress {

    void step(String message);

    static TrainingProgress silent() {
        return message -> {
        };
    }
}
