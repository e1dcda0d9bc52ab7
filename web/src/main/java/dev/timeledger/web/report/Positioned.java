package dev.timeledger.web.report;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.timeledger.web.command.CommandExecutor;

import org.springframework.http.ResponseEntity;

/**
 * A read's answer with the position it is complete up to, beside the view's own fields.
 *
 * @param <T> the view
 * @param view what was read
 * @param position the event position the read is complete up to
 */
public record Positioned<T>(@JsonUnwrapped T view, long position) {

	/** The answer, with the position in its header too. */
	public ResponseEntity<Positioned<T>> answer() {
		return answer(this, this.position);
	}

	/** An answer without a body: the position in its header. */
	public static <B> ResponseEntity<B> noContent(long position) {
		return ResponseEntity.noContent().header(CommandExecutor.POSITION_HEADER, Long.toString(position)).build();
	}

	/** An answer that holds its position itself, with the position in its header too. */
	public static <B> ResponseEntity<B> answer(B body, long position) {
		return ResponseEntity.ok().header(CommandExecutor.POSITION_HEADER, Long.toString(position)).body(body);
	}

}
