package dev.timeledger.query.timesheet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.timeledger.query.projection.ProjectionJson;

/** Reads stored timesheet documents. */
public final class TimesheetJson {

	private static final ObjectMapper MAPPER = ProjectionJson.mapper();

	private TimesheetJson() {
	}

	public static TimesheetDocument read(String json) {
		try {
			return MAPPER.readValue(json, TimesheetDocument.class);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Unreadable timesheet document", ex);
		}
	}

}
