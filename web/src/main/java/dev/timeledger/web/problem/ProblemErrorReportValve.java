package dev.timeledger.web.problem;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.http.MediaType;

/**
 * Tomcat's own error answers, for requests it refuses before the application sees them
 * (an address with an encoded {@code /}, {@code \} or NUL), as problem+json instead of an
 * HTML page.
 */
class ProblemErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		String code = (status == 400) ? "malformed-request" : "error";
		String detail = (status == 400) ? "The server cannot read this request's address"
				: "The server refused this request (" + status + ")";
		try {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(Problems.json(status, code, detail, request.getRequestURI()));
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// the client is gone or the answer was started elsewhere: nothing to add
		}
	}

}
