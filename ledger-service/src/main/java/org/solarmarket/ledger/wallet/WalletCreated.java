package org.solarmarket.ledger.wallet;

/** CDI event fired after a new wallet is durable. */
public record WalletCreated(WalletRecord wallet) {
}
