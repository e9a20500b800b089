package io.snapgate.config;

import io.snapgate.application.CopyRecorder;
import io.snapgate.application.CopyView;
import io.snapgate.observability.CopyMeters;

/**
 * Hands the copies the use cases start and read to the counters, which know nothing of
 * the use cases.
 */
final class CopyMeterRecorder implements CopyRecorder {

	private final CopyMeters meters;

	CopyMeterRecorder(CopyMeters meters) {
		this.meters = meters;
	}

	@Override
	public void started(CopyView copy) {
		this.meters.started(id(copy), copy.provider().value(), copy.target().value());
		seen(copy);
	}

	@Override
	public void seen(CopyView copy) {
		switch (copy.status()) {
			case SUCCEEDED -> this.meters.completed(id(copy), copy.provider().value(), copy.target().value());
			case FAILED -> this.meters.failed(id(copy), copy.provider().value(), copy.target().value());
			default -> {
				// still on its way
			}
		}
	}

	private static String id(CopyView copy) {
		return copy.provider() + ":" + copy.handle().value();
	}

}
