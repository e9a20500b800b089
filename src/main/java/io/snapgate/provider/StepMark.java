package io.snapgate.provider;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Where a restore's next step stands, kept by the upstream at the end of a text it keeps
 * for SnapGate (a snapshot's description, a ledger row's): claimed by one replica
 * ({@code [snapgate-step:claimed:<nonce>:<epoch ms>]}) or sent
 * ({@code [snapgate-step:sent:<epoch ms>]}). A text holds at most one mark; writing one
 * replaces the one before.
 *
 * @param sent whether the step's write was sent, rather than only claimed
 * @param nonce the claiming replica's nonce; empty once sent
 * @param at when it was claimed or sent
 */
public record StepMark(boolean sent, String nonce, Instant at) {

	private static final Pattern MARK = Pattern
		.compile("\\s?\\[snapgate-step:(claimed:([0-9a-f]{16})|sent):([0-9]{1,15})]");

	public static StepMark claimed(String nonce, Instant at) {
		return new StepMark(false, nonce, at);
	}

	public static StepMark sent(Instant at) {
		return new StepMark(true, "", at);
	}

	/** The mark a text carries, if any. */
	public static @Nullable StepMark in(@Nullable String text) {
		if (text == null) {
			return null;
		}
		Matcher matcher = MARK.matcher(text);
		if (!matcher.find()) {
			return null;
		}
		Instant at = Instant.ofEpochMilli(Long.parseLong(matcher.group(3)));
		return (matcher.group(2) != null) ? claimed(matcher.group(2), at) : sent(at);
	}

	/** The text without its mark. */
	public static String strip(@Nullable String text) {
		return (text != null) ? MARK.matcher(text).replaceAll("") : "";
	}

	/** The text with this mark in place of the one it had. */
	public String onto(@Nullable String text) {
		String mark = this.sent ? "[snapgate-step:sent:" + this.at.toEpochMilli() + "]"
				: "[snapgate-step:claimed:" + this.nonce + ":" + this.at.toEpochMilli() + "]";
		String rest = strip(text);
		return rest.isEmpty() ? mark : rest + " " + mark;
	}

}
