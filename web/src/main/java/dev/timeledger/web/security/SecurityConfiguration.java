package dev.timeledger.web.security;

import java.util.List;

import dev.timeledger.web.TimeLedgerProperties;
import dev.timeledger.web.problem.Problems;
import dev.timeledger.web.problem.StorableText;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every API call carries a bearer token (API.md "Identity"). Tokens come from the
 * identity provider set with Spring Boot's
 * {@code spring.security.oauth2.resourceserver.jwt.*} properties, or in local mode from
 * the server itself. Everything outside {@code /api/} is public: the page and its scripts
 * at {@code /} carry no data; they fetch it with the user's token.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration implements WebMvcConfigurer {

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http, TimeLedgerProperties properties) throws Exception {
		ProblemSecurityHandlers problems = new ProblemSecurityHandlers();
		http.csrf((csrf) -> csrf.disable())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/api/dev/tokens", "/api/dev/demo")
				.permitAll()
				.requestMatchers("/api/**")
				.authenticated()
				.anyRequest()
				.permitAll())
			.oauth2ResourceServer((server) -> server
				.jwt((jwt) -> jwt.jwtAuthenticationConverter(new CallerConverter(properties.security())))
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
		return http.build();
	}

	/**
	 * Spring Security's strict firewall, which also refuses request parameters that
	 * PostgreSQL cannot store.
	 */
	@Bean
	HttpFirewall firewall() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setAllowedParameterValues(StorableText::is);
		return firewall;
	}

	/**
	 * What the firewall refuses answers 400 problem+json, not the container's error page.
	 */
	@Bean
	RequestRejectedHandler requestRejected() {
		return (request, response, ex) -> Problems.write(request, response, HttpStatus.BAD_REQUEST, "malformed-request",
				ex.getMessage());
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new CallerArgumentResolver());
	}

}
