package dev.timeledger.web.security;

import java.io.IOException;

import dev.timeledger.web.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers missing or refused tokens (401) and missing roles (403) with problem+json,
 * keeping the {@code WWW-Authenticate} header of RFC 6750.
 */
final class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();

	private final BearerTokenAccessDeniedHandler bearerDenied = new BearerTokenAccessDeniedHandler();

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		this.bearerEntryPoint.commence(request, response, authException);
		String detail = (request.getHeader("Authorization") == null) ? "This needs a bearer token"
				: "The bearer token was refused: " + authException.getMessage();
		Problems.write(request, response, HttpStatus.UNAUTHORIZED, "unauthorized", detail);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException {
		this.bearerDenied.handle(request, response, accessDeniedException);
		Problems.write(request, response, HttpStatus.FORBIDDEN, "forbidden", "The token's roles do not allow this");
	}

}
