package dev.timeledger.query.teamreport;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.timeledger.events.IsoWeek;
import dev.timeledger.query.projection.LastingFacts;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Tells a tenant's new members. A member has a row in every team week, so its first event
 * changes all of them, not only the week of the event. Members found stored are
 * remembered per projection version, so the members table is read about once per member
 * and node. A new member is not remembered until it is found stored: a batch that rolls
 * back, or an event that is parked, leaves it new.
 */
final class NewMembers {

	static final int CAPACITY = 100_000;

	private final LastingFacts<List<Object>> members = new LastingFacts<>(CAPACITY);

	private final JdbcClient jdbc;

	NewMembers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The weeks a member's first event changes: every week the tenant has time or a
	 * status in, and the week the event happened in (UTC); none for a known member.
	 * Members stored in the batch being written are not in the table yet, so each of
	 * their events in that batch answers the weeks again.
	 */
	List<String> weeksChangedByJoining(int version, String tenantId, String userId, Instant at) {
		if (this.members.holds(List.of(version, tenantId, userId), () -> stored(version, tenantId, userId))) {
			return List.of();
		}
		Set<String> weeks = new TreeSet<>(this.jdbc.sql("""
				SELECT week FROM team_entry WHERE version = ? AND tenant_id = ?
				UNION SELECT week FROM team_status WHERE version = ? AND tenant_id = ?""")
			.params(version, tenantId, version, tenantId)
			.query(String.class)
			.list());
		weeks.add(IsoWeek.containing(at, ZoneOffset.UTC).toString());
		return List.copyOf(weeks);
	}

	private boolean stored(int version, String tenantId, String userId) {
		return this.jdbc
			.sql("SELECT EXISTS (SELECT 1 FROM team_member WHERE version = ? AND tenant_id = ? AND user_id = ?)")
			.params(version, tenantId, userId)
			.query(Boolean.class)
			.single();
	}

}
