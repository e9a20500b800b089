package io.snapgate.sandbox.baidu;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import io.snapgate.sandbox.baidu.BaiduSandboxJson.AspRequest;
import io.snapgate.sandbox.baidu.BaiduSandboxResources.Policy;
import io.snapgate.sandbox.baidu.BaiduSandboxResources.Volume;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The emulated account's automatic snapshot policies and which disk is in which, with
 * BCC's rules for them: the documented {@code Asp.*} codes for a field out of range, 404
 * {@code NoSuchObject} for a policy or disk it does not hold, a disk attached only while
 * in use, one policy per disk, and client-token idempotency for a create. Not safe on its
 * own: {@link BaiduSandboxState} calls it under its lock.
 */
final class BaiduSandboxPolicies {

	private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9\\p{IsHan}\\-_/.]{0,64}");

	private static final Pattern DIGITS = Pattern.compile("-?[0-9]{1,6}");

	private static final int MAX_RETENTION_DAYS = 10_000;

	private final BaiduSandboxAccount account;

	/** In the order they were made, as listings show them. */
	private final Map<String, Policy> policies = new LinkedHashMap<>();

	/** The policy of each disk in one: a disk carries a single policy. */
	private final Map<String, String> policyOfVolume = new LinkedHashMap<>();

	private final BaiduSandboxClientTokens clientTokens = new BaiduSandboxClientTokens();

	BaiduSandboxPolicies(BaiduSandboxAccount account) {
		this.account = account;
	}

	/**
	 * @return the new policy's id, or the first one's for a client token seen before with
	 * the same request
	 */
	String create(@Nullable String clientToken, AspRequest request, Instant now) {
		BaiduSandboxClientTokens.requireValid(clientToken);
		Definition definition = Definition.of(request);
		if (clientToken != null) {
			String earlier = this.clientTokens.earlier(clientToken, definition.toString());
			if (earlier != null) {
				return earlier;
			}
		}
		String id = newId();
		this.policies.put(id, new Policy(id, definition.name(), definition.hours(), definition.weekdays(),
				definition.retentionDays(), now, now, null, now, false));
		if (clientToken != null) {
			this.clientTokens.remember(clientToken, definition.toString(), id);
		}
		return id;
	}

	/** Every field is required, as BCC documents them. */
	void update(@Nullable String clientToken, AspRequest request, Instant now) {
		BaiduSandboxClientTokens.requireValid(clientToken);
		String aspId = request.aspId();
		if (aspId == null || aspId.isEmpty()) {
			throw missing("aspId");
		}
		Policy policy = require(aspId);
		Definition definition = Definition.of(request);
		this.policies.put(aspId, policy.redefined(definition.name(), definition.hours(), definition.weekdays(),
				definition.retentionDays(), now));
	}

	/**
	 * Deletes a policy, attached disks or not (what BCC does then is not documented); the
	 * snapshots it made stay.
	 */
	void delete(String aspId) {
		require(aspId);
		this.policies.remove(aspId);
		this.policyOfVolume.values().removeIf(aspId::equals);
	}

	/**
	 * Attaches disks in use; a disk in another policy moves to this one, as a disk
	 * carries one policy.
	 */
	void attach(String aspId, @Nullable List<String> volumeIds) {
		require(aspId);
		List<Volume> volumes = volumes(volumeIds);
		for (Volume volume : volumes) {
			if (volume.instanceId() == null || !volume.status().equals("InUse")) {
				throw new BaiduSandboxException(400, "Asp.VolumeStatusInvalid",
						"Volume " + volume.id() + " is " + volume.status() + "; it must be in-use");
			}
		}
		volumes.forEach((volume) -> this.policyOfVolume.put(volume.id(), aspId));
	}

	/** Detaches disks; a disk not in this policy is left as it is. */
	void detach(String aspId, @Nullable List<String> volumeIds) {
		require(aspId);
		volumes(volumeIds).forEach((volume) -> this.policyOfVolume.remove(volume.id(), aspId));
	}

	Policy require(String aspId) {
		Policy policy = this.policies.get(aspId);
		if (policy == null) {
			throw BaiduSandboxException.notFound("auto snapshot policy " + aspId);
		}
		return policy;
	}

	@Nullable Policy get(String aspId) {
		return this.policies.get(aspId);
	}

	List<Policy> all() {
		return List.copyOf(this.policies.values());
	}

	/** Records a policy as it is now: seeded, or after it ran. */
	void put(Policy policy) {
		this.policies.put(policy.id(), policy);
	}

	/** Puts a disk in a policy without BCC's checks, for the seed. */
	void plant(String volumeId, String aspId) {
		this.policyOfVolume.put(volumeId, aspId);
	}

	/** The policy a disk is in, if any. */
	@Nullable Policy policyOf(String volumeId) {
		String aspId = this.policyOfVolume.get(volumeId);
		return (aspId != null) ? this.policies.get(aspId) : null;
	}

	/** The disks in a policy, in the order they joined. */
	List<String> volumesOf(String aspId) {
		List<String> volumes = new ArrayList<>();
		this.policyOfVolume.forEach((volumeId, policyId) -> {
			if (policyId.equals(aspId)) {
				volumes.add(volumeId);
			}
		});
		return volumes;
	}

	private List<Volume> volumes(@Nullable List<String> volumeIds) {
		if (volumeIds == null || volumeIds.isEmpty()) {
			throw missing("volumeIds");
		}
		return volumeIds.stream().map(this.account::requireVolume).toList();
	}

	private String newId() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		String id;
		do {
			StringBuilder builder = new StringBuilder("asp-");
			for (int i = 0; i < 8; i++) {
				builder.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
			}
			id = builder.toString();
		}
		while (this.policies.containsKey(id));
		return id;
	}

	private static BaiduSandboxException missing(String field) {
		return new BaiduSandboxException(400, "BadRequest", "missing parameter " + field);
	}

	/**
	 * What a create or an update asks a policy to be, checked field by field as BCC
	 * documents them; its text is the fingerprint a client token is compared by.
	 */
	private record Definition(String name, List<Integer> hours, List<Integer> weekdays, int retentionDays) {

		static Definition of(AspRequest request) {
			String name = request.name();
			if (name == null) {
				throw missing("name");
			}
			if (!NAME.matcher(name).matches()) {
				throw new BaiduSandboxException(400, "Asp.NameInvalid", "Name should be 1 to 65 characters, "
						+ "start with a letter, of letters, digits, Chinese characters and - _ / .");
			}
			List<Integer> hours = numbers(request.timePoints(), true, "timePoints", 0, 23, "Asp.TimePointsInvalid");
			// BCC documents 0..6 with 0 = Sunday, yet its error text says [1,7]: 7 is
			// Sunday
			// too
			List<Integer> weekdays = numbers(request.repeatWeekdays(), true, "repeatWeekdays", 0, 7,
					"Asp.RepeatWeekdaysInvalid")
				.stream()
				.map((day) -> day % 7)
				.distinct()
				.sorted()
				.toList();
			List<Integer> retention = numbers(request.retentionDays(), false, "retentionDays", -1, MAX_RETENTION_DAYS,
					"Asp.RetentionDaysInvalid");
			if (retention.get(0) == 0) {
				throw new BaiduSandboxException(400, "Asp.RetentionDaysInvalid",
						"RetentionDays should in [1," + MAX_RETENTION_DAYS + "] or -1");
			}
			return new Definition(name, hours, weekdays, retention.get(0));
		}

		/**
		 * A list (or one value) of numbers or digit strings, each in range.
		 */
		private static List<Integer> numbers(@Nullable JsonNode node, boolean list, String field, int min, int max,
				String code) {
			if (node == null || node.isNull()) {
				throw missing(field);
			}
			if (node.isArray() != list) {
				throw new BaiduSandboxException(400, code, field + " should be " + (list ? "a list" : "one value"));
			}
			List<JsonNode> values = new ArrayList<>();
			if (list) {
				node.values().forEach(values::add);
			}
			else {
				values.add(node);
			}
			Set<Integer> numbers = new TreeSet<>();
			for (JsonNode value : values) {
				Integer number = number(value);
				if (number == null || number < min || number > max) {
					throw new BaiduSandboxException(400, code, field + " should in [" + min + "," + max + "]");
				}
				numbers.add(number);
			}
			if (numbers.isEmpty() || numbers.size() > 24) {
				throw new BaiduSandboxException(400, code, field + " should list 1 to 24 values");
			}
			return List.copyOf(numbers);
		}

		private static @Nullable Integer number(JsonNode value) {
			if (value.isIntegralNumber() && value.canConvertToInt()) {
				return value.intValue();
			}
			if (value.isString() && DIGITS.matcher(value.stringValue()).matches()) {
				return Integer.valueOf(value.stringValue());
			}
			return null;
		}

	}

}
