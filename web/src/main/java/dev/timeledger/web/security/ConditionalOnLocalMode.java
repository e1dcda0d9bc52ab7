package dev.timeledger.web.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;

/**
 * Matches when no identity provider is configured: the server then signs its own
 * development tokens.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnExpression("'${spring.security.oauth2.resourceserver.jwt.jwk-set-uri:}' == ''"
		+ " and '${spring.security.oauth2.resourceserver.jwt.issuer-uri:}' == ''"
		+ " and '${spring.security.oauth2.resourceserver.jwt.public-key-location:}' == ''")
public @interface ConditionalOnLocalMode {

}
