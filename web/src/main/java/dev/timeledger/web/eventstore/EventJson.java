package dev.timeledger.web.eventstore;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON form of stored messages. Events are the public contract (instants as ISO-8601
 * strings, decimals as plain numbers, unknown fields ignored so that older readers
 * survive newer events); snapshots serialize an aggregate's private fields.
 */
public final class EventJson {

	private EventJson() {
	}

	/** The mapper for event payloads and metadata. */
	public static ObjectMapper events() {
		return JsonMapper.builder()
			.addModule(new JavaTimeModule())
			.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
			.build();
	}

	/** The mapper for aggregate snapshots and tracking tokens: fields, not getters. */
	public static ObjectMapper state() {
		ObjectMapper mapper = events();
		mapper.setVisibility(PropertyAccessor.ALL, Visibility.NONE);
		mapper.setVisibility(PropertyAccessor.FIELD, Visibility.ANY);
		return mapper;
	}

}
