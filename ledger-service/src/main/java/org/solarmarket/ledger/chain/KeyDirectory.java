package org.solarmarket.ledger.chain;

import java.util.Optional;
import org.solarmarket.ledger.crypto.PublicKeys;

/** Looks up the public keys that a transaction sender signs with. */
@FunctionalInterface
public interface KeyDirectory {

    Optional<PublicKeys> publicKeysOf(String accountId);
}
