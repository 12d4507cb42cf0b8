package org.solarmarket.ledger.wallet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.solarmarket.ledger.chain.KeyDirectory;
import org.solarmarket.ledger.chain.Transaction;
import org.solarmarket.ledger.crypto.PublicKeys;

/** Public keys of wallets, and of the node for rewards. */
@ApplicationScoped
public class LedgerKeyDirectory implements KeyDirectory {

    @Inject
    WalletRegistry wallets;

    @Inject
    NodeIdentity node;

    @Override
    public Optional<PublicKeys> publicKeysOf(String accountId) {
        if (Transaction.COINBASE.equals(accountId)) {
            return Optional.of(node.publicKeys());
        }
        return wallets.find(accountId).map(WalletRecord::publicKeys);
    }
}
