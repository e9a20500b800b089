package io.snapgate.guard;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.snapgate.domain.MachineSource;
import io.snapgate.domain.RestoreTarget;
import io.snapgate.domain.ScheduleRule;
import io.snapgate.domain.SnapshotSource;
import io.snapgate.domain.VolumeSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes answers down as JSON for the other replicas, and reads them back. Each answer is
 * decoded as the type its read names ({@link Answer}), never as a type the bytes name:
 * the few domain types that have variants carry a name out of a closed list. An answer
 * that does not come back equal to itself is not written at all, so that no replica is
 * ever answered something else than the upstream said.
 */
final class AnswerCodec {

	private static final Logger log = LoggerFactory.getLogger(AnswerCodec.class);

	private final JsonMapper mapper = JsonMapper.builder()
		.addMixIn(SnapshotSource.class, SnapshotSourceVariants.class)
		.addMixIn(RestoreTarget.class, RestoreTargetVariants.class)
		.addMixIn(ScheduleRule.class, ScheduleRuleVariants.class)
		.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
		// derived values some records offer (such as isForever()) are written, not read
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	/**
	 * The answer written down, or empty when it cannot be written so that it comes back
	 * the same: then it is not shared.
	 */
	<T> Optional<byte[]> encode(Answer<T> kind, T answer) {
		try {
			JavaType type = this.mapper.getTypeFactory().constructType(kind.type());
			byte[] written = this.mapper.writerFor(type).writeValueAsBytes(answer);
			if (answer.equals(this.mapper.readValue(written, type))) {
				return Optional.of(written);
			}
			log.debug("A {} does not come back the same once written; it is not shared", kind);
		}
		catch (JacksonException ex) {
			log.debug("A {} cannot be written down; it is not shared", kind, ex);
		}
		return Optional.empty();
	}

	/**
	 * The answer read back.
	 * @throws JacksonException when the bytes are not an answer of that kind
	 */
	<T> T decode(Answer<T> kind, byte[] written) {
		return this.mapper.readValue(written, this.mapper.getTypeFactory().constructType(kind.type()));
	}

	@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "@kind")
	@JsonSubTypes({ @JsonSubTypes.Type(value = VolumeSource.class, name = "volume"),
			@JsonSubTypes.Type(value = MachineSource.class, name = "machine") })
	private interface SnapshotSourceVariants {

	}

	@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "@kind")
	@JsonSubTypes({ @JsonSubTypes.Type(value = RestoreTarget.MemberTarget.class, name = "member"),
			@JsonSubTypes.Type(value = RestoreTarget.MachineTarget.class, name = "machine"),
			@JsonSubTypes.Type(value = RestoreTarget.VolumeTarget.class, name = "volume") })
	private interface RestoreTargetVariants {

	}

	@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "@kind")
	@JsonSubTypes({ @JsonSubTypes.Type(value = ScheduleRule.Hourly.class, name = "hourly"),
			@JsonSubTypes.Type(value = ScheduleRule.Daily.class, name = "daily"),
			@JsonSubTypes.Type(value = ScheduleRule.Weekly.class, name = "weekly"),
			@JsonSubTypes.Type(value = ScheduleRule.Monthly.class, name = "monthly") })
	private interface ScheduleRuleVariants {

	}

}
