package dev.timeledger.query.projection;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The JSON form of projection documents. */
public final class ProjectionJson {

	private ProjectionJson() {
	}

	/** Fields, not getters: documents are plain state. */
	public static ObjectMapper mapper() {
		return JsonMapper.builder()
			.addModule(new JavaTimeModule())
			.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.visibility(PropertyAccessor.ALL, Visibility.NONE)
			.visibility(PropertyAccessor.FIELD, Visibility.ANY)
			.build();
	}

}
