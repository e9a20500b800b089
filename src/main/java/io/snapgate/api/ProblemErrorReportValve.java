package io.snapgate.api;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import io.snapgate.domain.ErrorCode;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.http.HttpStatusCode;

/**
 * Tomcat refuses some requests (an encoded slash in the path, an illegal character)
 * before they reach the application. This valve answers those with a problem detail
 * instead of Tomcat's HTML page.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		ErrorCode code = Problems.fallbackCode(HttpStatusCode.valueOf(status));
		String json = "{\"type\":\"" + Problems.type(code) + "\",\"title\":\"" + Problems.title(code) + "\",\"status\":"
				+ status + ",\"detail\":\"The request cannot be served as sent\",\"code\":\"" + code.name() + "\"}";
		try {
			response.setContentType("application/problem+json");
			response.setCharacterEncoding(StandardCharsets.UTF_8);
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(json);
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// the client is gone or the response is already committed: nothing more to
			// say
		}
	}

}
