package dev.timeledger.web.security;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The memory of accepted tokens, in front of a decoder that counts its full checks (the
 * signature check is the boundary here; the HTTP security suite runs through the real
 * decoders with this memory in place).
 */
class VerifiedTokensTests {

	private final AtomicInteger fullChecks = new AtomicInteger();

	@Test
	void anAcceptedToken_isCheckedInFullOnce_andItsTimeWindowOnEveryUse() throws Exception {
		// expires 59.5 s ago: inside the 60 s clock skew now, outside it in a second
		Instant expiresAt = Instant.now().minusMillis(59_500);
		VerifiedTokens tokens = new VerifiedTokens(decoder(expiresAt), Duration.ofMinutes(5));

		assertThat(tokens.decode("token-a").getSubject()).isEqualTo("ana");
		assertThat(tokens.decode("token-a").getSubject()).isEqualTo("ana");
		assertThat(this.fullChecks).hasValue(1);

		Thread.sleep(1000);
		assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> tokens.decode("token-a"))
			.withMessageContaining("expired");
	}

	@Test
	void aRefusedToken_isNotRemembered() {
		VerifiedTokens tokens = new VerifiedTokens((token) -> {
			this.fullChecks.incrementAndGet();
			throw new BadJwtException("bad signature");
		}, Duration.ofMinutes(5));

		for (int attempt = 0; attempt < 2; attempt++) {
			assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> tokens.decode("forged"));
		}
		assertThat(this.fullChecks).hasValue(2);
	}

	@Test
	void aTokenIsForgottenAfterItsTimeToLive_andCheckedInFullAgain() throws Exception {
		VerifiedTokens tokens = new VerifiedTokens(decoder(Instant.now().plusSeconds(3600)), Duration.ofMillis(200));

		tokens.decode("token-b");
		Thread.sleep(300);
		tokens.decode("token-b");

		assertThat(this.fullChecks).hasValue(2);
	}

	private JwtDecoder decoder(Instant expiresAt) {
		return (token) -> {
			this.fullChecks.incrementAndGet();
			return Jwt.withTokenValue(token)
				.header("alg", "RS256")
				.subject("ana")
				.issuedAt(expiresAt.minusSeconds(3600))
				.expiresAt(expiresAt)
				.build();
		};
	}

}
