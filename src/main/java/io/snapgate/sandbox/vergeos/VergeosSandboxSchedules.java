package io.snapgate.sandbox.vergeos;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

import io.snapgate.sandbox.vergeos.VergeosSandboxRows.CloudSnapshot;
import io.snapgate.sandbox.vergeos.VergeosSandboxRows.Machine;
import io.snapgate.sandbox.vergeos.VergeosSandboxRows.MachineSnapshot;
import io.snapgate.sandbox.vergeos.VergeosSandboxRows.Period;
import io.snapgate.sandbox.vergeos.VergeosSandboxRows.Profile;
import org.jspecify.annotations.Nullable;

/**
 * Runs the system's snapshot profile the way a VergeOS system runs its schedule, on the
 * emulator's clock in UTC: each of its periods that came due since the last run takes a
 * cloud snapshot carrying its profile and period, kept for the period's retention; then
 * the snapshots periods took that are past their expiry are deleted, except the newest
 * {@code min_snapshots} of each period, which stay as {@code held}. Runs that were missed
 * (the emulator stopped, or a clock moved far) are made up by one snapshot per period,
 * not one per missed time. Snapshots taken by hand are left as they are.
 * <p>
 * Only the profile the system uses takes cloud snapshots, as on VergeOS: any other
 * profile, one made through SnapGate included, takes none, however its periods are set. A
 * profile given to VMs takes a VM snapshot of each of them when a period is due (carrying
 * the period, kept for its retention, the newest {@code min_snapshots} of each period and
 * VM kept past their expiry); a profile given to nothing takes nothing. The every-minute
 * demonstration runs the system's profile only. One-time ({@code custom}) periods never
 * run here. Each cloud snapshot a period takes is handed on when taken (to be queued on
 * the outgoing syncs linked to the period). Not synchronized: {@link VergeosSandboxState}
 * holds its lock around every use.
 */
final class VergeosSandboxSchedules {

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmm", Locale.ROOT);

	/** How far back a due time is looked for: past a year, a yearly period too. */
	private static final int DAYS_BACK = 370;

	private final VergeosSandboxTables tables;

	private final VergeosSandboxMachines machines;

	private final BiConsumer<CloudSnapshot, Instant> taken;

	/**
	 * @param taken told of each cloud snapshot a period takes, with the time it was taken
	 */
	VergeosSandboxSchedules(VergeosSandboxTables tables, VergeosSandboxMachines machines,
			BiConsumer<CloudSnapshot, Instant> taken) {
		this.tables = tables;
		this.machines = machines;
		this.taken = taken;
	}

	/**
	 * @param after the end of the last run: times up to it were run already
	 * @param now the end of this run
	 * @param everyMinute whether the system's profile runs every minute instead
	 * @return how many snapshots were taken
	 */
	int run(Instant after, Instant now, boolean everyMinute) {
		Long system = this.tables.systemProfile();
		int taken = 0;
		for (Period period : List.copyOf(this.tables.periods())) {
			if (Objects.equals(system, period.profile())) {
				LocalDateTime due = everyMinute ? everyMinuteDue(after, now) : due(period, after, now);
				if (due != null && take(period, due, now)) {
					taken++;
				}
			}
			List<Machine> vms = vmsOf(period.profile());
			LocalDateTime due = vms.isEmpty() ? null : due(period, after, now);
			if (due != null) {
				for (Machine vm : vms) {
					takeOfVm(period, vm, due, now);
					taken++;
				}
			}
		}
		expire(now.getEpochSecond());
		expireVmSnapshots(now.getEpochSecond());
		return taken;
	}

	/** The VMs, snapshots aside, that have this profile. */
	private List<Machine> vmsOf(long profile) {
		return this.tables.machines(VergeosSandboxKind.VM)
			.stream()
			.filter((vm) -> !vm.snapshot() && Objects.equals(vm.snapshotProfile(), profile))
			.toList();
	}

	/**
	 * A snapshot of the VM named for the period and the time it was due, carrying the
	 * period; quiesced where the period asks and the VM's guest agent runs.
	 */
	private void takeOfVm(Period period, Machine vm, LocalDateTime due, Instant now) {
		long created = now.getEpochSecond();
		long expires = (period.retention() == 0) ? 0 : created + period.retention();
		this.machines.take(vm, period.name() + "_" + due.format(STAMP),
				"Taken by snapshot profile period '" + period.name() + "'", created, expires,
				period.quiesce() && vm.guestAgent() && vm.isRunning(), false, period.key(), period.minSnapshots());
	}

	/**
	 * Deletes the VM snapshots periods took that are past their expiry, but for the
	 * newest {@code min_snapshots} of each period and VM, which stay.
	 */
	private void expireVmSnapshots(long now) {
		Map<String, List<MachineSnapshot>> byPeriodAndVm = new HashMap<>();
		for (MachineSnapshot snapshot : this.tables.machineSnapshots()) {
			if (snapshot.period() != null) {
				byPeriodAndVm.computeIfAbsent(snapshot.period() + "/" + snapshot.machine(), (key) -> new ArrayList<>())
					.add(snapshot);
			}
		}
		for (List<MachineSnapshot> snapshots : byPeriodAndVm.values()) {
			List<MachineSnapshot> newestFirst = snapshots.stream()
				.sorted(Comparator.comparingLong(MachineSnapshot::created)
					.thenComparingLong(MachineSnapshot::key)
					.reversed())
				.toList();
			for (int i = 0; i < newestFirst.size(); i++) {
				MachineSnapshot snapshot = newestFirst.get(i);
				Period period = this.tables.period(Objects.requireNonNull(snapshot.period()));
				int kept = (period != null) ? period.minSnapshots() : snapshot.minSnapshots();
				if (snapshot.isExpiredAt(now) && i >= kept) {
					this.tables.removeMachineSnapshot(snapshot.key());
				}
			}
		}
	}

	/** The latest time in {@code (after, now]} that a period runs at, if any. */
	static @Nullable LocalDateTime due(Period period, Instant after, Instant now) {
		LocalDateTime from = LocalDateTime.ofInstant(after, ZoneOffset.UTC);
		LocalDateTime until = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
		for (int back = 0; back <= DAYS_BACK; back++) {
			LocalDate day = until.toLocalDate().minusDays(back);
			if (day.atTime(23, 59).isBefore(from) || day.atTime(23, 59).isEqual(from)) {
				return null;
			}
			if (!runsOn(period, day)) {
				continue;
			}
			for (int hour = 23; hour >= 0; hour--) {
				if (!period.frequency().equals("hourly") && hour != period.hour()) {
					continue;
				}
				LocalDateTime at = day.atTime(hour, period.minute());
				if (!at.isAfter(until)) {
					return at.isAfter(from) ? at : null;
				}
			}
		}
		return null;
	}

	private static @Nullable LocalDateTime everyMinuteDue(Instant after, Instant now) {
		LocalDateTime at = LocalDateTime.ofInstant(now, ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
		return at.isAfter(LocalDateTime.ofInstant(after, ZoneOffset.UTC)) ? at : null;
	}

	private static boolean runsOn(Period period, LocalDate day) {
		boolean anyWeekday = period.dayOfWeek().equals("any")
				|| period.dayOfWeek().equals(day.getDayOfWeek().name().substring(0, 3).toLowerCase(Locale.ROOT));
		boolean anyDayOfMonth = period.dayOfMonth() == 0 || period.dayOfMonth() == day.getDayOfMonth();
		boolean anyMonth = period.month() == 0 || period.month() == day.getMonthValue();
		return switch (period.frequency()) {
			case "hourly", "daily" -> true;
			case "weekly" -> anyWeekday;
			case "monthly" -> anyDayOfMonth;
			case "yearly" -> anyDayOfMonth && anyMonth;
			default -> false;
		};
	}

	/**
	 * A snapshot named for the period and the time it was due; none if that name is
	 * taken.
	 */
	private boolean take(Period period, LocalDateTime due, Instant now) {
		Profile profile = this.tables.profile(period.profile());
		String stamp = due.format(STAMP);
		String name = period.name() + "_" + stamp;
		if (nameTaken(name)) {
			name = period.name() + "_" + period.profile() + "_" + stamp;
			if (nameTaken(name)) {
				return false;
			}
		}
		long created = now.getEpochSecond();
		long expires = (period.retention() == 0) ? 0 : created + period.retention();
		long key = this.tables.nextKey("cloud_snapshots");
		CloudSnapshot snapshot = new CloudSnapshot(key, name,
				"Taken by snapshot profile '" + ((profile != null) ? profile.name() : period.profile()) + "'", created,
				expires, true, period.immutable(), period.immutable() ? "locked" : "unlocked",
				period.immutable() ? expires : 0, "normal", period.minSnapshots(), null, now, period.profile(),
				period.key());
		this.tables.addSnapshot(snapshot);
		this.taken.accept(snapshot, now);
		return true;
	}

	private boolean nameTaken(String name) {
		return this.tables.snapshots().stream().anyMatch((snapshot) -> snapshot.name().equals(name));
	}

	/**
	 * Deletes what periods took and is past its expiry, but for the newest
	 * {@code min_snapshots} of each period, which are held.
	 */
	private void expire(long now) {
		Map<Long, List<CloudSnapshot>> byPeriod = new HashMap<>();
		for (CloudSnapshot snapshot : this.tables.snapshots()) {
			if (snapshot.period() != null) {
				byPeriod.computeIfAbsent(snapshot.period(), (period) -> new ArrayList<>()).add(snapshot);
			}
		}
		for (Map.Entry<Long, List<CloudSnapshot>> entry : byPeriod.entrySet()) {
			Period period = this.tables.period(entry.getKey());
			List<CloudSnapshot> newestFirst = entry.getValue()
				.stream()
				.sorted(Comparator.comparingLong(CloudSnapshot::created)
					.thenComparingLong(CloudSnapshot::key)
					.reversed())
				.toList();
			for (int i = 0; i < newestFirst.size(); i++) {
				CloudSnapshot snapshot = newestFirst.get(i);
				int kept = (period != null) ? period.minSnapshots() : snapshot.minSnapshots();
				if (!snapshot.isExpiredAt(now)) {
					continue;
				}
				if (i < kept) {
					this.tables.replaceSnapshot(snapshot.held());
				}
				else {
					this.tables.removeSnapshot(snapshot.key());
				}
			}
		}
	}

}
