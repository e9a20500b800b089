package io.snapgate.domain;

/**
 * A VM or tenant captured in a system snapshot.
 *
 * @param type VM or tenant
 * @param nativeId the provider's own key of the member row
 * @param name the member's name at snapshot time
 */
public record Member(MemberType type, String nativeId, String name) {
}
