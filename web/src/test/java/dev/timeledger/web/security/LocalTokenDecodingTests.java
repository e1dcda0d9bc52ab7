package dev.timeledger.web.security;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.nimbusds.jose.jwk.RSAKey;
import dev.timeledger.web.TimeLedgerProperties;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local mode's token check, which every request, SSE stream and STOMP CONNECT runs.
 */
class LocalTokenDecodingTests {

	@TempDir
	Path dataDir;

	@Test
	void aLocalToken_keepsItsIssuer_andIsDecodedWithoutThrowingAnything() throws Exception {
		RSAKey key = LocalSigningKey.loadOrCreate(this.dataDir);
		JwtDecoder decoder = new LocalModeConfiguration().jwtDecoder(key, List.of());
		String token = new LocalTokens(key,
				new TimeLedgerProperties.Security("tenant_id", "roles", "name", "zone", Duration.ofMinutes(5)),
				Clock.systemUTC())
			.issue("walt", "acme", List.of("worker"), null, null)
			.token();
		decoder.decode(token);

		Jwt decoded;
		List<RecordedEvent> thrown;
		try (Recording recording = new Recording()) {
			// every Throwable created, with what created it
			recording.enable("jdk.JavaExceptionThrow").withStackTrace();
			recording.start();
			decoded = decoder.decode(token);
			recording.stop();
			Path file = this.dataDir.resolve("decode.jfr");
			recording.dump(file);
			long self = Thread.currentThread().getId();
			thrown = RecordingFile.readAllEvents(file)
				.stream()
				.filter((event) -> event.getThread() != null && event.getThread().getJavaThreadId() == self)
				.toList();
		}

		assertThat(decoded.getClaimAsString(JwtClaimNames.ISS)).isEqualTo(LocalTokens.ISSUER);
		assertThat(decoded.getSubject()).isEqualTo("walt");
		assertThat(thrown).extracting((event) -> event.getClass("thrownClass").getName()).isEmpty();
	}

}
