package dev.devguide.cockpit.graphql;

/**
 * Who a root field admits, besides being authenticated: {@link #USERS} (people: users and
 * admins) unless the field declares {@link #ALSO_SERVICES}, which also admits callers
 * holding only a service role (an AI gateway writing usage). The {@link RootGuard}
 * applies it, so a service token reads nothing it was not meant to.
 */
public enum RootAccess {

	USERS,

	ALSO_SERVICES

}
