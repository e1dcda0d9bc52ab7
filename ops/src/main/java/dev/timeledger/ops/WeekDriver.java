package dev.timeledger.ops;

import java.io.Closeable;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.timeledger.events.IsoWeek;

/**
 * One client of the throughput benchmark: its own HTTP connection
 * ({@link KeepAliveHttp}), and its workers in turn through a realistic week, one command
 * at a time (six manual entries, an amendment, a timer started and stopped, the week
 * submitted, a manager's approval), then the next week.
 */
final class WeekDriver implements Closeable {

	/** Commands per worker and week: 6 entries, amend, start, stop, submit, approve. */
	static final int STEPS = 11;

	private static final ObjectMapper JSON = new ObjectMapper();

	private final KeepAliveHttp http;

	private final String projectId;

	private final String manager;

	private final List<Worker> workers;

	private int turn;

	long errors;

	WeekDriver(KeepAliveHttp http, String projectId, String manager, List<Worker> workers) {
		this.http = http;
		this.projectId = projectId;
		this.manager = manager;
		this.workers = workers;
	}

	long[] drive(int commands) throws Exception {
		long[] micros = new long[commands];
		for (int i = 0; i < commands; i++) {
			Worker worker = this.workers.get(this.turn++ % this.workers.size());
			long sent = System.nanoTime();
			KeepAliveHttp.Answer response = step(worker);
			micros[i] = (System.nanoTime() - sent) / 1000;
			if (response.status() / 100 != 2) {
				this.errors++;
				if (this.errors <= 5) {
					System.err.println(
							worker.user + " step " + worker.step + ": " + response.status() + " " + response.body());
				}
			}
			else if (worker.step == 0) {
				worker.firstEntry = JSON.readTree(response.body()).get("entryId").asText();
			}
			worker.step = (worker.step + 1) % STEPS;
			if (worker.step == 0) {
				worker.week++;
			}
		}
		return micros;
	}

	private KeepAliveHttp.Answer step(Worker worker) throws IOException {
		LocalDate monday = worker.monday();
		String week = IsoWeek.of(monday).toString();
		return switch (worker.step) {
			case 0, 1, 2, 3, 4, 5 -> {
				String day = monday.plusDays(worker.step).toString();
				yield post(worker.token, "/api/time-entries",
						"{\"projectId\":\"" + this.projectId + "\",\"start\":\"" + day + "T09:00:00Z\",\"end\":\"" + day
								+ "T10:00:00Z\",\"task\":\"build\",\"description\":\"step " + worker.step + "\"}");
			}
			case 6 -> this.http.send("PUT", "/api/time-entries/" + worker.firstEntry, worker.token,
					"{\"projectId\":\"" + this.projectId + "\",\"start\":\"" + monday + "T11:00:00Z\",\"end\":\""
							+ monday + "T12:30:00Z\",\"task\":\"review\"}");
			case 7 -> post(worker.token, "/api/time-entries/start",
					"{\"projectId\":\"" + this.projectId + "\",\"at\":\"" + monday.plusDays(6) + "T09:00:00Z\"}");
			case 8 -> post(worker.token, "/api/time-entries/stop", "{\"at\":\"" + monday.plusDays(6) + "T09:30:00Z\"}");
			case 9 -> post(worker.token, "/api/timesheets/me/" + week + "/submission", "{}");
			default ->
				post(this.manager, "/api/timesheets/" + worker.user + "/" + week + "/approval", "{\"comment\":\"ok\"}");
		};
	}

	private KeepAliveHttp.Answer post(String token, String path, String body) throws IOException {
		return this.http.send("POST", path, token, body);
	}

	@Override
	public void close() {
		this.http.close();
	}

	/** A worker's place in its current week. */
	static final class Worker {

		final String user;

		final String token;

		int week;

		int step;

		String firstEntry;

		Worker(String user, String token) {
			this.user = user;
			this.token = token;
		}

		LocalDate monday() {
			return LocalDate.parse("2000-01-03").plusWeeks(this.week);
		}

	}

}
