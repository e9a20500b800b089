package io.snapgate.domain;

import java.util.EnumSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Which scopes a provider can snapshot, restore and protect by policy, as told by its
 * capabilities and its scheduler.
 *
 * @param snapshot what it takes snapshots of
 * @param restore what it restores (a system snapshot's VMs and tenants count as restoring
 * the system scope)
 * @param protect what its policies can be given as targets
 */
public record ScopeSupport(Set<Scope> snapshot, Set<Scope> restore, Set<Scope> protect) {

	public ScopeSupport {
		snapshot = Set.copyOf(snapshot);
		restore = Set.copyOf(restore);
		protect = Set.copyOf(protect);
	}

	public static ScopeSupport of(Set<Capability> capabilities, @Nullable PolicyFeatures policies) {
		Set<Scope> snapshot = EnumSet.noneOf(Scope.class);
		for (Scope scope : Scope.values()) {
			if (capabilities.contains(scope.capability())) {
				snapshot.add(scope);
			}
		}
		Set<Scope> restore = EnumSet.noneOf(Scope.class);
		if (capabilities.contains(Capability.RESTORE_VM) || capabilities.contains(Capability.RESTORE_TENANT)) {
			restore.add(Scope.SYSTEM);
		}
		if (capabilities.contains(Capability.ROLLBACK_VOLUME)) {
			restore.add(Scope.VOLUME);
		}
		if (capabilities.contains(Capability.RESTORE_MACHINE) || capabilities.contains(Capability.REVERT_MACHINE)) {
			restore.add(Scope.MACHINE);
		}
		Set<Scope> protect = EnumSet.noneOf(Scope.class);
		if (policies != null) {
			for (PolicyTarget.Type target : policies.targets()) {
				protect.add(switch (target) {
					case SYSTEM -> Scope.SYSTEM;
					case VOLUME -> Scope.VOLUME;
					case MACHINE -> Scope.MACHINE;
				});
			}
		}
		return new ScopeSupport(snapshot, restore, protect);
	}

}
