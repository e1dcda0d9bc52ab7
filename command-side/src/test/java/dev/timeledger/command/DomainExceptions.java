package dev.timeledger.command;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matchers for the domain exceptions a fixture reports. */
public final class DomainExceptions {

	private DomainExceptions() {
	}

	/** A domain exception with the given stable code. */
	public static Matcher<DomainException> withCode(String code) {
		return new TypeSafeMatcher<>() {

			@Override
			protected boolean matchesSafely(DomainException exception) {
				return code.equals(exception.code());
			}

			@Override
			public void describeTo(Description description) {
				description.appendText("a domain exception with code ").appendValue(code);
			}

			@Override
			protected void describeMismatchSafely(DomainException exception, Description description) {
				description.appendText("its code was ").appendValue(exception.code());
			}

		};
	}

}
