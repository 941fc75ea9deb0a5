package dev.devguide.cockpit.monitoring;

import static dev.devguide.cockpit.graphql.FieldSpec.dateTime;
import static dev.devguide.cockpit.graphql.FieldSpec.enumValue;
import static dev.devguide.cockpit.graphql.FieldSpec.id;
import static dev.devguide.cockpit.graphql.FieldSpec.integer;
import static dev.devguide.cockpit.graphql.FieldSpec.longInteger;
import static dev.devguide.cockpit.graphql.FieldSpec.longText;
import static dev.devguide.cockpit.graphql.FieldSpec.object;
import static dev.devguide.cockpit.graphql.FieldSpec.objectList;
import static dev.devguide.cockpit.graphql.FieldSpec.text;
import static dev.devguide.cockpit.graphql.FieldSpec.textList;
import static dev.devguide.cockpit.graphql.FieldSpec.token;
import static dev.devguide.cockpit.graphql.Sdl.inputObject;

import dev.devguide.cockpit.graphql.FieldSpec;
import graphql.schema.GraphQLInputObjectType;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The arguments and input fields of filesystem timestamps and clock synchronisation, with
 * their limits.
 */
final class MonitoringInputs {

	/** How many files one {@code captureFilesystemTimestamps} call may hold. */
	static final int MAX_FILES = 5000;

	/** How many readings one {@code recordClockSync} call may hold. */
	static final int MAX_READINGS = 1000;

	/** The longest path accepted: Linux's PATH_MAX. */
	static final int MAX_PATH = 4096;

	static final String UTC = " A DateTime, so always UTC: it must end in Z (an offset such as +02:00 is refused), "
			+ "with at most 6 fractional digits, between 1970-01-01T00:00:01Z and 2038-01-19T03:14:07.999999Z "
			+ "(what a TIMESTAMP(6) column holds).";

	static final FieldSpec<String> PROJECT_ID = id("projectId", 36, "The project.").nonNull();

	static final FieldSpec<String> FILE_PATH = token("filePath", MAX_PATH,
			"The file's path, as the capturing tool saw it (kept exactly, not trimmed; must not be empty). At most "
					+ MAX_PATH + " characters.")
		.nonNull();

	static final FieldSpec<Instant> ATIME = dateTime("atime", "Access time: when the file was last read." + UTC)
		.nonNull();

	static final FieldSpec<Instant> MTIME = dateTime("mtime", "Modification time: when its content last changed." + UTC)
		.nonNull();

	static final FieldSpec<Instant> CTIME = dateTime("ctime",
			"Change time: when its metadata (or content) last changed." + UTC)
		.nonNull();

	static final FieldSpec<String> GIT_COMMIT_SHA = text("gitCommitSha", 40,
			"The git commit the file belongs to, if any: exactly 40 hexadecimal characters (a full SHA-1), stored in "
					+ "lower case; anything else is a BAD_REQUEST naming entries[i].gitCommitSha.");

	static final FieldSpec<List<Map<String, Object>>> FILES = objectList("entries", "FilesystemTimestampInput", 1,
			MAX_FILES, "The files' times, written all or none.")
		.nonNull();

	static final FieldSpec<String> PATH_PREFIX = token("pathPrefix", MAX_PATH,
			"Only files whose path starts with this text (taken literally: % and _ are not wildcards).");

	static final FieldSpec<Instant> MODIFIED_AFTER = dateTime("modifiedAfter",
			"Only captures whose mtime is later than this moment.");

	static final FieldSpec<String> HISTORY_PATH = token("filePath", MAX_PATH, "The file's exact path.").nonNull();

	static final FieldSpec<String> COMPONENT_NAME = text("componentName", 100,
			"The component whose clock was read, e.g. api-server-1 or browser.")
		.nonNull();

	static final FieldSpec<String> PROTOCOL = enumValue("protocol", "ClockSyncProtocol",
			"How the component synchronises its clock.")
		.nonNull();

	static final FieldSpec<Integer> STRATUM = integer("stratum", 0, 16,
			"The NTP stratum (0 reference clock, 1 primary server, ..., 16 unsynchronised), if the protocol has one. "
					+ "From 0 to 16.");

	static final FieldSpec<Long> OFFSET = longInteger("offsetMicroseconds",
			"The clock's offset from the reference in microseconds (negative: behind). 10,000 or more either way "
					+ "makes the reading drifting.")
		.nonNull();

	static final FieldSpec<Instant> LAST_SYNC_AT = dateTime("lastSyncAt", "When the component last synchronised." + UTC)
		.nonNull();

	static final FieldSpec<String> ERROR_MESSAGE = longText("errorMessage",
			"Why synchronisation failed, if it did; any message makes the reading's status error.");

	static final FieldSpec<List<Map<String, Object>>> READINGS = objectList("entries", "ClockSyncInput", 1,
			MAX_READINGS, "The readings, written all or none.")
		.nonNull();

	static final FieldSpec<Map<String, Object>> CLOCK_INPUT = object("input", "RecordClockSyncInput",
			"The batch of readings.")
		.nonNull();

	static final FieldSpec<String> HISTORY_COMPONENT = text("componentName", 100, "Only this component's readings.");

	static final FieldSpec<Instant> FROM = dateTime("from", "Only readings whose lastSyncAt is at or after this.");

	static final FieldSpec<Instant> TO = dateTime("to", "Only readings whose lastSyncAt is before this.");

	static final FieldSpec<List<String>> COMPONENT_NAMES = textList("componentNames", 100, 100,
			"Only these components (default: every component).");

	static final FieldSpec<String> EVENT_AFTER = token("after", 20,
			"Resume right after this event cursor (an earlier event's `cursor`): every matching change since then is "
					+ "delivered first, then live ones. Without it, only changes committed from now on.");

	private MonitoringInputs() {
	}

	static List<GraphQLInputObjectType> types() {
		return List.of(
				inputObject("FilesystemTimestampInput", "One file's MAC times at this capture.", FILE_PATH, ATIME,
						MTIME, CTIME, GIT_COMMIT_SHA),
				inputObject("ClockSyncInput", "One reading of a component's clock. Its status is derived, not sent.",
						COMPONENT_NAME, PROTOCOL, STRATUM, OFFSET, LAST_SYNC_AT, ERROR_MESSAGE),
				inputObject("RecordClockSyncInput", "A batch of clock readings, recorded all or none.", READINGS));
	}

}
