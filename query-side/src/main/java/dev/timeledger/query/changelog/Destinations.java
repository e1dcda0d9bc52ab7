package dev.timeledger.query.changelog;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import dev.timeledger.events.IsoWeek;

/**
 * The live destinations of API.md, without their {@code /topic/} prefix. Path segments
 * are percent-encoded, so ids with a slash stay one segment.
 */
public final class Destinations {

	public static final String WEEKLY = "weekly-reports";

	public static final String TEAM = "team-weekly-reports";

	public static final String PROJECT = "project-reports";

	public static final String TIMESHEET = "timesheets";

	private Destinations() {
	}

	public static String weeklyReport(String tenantId, String userId, String week) {
		return path(tenantId, WEEKLY, userId, week);
	}

	public static String teamWeeklyReport(String tenantId, String week) {
		return path(tenantId, TEAM, week);
	}

	public static String projectReport(String tenantId, String projectId) {
		return path(tenantId, PROJECT, projectId);
	}

	public static String timesheet(String tenantId, String userId, String week) {
		return path(tenantId, TIMESHEET, userId, week);
	}

	/**
	 * Reads a destination such as
	 * {@code /topic/tenants/acme/weekly-reports/walt/2026-W47}.
	 * @return its parts, empty when it is not one of the four kinds
	 */
	public static Optional<Parsed> parse(String destination) {
		if (destination == null || !destination.startsWith("/topic/tenants/")) {
			return Optional.empty();
		}
		String[] segments = destination.substring("/topic/tenants/".length()).split("/", -1);
		List<String> parts = java.util.Arrays.stream(segments)
			// percent-decoding only: a + in a path segment is a +
			.map((segment) -> URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8))
			.toList();
		if (parts.size() < 3 || parts.stream().anyMatch(String::isEmpty)) {
			return Optional.empty();
		}
		String tenant = parts.get(0);
		String kind = parts.get(1);
		int expected = switch (kind) {
			case WEEKLY, TIMESHEET -> 4;
			case TEAM, PROJECT -> 3;
			default -> -1;
		};
		if (parts.size() != expected) {
			return Optional.empty();
		}
		List<String> ids = parts.subList(2, parts.size());
		if (!kind.equals(PROJECT) && !isWeek(ids.get(ids.size() - 1))) {
			return Optional.empty();
		}
		// the change log's spelling, however the client encoded the segments
		String canonical = path(tenant, kind, ids.toArray(String[]::new));
		return Optional.of(new Parsed(canonical, tenant, kind, ids));
	}

	private static boolean isWeek(String week) {
		try {
			return IsoWeek.parse(week).toString().equals(week);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/** The tenant of a destination (without {@code /topic/}), null for {@code *}. */
	public static String tenantOf(String destination) {
		return parse("/topic/" + destination).map(Parsed::tenantId).orElse(null);
	}

	private static String path(String tenantId, String kind, String... ids) {
		StringBuilder path = new StringBuilder("tenants/").append(encode(tenantId)).append('/').append(kind);
		for (String id : ids) {
			path.append('/').append(encode(id));
		}
		return path.toString();
	}

	private static String encode(String segment) {
		return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/**
	 * A destination's parts.
	 *
	 * @param destination the destination without {@code /topic/}, each segment encoded as
	 * the change log encodes it
	 * @param tenantId the tenant
	 * @param kind weekly-reports, team-weekly-reports, project-reports or timesheets
	 * @param ids the user and week, the week, or the project
	 */
	public record Parsed(String destination, String tenantId, String kind, List<String> ids) {

		/** The projection whose changes the destination carries. */
		public String projection() {
			return switch (this.kind) {
				case WEEKLY -> "weekly-report";
				case TEAM -> "team-weekly-report";
				case PROJECT -> "project-report";
				default -> "timesheet";
			};
		}

	}

}
