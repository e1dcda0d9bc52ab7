package dev.timeledger.web.ratelimit;

/** A caller sent more than its share: 429 with the seconds to wait in Retry-After. */
public class RateLimited extends RuntimeException {

	private final String code;

	private final long retryAfterSeconds;

	public RateLimited(String code, String message, long retryAfterSeconds) {
		super(message, null, false, false);
		this.code = code;
		this.retryAfterSeconds = retryAfterSeconds;
	}

	public String code() {
		return this.code;
	}

	public long retryAfterSeconds() {
		return this.retryAfterSeconds;
	}

}
