package dev.timeledger.web.problem;

import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.module.SimpleModule;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The API reads and writes JSON (and CSV where a read offers it), nothing else. Its
 * strings are text PostgreSQL can store ({@link StorableText}). Other formats that
 * libraries bring along (YAML) are removed, so their bodies cannot bypass the strict JSON
 * rules. A write whose client accepts no JSON answer is refused with 406 before it runs:
 * otherwise the write would be stored and only its answer refused.
 */
@Configuration(proxyBeanMethods = false)
class JsonOnlyConfiguration implements WebMvcConfigurer {

	@Bean
	Module storableText() {
		return new SimpleModule("storable-text").addDeserializer(String.class, new StorableText.Deserializer());
	}

	/**
	 * Tomcat's error report, for requests it refuses itself, as problem+json: replaces
	 * the report Spring Boot installs (ordered after Spring Boot's customizer).
	 */
	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
		return (factory) -> factory.addContextCustomizers((context) -> {
			Pipeline pipeline = context.getParent().getPipeline();
			for (Valve valve : pipeline.getValves()) {
				if (valve instanceof ErrorReportValve) {
					pipeline.removeValve(valve);
				}
			}
			pipeline.addValve(new ProblemErrorReportValve());
			if (context.getParent() instanceof StandardHost host) {
				host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
			}
		});
	}

	@Override
	public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
		converters.removeIf((converter) -> converter.getSupportedMediaTypes()
			.stream()
			.anyMatch((type) -> type.getSubtype().contains("yaml")));
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new JsonAnswersAccepted()).addPathPatterns("/api/**");
	}

	/** Refuses a write, before it runs, when the client accepts no JSON answer. */
	static final class JsonAnswersAccepted implements HandlerInterceptor {

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
				throws HttpMediaTypeNotAcceptableException {
			HttpMethod method = HttpMethod.valueOf(request.getMethod());
			if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS) {
				return true;
			}
			List<String> accept = Collections.list(request.getHeaders(HttpHeaders.ACCEPT));
			if (accept.isEmpty()) {
				return true;
			}
			try {
				if (MediaType.parseMediaTypes(accept)
					.stream()
					.anyMatch((type) -> type.isCompatibleWith(MediaType.APPLICATION_JSON))) {
					return true;
				}
			}
			catch (InvalidMediaTypeException ex) {
				throw new HttpMediaTypeNotAcceptableException("Accept cannot be read: " + ex.getMessage());
			}
			throw new HttpMediaTypeNotAcceptableException(List.of(MediaType.APPLICATION_JSON));
		}

	}

}
