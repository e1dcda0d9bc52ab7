package dev.timeledger.web.observability;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Measures the writes that reach a controller. */
@Configuration(proxyBeanMethods = false)
class ObservabilityConfiguration implements WebMvcConfigurer {

	private final MeterRegistry registry;

	ObservabilityConfiguration(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new CommandMetrics(this.registry)).addPathPatterns("/api/**");
	}

}
