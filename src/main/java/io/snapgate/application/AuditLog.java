package io.snapgate.application;

import java.util.function.Supplier;

import io.snapgate.domain.SnapGateException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * One structured line per change (create, delete, restore) on the {@code snapgate.audit}
 * logger: who (the caller and its tenant), what, where (the provider), and how it ended.
 * It names ids, never secrets or request bodies.
 */
public final class AuditLog {

	private static final Logger log = LoggerFactory.getLogger("snapgate.audit");

	private final CallerIdentity caller;

	public AuditLog(CallerIdentity caller) {
		this.caller = caller;
	}

	/**
	 * Runs a change and records it, whether it succeeded or failed.
	 * @param action {@code create}, {@code delete} or {@code restore}
	 * @param provider the provider id
	 * @param target the snapshot id, or the name of what is created
	 * @param change the change itself; its result describes the outcome
	 */
	public <T> T record(String action, String provider, String target, Supplier<T> change) {
		Caller who = this.caller.current();
		try {
			T result = change.get();
			entry(log.atInfo(), action, provider, target, who).addKeyValue("outcome", "success")
				.log("audit {} {} on {} by {} of tenant {}: success", action, target, provider, who.name(),
						who.tenant());
			return result;
		}
		catch (SnapGateException ex) {
			entry(log.atWarn(), action, provider, target, who).addKeyValue("outcome", "failure")
				.addKeyValue("code", ex.code().name())
				.log("audit {} {} on {} by {} of tenant {}: failure {}", action, target, provider, who.name(),
						who.tenant(), ex.code());
			throw ex;
		}
	}

	private static LoggingEventBuilder entry(LoggingEventBuilder builder, String action, String provider, String target,
			Caller who) {
		return builder.addKeyValue("action", action)
			.addKeyValue("provider", provider)
			.addKeyValue("target", target)
			.addKeyValue("caller", who.name())
			.addKeyValue("tenant", who.tenant());
	}

}
