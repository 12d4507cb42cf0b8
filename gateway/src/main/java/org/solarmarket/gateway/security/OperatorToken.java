package org.solarmarket.gateway.security;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.solarmarket.gateway.problem.ApiException;

/**
 * The operator's token for administrative calls such as {@code POST /admin/credit}. It is created
 * on the first start as 32 random bytes in the file {@code operator-token} of the gateway's data
 * folder, readable and writable by its owner only, and read from there on later starts.
 */
@Startup
@ApplicationScoped
public class OperatorToken {

    private static final Logger LOG = Logger.getLogger(OperatorToken.class);
    public static final String FILE_NAME = "operator-token";

    @ConfigProperty(name = "solarmarket.gateway.data-dir", defaultValue = "data/gateway")
    Path dataDir;

    @Inject
    TokenVerifier wallets;

    private String token;

    @PostConstruct
    void load() {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            Files.createDirectories(dataDir);
            if (!Files.exists(file)) {
                create(file);
            }
            token = Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or create the operator token at "
                    + file.toAbsolutePath() + "; check that the data folder is writable", e);
        }
        if (token.isEmpty()) {
            throw new IllegalStateException("the operator token file " + file.toAbsolutePath()
                    + " is empty; delete it to have a new token generated");
        }
        LOG.infof("Operator token loaded from %s", file.toAbsolutePath());
    }

    private static void create(Path file) throws IOException {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException e) {
            // Another gateway process on the same folder created it first; use that one.
            return;
        }
        Files.writeString(file, generated + "\n", StandardCharsets.UTF_8);
        LOG.infof("Generated a new operator token in %s", file.toAbsolutePath());
    }

    /**
     * Checks that the request carries the operator token, comparing in constant time.
     *
     * @throws ApiException 401 without a bearer token or with one that is no valid token at all,
     *                      403 with a wallet's token, which is valid but may not make operator calls
     */
    public void require(String authorizationHeader) {
        String presented = BearerToken.from(authorizationHeader).orElseThrow(() -> ApiException.unauthorized(
                "this call needs the operator token: send 'Authorization: Bearer <operator token>'"));
        if (Secrets.constantTimeEquals(token, presented)) {
            return;
        }
        if (isWalletToken(presented)) {
            throw ApiException.forbidden("a wallet's token cannot make operator calls; send the operator token",
                    "Authorization", null);
        }
        throw ApiException.unauthorized("the bearer token is not the operator token; "
                + "'bin/platform operator-token' prints it");
    }

    private boolean isWalletToken(String presented) {
        try {
            return wallets.userOf(presented).isPresent();
        } catch (ApiException e) {
            // Without the ledger a wallet token cannot be distinguished from a wrong one, so both get 401.
            LOG.warnf("Could not check whether a rejected operator call used a wallet token: %s", e.getMessage());
            return false;
        }
    }
}
