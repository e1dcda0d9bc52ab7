package dev.timeledger.web.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * The RSA key local mode signs development tokens with. Generated once into
 * {@code <data-dir>/keys/}, readable by the owner only, so tokens survive restarts; never
 * part of the repository.
 */
final class LocalSigningKey {

	private LocalSigningKey() {
	}

	static RSAKey loadOrCreate(Path dataDir) {
		Path file = dataDir.resolve("keys").resolve("local-signing-key.json");
		try {
			if (Files.exists(file)) {
				return RSAKey.parse(Files.readString(file));
			}
			RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString())
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.generate();
			Files.createDirectories(file.getParent());
			Path temporary = Files.createTempFile(file.getParent(), "key", ".tmp");
			restrictToOwner(temporary);
			Files.writeString(temporary, key.toJSONString());
			try {
				Files.move(temporary, file);
			}
			catch (FileAlreadyExistsException ex) {
				// another node sharing the directory wrote its key first: every node
				// signs with that one
				Files.delete(temporary);
				return RSAKey.parse(Files.readString(file));
			}
			return key;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read or write the local signing key " + file, ex);
		}
		catch (ParseException | JOSEException ex) {
			throw new IllegalStateException(
					"The local signing key " + file + " is unusable; delete it to get a new one", ex);
		}
	}

	private static void restrictToOwner(Path file) throws IOException {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException ex) {
			// not a POSIX file system: the directory's own permissions apply
		}
	}

}
