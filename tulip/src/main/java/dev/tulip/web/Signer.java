package dev.tulip.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 signatures for cookie values: {@code text.signature}, both base64url. Signs with the
 * newest key and verifies with every key, so keys can be rotated without logging everyone out:
 * add the new key first, drop the old one once its cookies have expired. Also the source of random
 * ids and tokens.
 */
final class Signer {
    /** The shortest key accepted: HMAC-SHA256's own size. */
    static final int MIN_KEY_BYTES = 32;

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final List<SecretKeySpec> keys;
    private final SecureRandom random = new SecureRandom();

    /** {@code keys}, newest first; {@code what} names the user in errors ("Sessions", "Csrf"). */
    Signer(String what, List<String> keys) {
        if (keys.isEmpty())
            throw new IllegalArgumentException(what + " needs a signing key: keys(\"...\") with at least "
                    + MIN_KEY_BYTES + " bytes of secret text, e.g. from `openssl rand -base64 32`, read from an app"
                    + " setting or the environment (never from the source)");
        List<SecretKeySpec> specs = new ArrayList<>();
        for (String k : keys) {
            byte[] bytes = k.getBytes(StandardCharsets.UTF_8);
            if (bytes.length < MIN_KEY_BYTES)
                throw new IllegalArgumentException(what + " signing keys must have at least " + MIN_KEY_BYTES
                        + " bytes, one has " + bytes.length + " (make one with `openssl rand -base64 32`)");
            specs.add(new SecretKeySpec(bytes, "HmacSHA256"));
        }
        this.keys = List.copyOf(specs);
    }

    /** {@code text} (cookie-safe: base64url or the like) with its signature by the newest key. */
    String sign(String text) {
        return text + "." + B64.encodeToString(mac(keys.getFirst(), text));
    }

    /** The text of {@code signed} if some key signed it. */
    Optional<String> verify(String signed) {
        int dot = signed.lastIndexOf('.');
        if (dot < 0) return Optional.empty();
        String text = signed.substring(0, dot);
        byte[] sig;
        try {
            sig = B64D.decode(signed.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        for (SecretKeySpec k : keys) {
            if (MessageDigest.isEqual(mac(k, text), sig)) return Optional.of(text);
        }
        return Optional.empty();
    }

    /** {@code n} random bytes. */
    byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    /** An unguessable id: 32 random bytes, base64url. */
    String randomId() {
        return encode(randomBytes(32));
    }

    static String encode(byte[] b) {
        return B64.encodeToString(b);
    }

    /** The bytes of base64url {@code text}, or empty if it is not base64url. */
    static Optional<byte[]> decode(String text) {
        try {
            return Optional.of(B64D.decode(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] mac(SecretKeySpec key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
