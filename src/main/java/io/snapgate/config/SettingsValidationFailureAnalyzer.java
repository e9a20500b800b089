package io.snapgate.config;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationErrors;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.origin.Origin;
import org.springframework.core.Ordered;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Reports a refused {@code snapgate.*} setting by the name it is written with
 * ({@code budget-replicas}, where Boot's own report says {@code budgetReplicas}), and
 * never shows a secret's value. A rule of a record as a whole ({@code @AssertTrue}) is
 * reported under the record's prefix, its message naming the settings.
 */
class SettingsValidationFailureAnalyzer extends AbstractFailureAnalyzer<BindValidationException> implements Ordered {

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, BindValidationException cause) {
		ValidationErrors errors = cause.getValidationErrors();
		String prefix = errors.getName().toString();
		if (!prefix.equals("snapgate") && !prefix.startsWith("snapgate.")) {
			return null;
		}
		StringBuilder description = new StringBuilder("Invalid configuration under '" + prefix + "':\n");
		for (ObjectError error : errors.getAllErrors()) {
			describe(description, prefix, error);
		}
		return new FailureAnalysis(description.toString(),
				"Correct the properties named above; docs/configuration.md describes every setting.", cause);
	}

	private static void describe(StringBuilder description, String prefix, ObjectError error) {
		if (error instanceof FieldError field && !"AssertTrue".equals(field.getCode())) {
			String property = prefix + "." + DataObjectPropertyName.toDashedForm(field.getField());
			description.append("\n    Property: ").append(property);
			description.append("\n    Value: \"")
				.append(SecretSettings.shown(property, field.getRejectedValue()))
				.append('"');
			Origin origin = Origin.from(field);
			if (origin != null) {
				description.append("\n    Origin: ").append(origin);
			}
		}
		else {
			description.append("\n    Properties: ").append(prefix).append(".*");
		}
		description.append("\n    Reason: ").append(error.getDefaultMessage()).append('\n');
	}

}
