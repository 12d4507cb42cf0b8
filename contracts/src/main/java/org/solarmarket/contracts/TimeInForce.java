package org.solarmarket.contracts;

/**
 * How long an order rests: good till cancelled (at the latest until its delivery slot closes),
 * immediate-or-cancel (the unfilled rest is cancelled), fill-or-kill (all or nothing at once).
 */
public enum TimeInForce {
    GTC, IOC, FOK
}
