package org.solarmarket.ledger.chain;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.solarmarket.ledger.crypto.Sha256;

/**
 * The canonical byte encoding of a transaction, which its id, its signatures and its Merkle leaf
 * are computed from.
 *
 * <p>Signed content: the ASCII tag {@code SMTX1}, then each field in this order: kind, fill id,
 * market, sender, recipient, asset, amount, price, sequence, timestamp, payload channel id,
 * payload nonce, payload ciphertext. A text field is {@code 0x00} when absent, else {@code 0x01},
 * its UTF-8 length as a 4-byte big-endian integer and its UTF-8 bytes. Kind and asset are their
 * wire names; amount and price are {@link BigDecimal#toPlainString()}, so scale counts
 * ({@code 5.000} and {@code 5} differ). Sequence is 8 bytes big-endian. The timestamp is
 * {@code 0x00} when absent, else {@code 0x01}, epoch seconds (8 bytes) and nanoseconds (4 bytes),
 * big-endian.
 *
 * <p>Leaf data: the signed content followed by the Ed25519 and then the ML-DSA-65 signature, each
 * as a length-prefixed byte field, so the Merkle root also covers the signatures.
 */
public final class TransactionCodec {

    private static final byte[] TAG = "SMTX1".getBytes(StandardCharsets.US_ASCII);

    private TransactionCodec() {
    }

    public static byte[] signedContent(Transaction tx) {
        Writer out = new Writer();
        out.raw(TAG);
        out.text(tx.kind() == null ? null : tx.kind().wireName());
        out.text(tx.fillId());
        out.text(tx.market());
        out.text(tx.sender());
        out.text(tx.recipient());
        out.text(tx.asset() == null ? null : tx.asset().wireName());
        out.decimal(tx.amount());
        out.decimal(tx.price());
        out.int64(tx.sequence());
        out.instant(tx.timestamp());
        EncryptedPayload payload = tx.payload();
        out.text(payload == null ? null : payload.channelId());
        out.text(payload == null ? null : payload.nonce());
        out.text(payload == null ? null : payload.ciphertext());
        return out.toByteArray();
    }

    /** The id a transaction must carry: hex SHA-256 of its signed content. */
    public static String computeId(Transaction tx) {
        return Sha256.hex(Sha256.digest(signedContent(tx)));
    }

    public static byte[] leafData(Transaction tx) {
        Writer out = new Writer();
        out.raw(signedContent(tx));
        out.bytes(decodeOrEmpty(tx.ed25519Signature()));
        out.bytes(decodeOrEmpty(tx.mlDsa65Signature()));
        return out.toByteArray();
    }

    private static byte[] decodeOrEmpty(String base64) {
        if (base64 == null) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            // Not base64: encode the text itself, so the damaged signature still changes the leaf.
            return base64.getBytes(StandardCharsets.UTF_8);
        }
    }

    private static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

        void raw(byte[] bytes) {
            out.writeBytes(bytes);
        }

        void text(String value) {
            bytes(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
        }

        void bytes(byte[] value) {
            if (value == null) {
                out.write(0);
                return;
            }
            out.write(1);
            out.writeBytes(ByteBuffer.allocate(4).putInt(value.length).array());
            out.writeBytes(value);
        }

        void decimal(BigDecimal value) {
            text(value == null ? null : value.toPlainString());
        }

        void int64(long value) {
            out.writeBytes(ByteBuffer.allocate(8).putLong(value).array());
        }

        void instant(Instant value) {
            if (value == null) {
                out.write(0);
                return;
            }
            out.write(1);
            out.writeBytes(ByteBuffer.allocate(12).putLong(value.getEpochSecond()).putInt(value.getNano()).array());
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }
    }
}
