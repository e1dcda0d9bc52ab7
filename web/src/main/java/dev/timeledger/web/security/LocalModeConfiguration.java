package dev.timeledger.web.security;

import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import dev.timeledger.web.TimeLedgerProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Local mode: with no identity provider configured, the server accepts only RS256 tokens
 * signed by its own key and issued by itself, that also meet the {@link TokenRules}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnLocalMode
class LocalModeConfiguration {

	@Bean
	RSAKey localSigningKey(TimeLedgerProperties properties) {
		return LocalSigningKey.loadOrCreate(properties.dataDir());
	}

	@Bean
	LocalTokens localTokens(RSAKey localSigningKey, TimeLedgerProperties properties, Clock clock) {
		return new LocalTokens(localSigningKey, properties.security(), clock);
	}

	@Bean
	JwtDecoder jwtDecoder(RSAKey localSigningKey, List<OAuth2TokenValidator<Jwt>> tokenRules) throws JOSEException {
		RSAPublicKey publicKey = localSigningKey.toRSAPublicKey();
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(publicKey)
			.signatureAlgorithm(SignatureAlgorithm.RS256)
			.build();
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>(tokenRules);
		validators.add(0, JwtValidators.createDefaultWithIssuer(LocalTokens.ISSUER));
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
		// the local issuer is a name, not a URL: the default conversion tries a URL
		// first, and each try throws and catches two exceptions with their stack
		// traces, on every request (1.4 % of the machine in the throughput
		// benchmark's profile)
		decoder.setClaimSetConverter(MappedJwtClaimSetConverter
			.withDefaults(Map.of(JwtClaimNames.ISS, (issuer) -> (issuer != null) ? issuer.toString() : null)));
		return decoder;
	}

}
