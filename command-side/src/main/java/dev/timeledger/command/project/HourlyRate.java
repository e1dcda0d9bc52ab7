package dev.timeledger.command.project;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

import dev.timeledger.command.InvalidInput;

/**
 * A checked hourly rate: a non-negative amount with at most two decimals and an ISO 4217
 * currency, or no rate at all (both null).
 */
record HourlyRate(BigDecimal amount, String currency) {

	private static final BigDecimal MAX = new BigDecimal("1000000");

	static HourlyRate of(BigDecimal amount, String currency) {
		if (amount == null && currency == null) {
			return new HourlyRate(null, null);
		}
		if (amount == null || currency == null) {
			throw new InvalidInput("hourlyRate needs both amount and currency");
		}
		if (amount.signum() < 0 || amount.compareTo(MAX) >= 0 || amount.stripTrailingZeros().scale() > 2) {
			throw new InvalidInput("hourlyRate.amount must be between 0 and 999999.99 with at most two decimals");
		}
		try {
			Currency.getInstance(currency);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput("hourlyRate.currency '" + currency + "' is not an ISO 4217 code");
		}
		return new HourlyRate(amount, currency);
	}

	/** Whether the other rate is the same amount (at any scale) in the same currency. */
	boolean sameAs(HourlyRate other) {
		if (other == null) {
			return false;
		}
		boolean sameAmount = (this.amount == null) ? other.amount == null
				: other.amount != null && this.amount.compareTo(other.amount) == 0;
		return sameAmount && Objects.equals(this.currency, other.currency);
	}

}
