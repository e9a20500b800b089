package io.snapgate.testing;

import java.util.List;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

/**
 * What an operator reads when start-up fails: the report of the first failure analyzer,
 * Boot's or ours, that recognizes the failure, as Spring Boot prints it.
 */
public final class StartupFailures {

	private StartupFailures() {
	}

	/**
	 * @return the description and the action of the report, or the failure's own message
	 * when no analyzer recognizes it
	 */
	public static String report(Throwable failure) {
		// analyzers that need the application context cannot be made here, nor do they
		// report on configuration
		List<FailureAnalyzer> analyzers = SpringFactoriesLoader
			.forDefaultResourceLocation(StartupFailures.class.getClassLoader())
			.load(FailureAnalyzer.class, ArgumentResolver.none(), FailureHandler.handleMessage((message, ex) -> {
			}));
		for (FailureAnalyzer analyzer : analyzers) {
			FailureAnalysis analysis = analyzer.analyze(failure);
			if (analysis != null) {
				return analysis.getDescription() + "\n\nAction:\n\n" + analysis.getAction();
			}
		}
		return String.valueOf(failure);
	}

}
