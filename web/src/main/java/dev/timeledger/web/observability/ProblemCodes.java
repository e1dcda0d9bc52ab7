package dev.timeledger.web.observability;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Remembers the {@code code} of the problem an answer carries, so that the command
 * metrics tag a refusal with exactly the code its client got.
 */
@ControllerAdvice
class ProblemCodes implements ResponseBodyAdvice<Object> {

	private static final String CODE = ProblemCodes.class.getName() + ".code";

	/** The problem code of the request's answer, if it was a problem. */
	static Optional<String> of(HttpServletRequest request) {
		return Optional.ofNullable((String) request.getAttribute(CODE));
	}

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType selectedContentType,
			Class<? extends HttpMessageConverter<?>> selectedConverterType, ServerHttpRequest request,
			ServerHttpResponse response) {
		if (body instanceof ProblemDetail problem && problem.getProperties() != null
				&& problem.getProperties().get("code") instanceof String code
				&& request instanceof ServletServerHttpRequest servlet) {
			servlet.getServletRequest().setAttribute(CODE, code);
		}
		return body;
	}

}
