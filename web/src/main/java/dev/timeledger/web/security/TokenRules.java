package dev.timeledger.web.security;

import java.time.Instant;
import java.util.Objects;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;

/**
 * Rules every accepted token meets beyond its signature, issuer, audience and time
 * window. Spring Boot adds these validators to the identity provider's decoder; local
 * mode adds them to its own.
 */
@Configuration(proxyBeanMethods = false)
class TokenRules {

	/**
	 * A token without {@code exp} would be valid for ever: a stolen one could never be
	 * taken back, and a STOMP session would never be closed on expiry.
	 */
	@Bean
	OAuth2TokenValidator<Jwt> expiryRequired() {
		return new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull);
	}

}
