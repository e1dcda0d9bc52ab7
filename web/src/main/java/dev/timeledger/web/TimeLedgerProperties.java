package dev.timeledger.web;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The {@code timeledger.*} settings. Every one has a default that runs a single node on
 * the embedded PostgreSQL; the README's configuration table lists them.
 *
 * @param dataDir where the embedded database and the local signing key live
 * @param security how tokens map to tenants, users and roles
 * @param embeddedPostgres the embedded database used when no datasource URL is set
 * @param commands how writes are executed
 * @param snapshotThreshold events of a worklog between two snapshots at least; a worklog
 * with more history waits for a quarter of its events
 * @param aggregateCacheSize aggregates a node keeps in memory between commands, the least
 * recently used dropped first
 * @param live the live invalidation over STOMP
 * @param rateLimits how much one user may ask of the API
 */
@ConfigurationProperties("timeledger")
public record TimeLedgerProperties(@DefaultValue("./data") Path dataDir, @DefaultValue Security security,
		@DefaultValue EmbeddedPostgres embeddedPostgres, @DefaultValue Commands commands,
		@DefaultValue("100") int snapshotThreshold, @DefaultValue("1000") int aggregateCacheSize,
		@DefaultValue Live live, @DefaultValue RateLimits rateLimits) {

	/**
	 * Claim names and local-mode tokens.
	 *
	 * @param tenantClaim the claim that holds the tenant id
	 * @param rolesClaim the claim that holds the roles (a list of strings)
	 * @param nameClaim the claim that holds the display name
	 * @param zoneClaim the claim that holds the user's time zone (default UTC)
	 * @param localTokenTtl how long tokens issued by the local dev endpoint live
	 */
	public record Security(@DefaultValue("tenant_id") String tenantClaim, @DefaultValue("roles") String rolesClaim,
			@DefaultValue("name") String nameClaim, @DefaultValue("zone") String zoneClaim,
			@DefaultValue("12h") Duration localTokenTtl) {
	}

	/**
	 * The embedded PostgreSQL.
	 *
	 * @param port the port, 0 for a free one
	 * @param ephemeral a throw-away server in a temporary directory without fsync, for
	 * tests
	 * @param freshDatabase whether each application context gets a database of its own
	 * @param settings more PostgreSQL settings ({@code shared_buffers}, {@code work_mem},
	 * {@code shared_preload_libraries}...), passed to the server at its start
	 */
	public record EmbeddedPostgres(@DefaultValue("0") int port, @DefaultValue("false") boolean ephemeral,
			@DefaultValue("false") boolean freshDatabase, Map<String, String> settings) {

		public EmbeddedPostgres {
			settings = (settings != null) ? Map.copyOf(settings) : Map.of();
		}

	}

	/**
	 * Writes.
	 *
	 * @param maxBodySize the largest request body accepted
	 * @param retries how often a write that lost an optimistic-concurrency race is
	 * retried
	 * @param idempotencyTtl how long an Idempotency-Key's answer is kept
	 */
	public record Commands(@DefaultValue("64KB") DataSize maxBodySize, @DefaultValue("5") int retries,
			@DefaultValue("24h") Duration idempotencyTtl) {
	}

	/**
	 * Live invalidation at {@code /ws}.
	 *
	 * @param allowedOrigins browser origins allowed to open the WebSocket; empty: the
	 * server's own
	 * @param inboundFramesPerMinute frames a client may send per minute before it is
	 * closed
	 * @param coalesceWindow changes of one destination within this window reach
	 * subscribers as one message with the latest position
	 * @param backlogLimit the most missed changes sent on a resume; more answer one reset
	 * @param heartbeat the STOMP heart-beat interval offered both ways
	 * @param sendTimeLimit the longest a send to one client may take before it is closed
	 * @param sendBufferSize the most bytes buffered for one slow client before it is
	 * closed
	 * @param messageSizeLimit the largest frame a client may send
	 * @param transportBufferSize each connection's WebSocket buffers: a frame larger than
	 * this arrives in parts, which STOMP puts together up to {@code messageSizeLimit}
	 * @param socketBufferSize each connection's socket read and write buffers (HTTP and
	 * WebSocket); larger writes bypass them
	 * @param connectTimeout how long a new connection may take to complete its
	 * {@code CONNECT} frame before it is closed
	 */
	public record Live(@DefaultValue List<String> allowedOrigins, @DefaultValue("100") int inboundFramesPerMinute,
			@DefaultValue("100ms") Duration coalesceWindow, @DefaultValue("1000") int backlogLimit,
			@DefaultValue("10s") Duration heartbeat, @DefaultValue("10s") Duration sendTimeLimit,
			@DefaultValue("512KB") DataSize sendBufferSize, @DefaultValue("64KB") DataSize messageSizeLimit,
			@DefaultValue("1KB") DataSize transportBufferSize, @DefaultValue("4KB") DataSize socketBufferSize,
			@DefaultValue("10s") Duration connectTimeout) {
	}

	/**
	 * Limits per user of a tenant on the REST and SSE API (STOMP has its own,
	 * {@code live.inbound-frames-per-minute}).
	 *
	 * @param requestsPerSecond requests a user may send per second on average; 0: no
	 * limit
	 * @param requestBurst requests a user may send at once before the average applies
	 * @param streamsPerUser event streams (SSE) a user may hold open at once
	 */
	public record RateLimits(@DefaultValue("200") double requestsPerSecond, @DefaultValue("400") int requestBurst,
			@DefaultValue("8") int streamsPerUser) {
	}

}
