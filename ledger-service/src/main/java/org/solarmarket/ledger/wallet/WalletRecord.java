package org.solarmarket.ledger.wallet;

import java.time.Instant;
import org.solarmarket.ledger.crypto.PublicKeys;

/**
 * A wallet as stored in {@code wallets.log}. The API token is kept only as {@code tokenId} (to
 * find the wallet) and the hex SHA-256 of the token's secret part.
 */
public record WalletRecord(
        String userId,
        String tokenId,
        String tokenSecretHash,
        PublicKeys publicKeys,
        SealedPrivateKeys privateKeys,
        Instant createdAt) {
}
