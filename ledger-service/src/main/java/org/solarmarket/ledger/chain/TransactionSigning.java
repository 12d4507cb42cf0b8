package org.solarmarket.ledger.chain;

import java.security.PrivateKey;
import java.util.Base64;
import org.solarmarket.ledger.crypto.DualSigner;

/** Completes a transaction: signs its canonical content with both schemes and sets its id. */
public final class TransactionSigning {

    private TransactionSigning() {
    }

    /** Returns {@code unsigned} with both signatures and its id; any id or signatures it had are replaced. */
    public static Transaction sign(Transaction unsigned, PrivateKey ed25519, PrivateKey mlDsa65) {
        byte[] content = TransactionCodec.signedContent(unsigned);
        DualSigner.Signatures signatures = DualSigner.sign(content, ed25519, mlDsa65);
        Base64.Encoder base64 = Base64.getEncoder();
        return unsigned.withSignatures(base64.encodeToString(signatures.ed25519()),
                        base64.encodeToString(signatures.mlDsa65()))
                .withId(TransactionCodec.computeId(unsigned));
    }
}
