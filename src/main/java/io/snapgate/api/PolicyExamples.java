package io.snapgate.api;

/**
 * The OpenAPI document's examples of policies, one per kind of backend and each within
 * what that backend's scheduler can express: a Baidu policy takes whole hours on chosen
 * days, one retention in days or forever, and disks; a VergeOS profile takes any minute,
 * monthly rules, a retention with a minimum kept (never forever) and immutability, and is
 * made without targets: it protects the whole system once it is chosen in VergeOS.
 */
final class PolicyExamples {

	static final String BAIDU = "Baidu BCC: whole hours on chosen weekdays, whole days kept or forever, disks";

	static final String VERGEOS = "VergeOS: any minute, monthly rules, a minimum kept, immutable; no targets";

	static final String BAIDU_CREATE = """
			{
			  "provider": "baidu-bj",
			  "name": "nightly-db",
			  "schedule": {
			    "timeZone": "Asia/Shanghai",
			    "rules": [{"every": "WEEK", "on": ["SATURDAY", "SUNDAY"], "at": "03:00"}]
			  },
			  "retention": {"keepFor": "P7D", "minKept": null},
			  "immutable": false,
			  "targets": [{"type": "VOLUME", "id": "v-Cds00001"}]
			}""";

	static final String VERGEOS_CREATE = """
			{
			  "provider": "vergeos-prod",
			  "name": "system-snapshots",
			  "schedule": {
			    "timeZone": "Europe/Berlin",
			    "rules": [
			      {"every": "HOUR", "minute": 15},
			      {"every": "DAY", "at": "00:30"},
			      {"every": "MONTH", "day": 1, "at": "04:00"}
			    ]
			  },
			  "retention": {"keepFor": "P3D", "minKept": 2},
			  "immutable": true
			}""";

	static final String BAIDU_REPLACE = """
			{
			  "name": "nightly-db",
			  "schedule": {
			    "timeZone": "Asia/Shanghai",
			    "rules": [{"every": "DAY", "at": "02:00"}]
			  },
			  "retention": {"forever": true},
			  "immutable": false
			}""";

	static final String VERGEOS_REPLACE = """
			{
			  "name": "system-snapshots",
			  "schedule": {
			    "timeZone": "Europe/Berlin",
			    "rules": [
			      {"every": "HOUR", "minute": 15},
			      {"every": "WEEK", "on": ["SUNDAY"], "at": "01:00"}
			    ]
			  },
			  "retention": {"keepFor": "P14D", "minKept": 3},
			  "immutable": true
			}""";

	static final String BAIDU_TARGETS = """
			{"targets": [{"type": "VOLUME", "id": "v-Cds00002"}]}""";

	static final String BAIDU_POLICY = """
			{
			  "id": "baidu-bj:asp-oG6prjrl",
			  "provider": "baidu-bj",
			  "providerType": "baidu",
			  "nativeId": "asp-oG6prjrl",
			  "name": "nightly-db",
			  "schedule": {
			    "timeZone": "Asia/Shanghai",
			    "rules": [{"every": "WEEK", "on": ["SATURDAY", "SUNDAY"], "at": "03:00"}]
			  },
			  "retention": {"keepFor": "P7D", "minKept": null},
			  "immutable": false,
			  "targets": [{"type": "VOLUME", "id": "v-Cds00001"}],
			  "status": "ACTIVE",
			  "providerStatus": "active",
			  "createdAt": "2026-11-20T08:00:00Z",
			  "lastSnapshotAt": "2026-11-28T19:00:00Z",
			  "overdue": false,
			  "copies": [],
			  "attributes": {}
			}""";

	static final String VERGEOS_POLICY = """
			{
			  "id": "vergeos-prod:3",
			  "provider": "vergeos-prod",
			  "providerType": "vergeos",
			  "nativeId": "3",
			  "name": "system-snapshots",
			  "schedule": {
			    "timeZone": "Europe/Berlin",
			    "rules": [
			      {"every": "HOUR", "minute": 15},
			      {"every": "DAY", "at": "00:30"},
			      {"every": "MONTH", "day": 1, "at": "04:00"}
			    ]
			  },
			  "retention": {"keepFor": "P3D", "minKept": 2},
			  "immutable": true,
			  "targets": [{"type": "SYSTEM"}],
			  "status": "ACTIVE",
			  "providerStatus": "",
			  "createdAt": null,
			  "lastSnapshotAt": "2026-12-01T17:15:00Z",
			  "overdue": false,
			  "copies": [],
			  "attributes": {"systemAssignment": "inferred-from-newest-scheduled-snapshot", "systemProfile": "3"}
			}""";

	static final String VERGEOS_CREATED = """
			{
			  "id": "vergeos-prod:7",
			  "provider": "vergeos-prod",
			  "providerType": "vergeos",
			  "nativeId": "7",
			  "name": "system-snapshots",
			  "schedule": {
			    "timeZone": "Europe/Berlin",
			    "rules": [
			      {"every": "HOUR", "minute": 15},
			      {"every": "DAY", "at": "00:30"},
			      {"every": "MONTH", "day": 1, "at": "04:00"}
			    ]
			  },
			  "retention": {"keepFor": "P3D", "minKept": 2},
			  "immutable": true,
			  "targets": [],
			  "status": "NOT_ASSIGNED",
			  "providerStatus": "",
			  "createdAt": null,
			  "lastSnapshotAt": null,
			  "overdue": false,
			  "copies": [],
			  "attributes": {"systemAssignment": "newest-scheduled-snapshot-from-another-profile", "systemProfile": "3"}
			}""";

	static final String BAIDU_PAGE = "{\"items\": [" + BAIDU_POLICY
			+ "], \"nextPageToken\": null, \"partial\": false, \"providerErrors\": []}";

	static final String VERGEOS_PAGE = "{\"items\": [" + VERGEOS_POLICY
			+ "], \"nextPageToken\": null, \"partial\": false, \"providerErrors\": []}";

	private PolicyExamples() {
	}

}
