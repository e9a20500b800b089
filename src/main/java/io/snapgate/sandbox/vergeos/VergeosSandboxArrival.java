package io.snapgate.sandbox.vergeos;

import java.util.List;

import io.snapgate.sandbox.vergeos.VergeosSandboxRows.Member;

/**
 * A cloud snapshot another emulated system's outgoing sync delivers: what the receiving
 * system makes of it.
 *
 * @param name its name there, the sync's destination prefix included
 * @param description the source snapshot's description
 * @param created when the source snapshot was taken, in epoch seconds
 * @param expires when the receiving system lets it go, in epoch seconds; {@code 0} never
 * @param members the machines the source snapshot holds, whose keys the receiving system
 * gives anew
 */
record VergeosSandboxArrival(String name, String description, long created, long expires, List<Member> members) {

	VergeosSandboxArrival {
		members = List.copyOf(members);
	}

}
