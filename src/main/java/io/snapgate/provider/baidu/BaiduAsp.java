package io.snapgate.provider.baidu;

import java.util.List;

import io.snapgate.provider.baidu.BaiduReplies.CreateAspBody;
import io.snapgate.provider.baidu.BaiduReplies.UpdateAspBody;

/**
 * An automatic snapshot policy as SnapGate asks BCC for it: a snapshot at the top of
 * every listed hour on every listed weekday, in the provider's policy time zone, each
 * kept for a number of days.
 *
 * @param name the policy's name
 * @param hours 0..23, ascending
 * @param weekdays 0..6 with 0 = Sunday, ascending
 * @param retentionDays 1..10000, or {@link #FOREVER}
 */
record BaiduAsp(String name, List<Integer> hours, List<Integer> weekdays, int retentionDays) {

	static final int FOREVER = -1;

	static final int MAX_RETENTION_DAYS = 10_000;

	BaiduAsp {
		hours = hours.stream().sorted().toList();
		weekdays = weekdays.stream().sorted().toList();
	}

	CreateAspBody createBody() {
		return new CreateAspBody(this.name, digits(this.hours), digits(this.weekdays),
				Integer.toString(this.retentionDays));
	}

	UpdateAspBody updateBody(String aspId) {
		return new UpdateAspBody(aspId, this.name, digits(this.hours), digits(this.weekdays),
				Integer.toString(this.retentionDays));
	}

	private static List<String> digits(List<Integer> values) {
		return values.stream().map(String::valueOf).toList();
	}

}
