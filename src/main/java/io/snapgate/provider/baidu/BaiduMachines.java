package io.snapgate.provider.baidu;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import io.snapgate.domain.ConflictException;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.NotFoundException;
import io.snapgate.domain.UpstreamErrorException;
import org.jspecify.annotations.Nullable;

/**
 * An instance with its disks as BCC tells them ({@code GET /v2/instance/{id}} and
 * {@code GET /v2/volume?instanceId=}), and BCC's rules for snapshotting it whole: the
 * instance Running or Stopped, every disk in use, none of them a local disk. Each disk
 * read is remembered for {@link BaiduDisks}.
 */
final class BaiduMachines {

	/** Pages of an instance's disks read at most: far more disks than BCC attaches. */
	private static final int MAX_PAGES = 5;

	private static final int PAGE = 100;

	private static final Set<String> READY_INSTANCE = Set.of("running", "stopped");

	/**
	 * What a disk or instance shows while a snapshot is taken; a repeated create is left
	 * to the client token.
	 */
	private static final String SNAPSHOT_PROCESSING = "snapshotprocessing";

	private final BaiduClient client;

	private final BaiduDisks disks;

	BaiduMachines(BaiduClient client, BaiduDisks disks) {
		this.client = client;
		this.disks = disks;
	}

	/**
	 * The instance and every disk attached to it, its system disk first.
	 * @throws NotFoundException with {@code INSTANCE_NOT_FOUND} when BCC has no such
	 * instance
	 */
	Machine read(String instanceId) {
		BaiduInstanceJson instance = this.client.findInstance(instanceId)
			.orElseThrow(() -> new NotFoundException(ErrorCode.INSTANCE_NOT_FOUND, "No instance " + instanceId));
		List<BaiduVolumeJson> found = new ArrayList<>();
		String marker = null;
		for (int page = 0; page < MAX_PAGES; page++) {
			BaiduVolumeListJson read = this.client.listVolumesOf(instanceId, marker, PAGE);
			for (BaiduVolumeJson volume : read.volumesOrEmpty()) {
				if (!BaiduIds.isVolumeId(volume.id())) {
					throw new UpstreamErrorException(ErrorCode.UPSTREAM_ERROR,
							"Baidu listed a disk of instance " + instanceId + " without an id of a known shape");
				}
				this.disks.remember(volume);
				found.add(volume);
			}
			marker = read.truncated() ? BaiduSnapshotMapper.blankToNull(read.nextMarker()) : null;
			if (marker == null) {
				break;
			}
		}
		found.sort(Comparator.comparing((BaiduVolumeJson volume) -> !volume.systemVolume())
			.thenComparing((volume) -> String.valueOf(volume.id())));
		return new Machine(instanceId, instance, found);
	}

	/**
	 * The instance, read and checked against BCC's rules for an instance snapshot.
	 * @throws ConflictException with {@code INSTANCE_BUSY} or {@code VOLUME_BUSY} when
	 * the instance or a disk is in a state BCC refuses
	 * @throws InvalidRequestException naming {@code machine} when the instance has a
	 * local disk, which BCC cannot snapshot
	 */
	Machine requireSnapshottable(String instanceId) {
		Machine machine = read(instanceId);
		String state = lower(machine.instance().status());
		if (!READY_INSTANCE.contains(state) && !state.equals(SNAPSHOT_PROCESSING)) {
			throw new ConflictException(ErrorCode.INSTANCE_BUSY, "Instance " + instanceId + " is "
					+ machine.instance().status() + "; a snapshot of it needs it Running or Stopped");
		}
		if (machine.disks().stream().noneMatch(BaiduVolumeJson::systemVolume)) {
			throw new UpstreamErrorException(ErrorCode.UPSTREAM_ERROR,
					"Baidu listed no system disk among the disks of instance " + instanceId);
		}
		for (BaiduVolumeJson disk : machine.disks()) {
			if (disk.isLocal()) {
				throw InvalidRequestException.unsupported("machine",
						"instance " + instanceId + " has local disk " + disk.id() + " (" + disk.storageType()
								+ "), and Baidu snapshots an instance only " + "when all its disks are cloud disks");
			}
			String status = lower(disk.status());
			if (!status.equals("inuse") && !status.equals(SNAPSHOT_PROCESSING)) {
				throw new ConflictException(ErrorCode.VOLUME_BUSY, "Disk " + disk.id() + " of instance " + instanceId
						+ " is " + disk.status() + "; a snapshot of the instance needs every disk InUse");
			}
		}
		return machine;
	}

	static String lower(@Nullable String status) {
		return (status != null) ? status.toLowerCase(Locale.ROOT) : "";
	}

	/**
	 * An instance and the disks attached to it, its system disk first.
	 */
	record Machine(String instanceId, BaiduInstanceJson instance, List<BaiduVolumeJson> disks) {

		Machine {
			disks = List.copyOf(disks);
		}

		List<String> diskIds() {
			return this.disks.stream()
				.map((disk) -> Objects.requireNonNull(disk.id(), "a listed disk has an id"))
				.toList();
		}

	}

}
