package io.snapgate.application;

/**
 * Told of copies as the gateway starts and reads them, so that operators can count them
 * without asking.
 */
public interface CopyRecorder {

	/** Records nothing. */
	CopyRecorder NONE = new CopyRecorder() {

		@Override
		public void started(CopyView copy) {
		}

		@Override
		public void seen(CopyView copy) {
		}

	};

	/** A copy the backend took, or answered again under the same key. */
	void started(CopyView copy);

	/** A copy as just read, in any state. */
	void seen(CopyView copy);

}
