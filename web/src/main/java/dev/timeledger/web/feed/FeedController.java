package dev.timeledger.web.feed;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.timeledger.command.InvalidInput;
import dev.timeledger.command.Role;
import dev.timeledger.events.EventCatalog;
import dev.timeledger.query.feed.EventFeed;
import dev.timeledger.query.feed.FeedEvent;
import dev.timeledger.web.security.Caller;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The event feed for integrations: the tenant's events by position, as pages or as a
 * stream of Server-Sent Events that resumes from {@code Last-Event-ID}.
 */
@RestController
@RequestMapping("/api/events")
class FeedController {

	static final int MAX_LIMIT = 1000;

	private final EventFeed feed;

	private final FeedStreams streams;

	FeedController(EventFeed feed, FeedStreams streams) {
		this.feed = feed;
		this.streams = streams;
	}

	@GetMapping
	Map<String, Object> page(Caller caller, @RequestParam(defaultValue = "0") long after,
			@RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "") String types) {
		caller.actor().requireAny(Role.INTEGRATION, Role.ADMIN);
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new InvalidInput("limit must be between 1 and " + MAX_LIMIT);
		}
		List<FeedEvent> events = this.feed.after(caller.tenantId(), Math.max(0, after), limit, types(types));
		Map<String, Object> page = new LinkedHashMap<>();
		page.put("events", events);
		page.put("next", events.isEmpty() ? Math.max(0, after) : events.get(events.size() - 1).position());
		return page;
	}

	@GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter stream(Caller caller, @RequestParam(defaultValue = "0") long after,
			@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
			@RequestParam(defaultValue = "") String types) {
		caller.actor().requireAny(Role.INTEGRATION, Role.ADMIN);
		long from = after;
		if (lastEventId != null && !lastEventId.isBlank()) {
			try {
				from = Long.parseLong(lastEventId.trim());
			}
			catch (NumberFormatException ex) {
				throw new InvalidInput("Last-Event-ID must be a position");
			}
		}
		return this.streams.open(caller, Math.max(0, from), types(types));
	}

	private static Set<String> types(String types) {
		Set<String> names = Arrays.stream(types.split(","))
			.map(String::trim)
			.filter((name) -> !name.isEmpty())
			.collect(Collectors.toSet());
		for (String name : names) {
			if (EventCatalog.byName(name).isEmpty()) {
				throw new InvalidInput("unknown event type '" + name + "'");
			}
		}
		return names;
	}

}
