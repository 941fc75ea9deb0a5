package dev.devguide.cockpit.security;

import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.Locale;
import java.util.Map;

/**
 * Argument values that point at someone's resources: an argument or input field named
 * {@code id} gets the id of the resource its root field names
 * ({@code updateDashboard(id)}: a dashboard), one named {@code xxxId} the id of an
 * {@code xxx}, anything unknown the project's id; the rest are valid values, so only
 * authorization can refuse. A mixed variant points only the pointer at {@code ownerIndex}
 * at the owner and the others at the caller's own.
 */
final class Pointers implements RootFieldOperations.Values {

	/**
	 * Where the pointers go: ids by noun (project, profile, ...), and the capability type
	 * held.
	 */
	record Target(Map<String, String> ids, String capabilityType) {
	}

	/**
	 * Nouns that are not resources of their own, and the resource holding them:
	 * {@code appendContextMessages(id)} takes a context window's id,
	 * {@code moveExtension(id)} an installed extension's (a mapping's).
	 */
	private static final Map<String, String> HOLDERS = Map.of("message", "window", "approval", "extensiondashboard",
			"extension", "mapping");

	private final Target owner;

	private final Target caller;

	private final int ownerIndex;

	private final String text;

	private int count;

	/**
	 * {@code ownerIndex} -1 points every pointer at the owner; {@code text} prefixes the
	 * caller's strings.
	 */
	Pointers(Target owner, Target caller, int ownerIndex, String text) {
		this.owner = owner;
		this.caller = caller;
		this.ownerIndex = ownerIndex;
		this.text = text;
	}

	/** How many pointers were written whose owner's and caller's ids differ. */
	int count() {
		return count;
	}

	@Override
	public boolean sendsNullable(String name, GraphQLType type, boolean filled) {
		GraphQLNamedType bare = (GraphQLNamedType) GraphQLTypeUtil.unwrapAll(type);
		return filled || pointer(name, bare) || bare instanceof GraphQLInputObjectType;
	}

	@Override
	public Object leaf(String root, String name, GraphQLNamedType type) {
		if (pointer(name, type)) {
			String noun = noun(name.equals("id") ? root : name.substring(0, name.length() - 2));
			String owners = owner.ids().get(noun);
			String callers = caller.ids().get(noun);
			if (owners.equals(callers)) {
				return owners;
			}
			int index = count++;
			return ownerIndex < 0 || ownerIndex == index ? owners : callers;
		}
		if (name.equals("capabilityType")) {
			return owner.capabilityType();
		}
		if (type.getName().equals("String")) {
			return text + "-" + name;
		}
		return RootFieldOperations.placeholder(type);
	}

	/**
	 * {@code id}, an ID named {@code xxxId}, or any {@code xxxId} whose xxx is a known
	 * noun (ownerUserId).
	 */
	private boolean pointer(String name, GraphQLNamedType type) {
		if (name.equals("id")) {
			return true;
		}
		if (!name.endsWith("Id")) {
			return false;
		}
		return type.getName().equals("ID") || known(name.substring(0, name.length() - 2)) != null;
	}

	/**
	 * The whole camel-case name if it is a known noun (extensionDashboard), else its last
	 * word that is one (plural or not); unknown: project.
	 */
	private String noun(String camelCase) {
		String known = known(camelCase);
		return known == null ? "project" : known;
	}

	private String known(String camelCase) {
		String whole = camelCase.toLowerCase(Locale.ROOT);
		if (owner.ids().containsKey(whole)) {
			return whole;
		}
		String[] words = camelCase.split("(?=[A-Z])");
		for (int i = words.length - 1; i >= 0; i--) {
			// a noun of two words first: extensionDashboardId is an extension dashboard's
			String pair = i == 0 ? "" : (words[i - 1] + words[i]).toLowerCase(Locale.ROOT);
			String pairSingular = pair.endsWith("s") ? pair.substring(0, pair.length() - 1) : pair;
			if (!pair.isEmpty() && owner.ids().containsKey(pairSingular)) {
				return pairSingular;
			}
			String word = words[i].toLowerCase(Locale.ROOT);
			if (owner.ids().containsKey(word)) {
				return word;
			}
			String singular = word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
			if (owner.ids().containsKey(singular)) {
				return singular;
			}
			String holder = HOLDERS.get(singular);
			if (holder != null && owner.ids().containsKey(holder)) {
				return holder;
			}
		}
		return null;
	}

}
