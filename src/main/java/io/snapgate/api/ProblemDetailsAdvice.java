package io.snapgate.api;

import java.util.ArrayList;
import java.util.List;

import io.snapgate.domain.ConflictException;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.FieldError;
import io.snapgate.domain.ForbiddenException;
import io.snapgate.domain.IdempotencyKeyReusedException;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.NotFoundException;
import io.snapgate.domain.SnapGateException;
import io.snapgate.domain.UpstreamAuthException;
import io.snapgate.domain.UpstreamBudgetExhaustedException;
import io.snapgate.domain.UpstreamErrorException;
import io.snapgate.domain.UpstreamThrottledException;
import io.snapgate.domain.UpstreamTimeoutException;
import io.snapgate.domain.UpstreamUnavailableException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error into an {@code application/problem+json} answer with a stable
 * {@code code}. What the caller did wrong is a 4xx naming the field; what an upstream did
 * wrong is a 5xx naming the provider and its own code and request id; nothing ever
 * carries a stack trace or an upstream body.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	/**
	 * Set rather than negotiated: an {@code Accept} that does not parse would otherwise
	 * leave the problem without a body.
	 */
	private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

	@ExceptionHandler(SnapGateException.class)
	ResponseEntity<ProblemDetail> handleSnapGate(SnapGateException ex) {
		HttpStatus status = statusOf(ex);
		if (ex instanceof UpstreamUnavailableException unavailable && unavailable.heldBack()) {
			// they come by the thousand while a breaker is open, whose opening is logged
			// once
			log.debug("{} for provider {}: {}", ex.code(), ex.provider(), ex.getMessage());
		}
		else if (status.is5xxServerError()) {
			log.warn("{} from provider {}: {} (upstream code {}, request id {}, message {})", ex.code(), ex.provider(),
					ex.getMessage(), ex.upstream().code(), ex.upstream().requestId(), ex.upstream().message());
		}
		ProblemDetail problem = Problems.withErrors(Problems.of(status, ex.code(), ex.getMessage()), ex.fieldErrors());
		if (ex.provider() != null) {
			problem.setProperty("provider", ex.provider().value());
		}
		setIfPresent(problem, "upstreamCode", ex.upstream().code());
		setIfPresent(problem, "upstreamRequestId", ex.upstream().requestId());
		if (ex.lockExpiresAt() != null) {
			problem.setProperty("lockExpiresAt", ex.lockExpiresAt().toString());
		}
		HttpHeaders headers = new HttpHeaders();
		if (ex.retryAfter() != null) {
			// whole seconds, rounded up: sooner would be refused again
			long seconds = ex.retryAfter().plusNanos(999_999_999).toSeconds();
			headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, seconds)));
		}
		return ResponseEntity.status(status).headers(headers).contentType(PROBLEM).body(problem);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> handleTypeMismatch(MethodArgumentTypeMismatchException ex) {
		String message = "has an invalid value";
		if (ex.getRequiredType() != null && ex.getRequiredType().isEnum()) {
			message = "must be one of " + List.of(ex.getRequiredType().getEnumConstants());
		}
		return validationProblem(List.of(new FieldError(ex.getName(), message)));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> handleUnexpected(Exception ex) {
		log.error("Unexpected error", ex);
		return ResponseEntity.internalServerError()
			.contentType(PROBLEM)
			.body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, ErrorCode.INTERNAL_ERROR,
					"SnapGate failed unexpectedly; the error is logged"));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldError> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((e) -> new FieldError(e.getField(), String.valueOf(e.getDefaultMessage())))
			.toList();
		return asObject(validationProblem(errors));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldError> errors = new ArrayList<>();
		for (ParameterValidationResult result : ex.getParameterValidationResults()) {
			if (result instanceof ParameterErrors body && body.hasFieldErrors()) {
				// a field of a body: named by its path in the body, such as
				// schedule.rules[0].at
				body.getFieldErrors()
					.forEach((error) -> errors
						.add(new FieldError(error.getField(), String.valueOf(error.getDefaultMessage()))));
				continue;
			}
			String name = parameterName(result);
			result.getResolvableErrors()
				.forEach((error) -> errors.add(new FieldError(name, String.valueOf(error.getDefaultMessage()))));
		}
		return asObject(validationProblem(errors));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldError> errors = List.of();
		String detail = "The request body is not valid JSON for this endpoint";
		if (ex.getCause() instanceof UnrecognizedPropertyException unknown) {
			errors = List.of(new FieldError(unknown.getPropertyName(), "unknown field"));
			detail = "Unknown field '" + unknown.getPropertyName() + "'";
		}
		else if (ex.getCause() instanceof DatabindException databind && !databind.getPath().isEmpty()) {
			String field = path(databind);
			errors = List.of(new FieldError(field, "has the wrong type or format"));
			detail = "Field '" + field + "' has the wrong type or format";
		}
		ProblemDetail problem = Problems
			.withErrors(Problems.of(HttpStatus.BAD_REQUEST, ErrorCode.MALFORMED_REQUEST, detail), errors);
		return asObject(ResponseEntity.badRequest().contentType(PROBLEM).body(problem));
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		ProblemDetail problem = (body instanceof ProblemDetail given) ? given
				: ProblemDetail.forStatusAndDetail(statusCode, "The request cannot be served");
		ErrorCode code = Problems.fallbackCode(statusCode);
		problem.setType(Problems.type(code));
		problem.setProperty("code", code.name());
		HttpHeaders problemHeaders = HttpHeaders.copyOf(headers);
		problemHeaders.setContentType(PROBLEM);
		return new ResponseEntity<>(problem, problemHeaders, statusCode);
	}

	private static ResponseEntity<ProblemDetail> validationProblem(List<FieldError> errors) {
		String detail = errors.isEmpty() ? "The request is invalid"
				: "Invalid " + String.join(", ", errors.stream().map(FieldError::field).distinct().toList());
		return ResponseEntity.badRequest()
			.contentType(PROBLEM)
			.body(Problems.withErrors(Problems.of(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED, detail),
					errors));
	}

	private static String parameterName(ParameterValidationResult result) {
		MethodParameter parameter = result.getMethodParameter();
		RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
		if (header != null && !header.name().isEmpty()) {
			return header.name();
		}
		RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
		if (param != null && !param.name().isEmpty()) {
			return param.name();
		}
		return String.valueOf(parameter.getParameterName());
	}

	private static String path(DatabindException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? "body" : path.toString();
	}

	private static void setIfPresent(ProblemDetail problem, String name, @Nullable String value) {
		if (value != null) {
			problem.setProperty(name, value);
		}
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static ResponseEntity<Object> asObject(ResponseEntity<ProblemDetail> entity) {
		return (ResponseEntity) entity;
	}

	static HttpStatus statusOf(SnapGateException ex) {
		return switch (ex) {
			case InvalidRequestException e -> HttpStatus.BAD_REQUEST;
			case NotFoundException e -> HttpStatus.NOT_FOUND;
			case ForbiddenException e -> HttpStatus.FORBIDDEN;
			case ConflictException e -> HttpStatus.CONFLICT;
			case IdempotencyKeyReusedException e -> HttpStatus.UNPROCESSABLE_CONTENT;
			case UpstreamThrottledException e -> HttpStatus.TOO_MANY_REQUESTS;
			case UpstreamBudgetExhaustedException e -> HttpStatus.TOO_MANY_REQUESTS;
			case UpstreamAuthException e -> HttpStatus.BAD_GATEWAY;
			case UpstreamErrorException e -> HttpStatus.BAD_GATEWAY;
			case UpstreamUnavailableException e -> HttpStatus.SERVICE_UNAVAILABLE;
			case UpstreamTimeoutException e -> HttpStatus.GATEWAY_TIMEOUT;
		};
	}

}
