package dev.devguide.cockpit.monitoring;

import static dev.devguide.cockpit.graphql.Sdl.field;
import static dev.devguide.cockpit.graphql.Sdl.ref;
import static dev.devguide.cockpit.graphql.Sdl.required;
import static graphql.Scalars.GraphQLID;
import static graphql.Scalars.GraphQLInt;
import static graphql.Scalars.GraphQLString;

import dev.devguide.cockpit.graphql.Scalars;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLObjectType;
import java.util.List;

/** The GraphQL types of filesystem timestamps and clock synchronisation. */
final class MonitoringTypes {

	private MonitoringTypes() {
	}

	static List<GraphQLEnumType> enums() {
		return List.of(
				GraphQLEnumType.newEnum()
					.name("ClockSyncProtocol")
					.description("How a component synchronises its clock (the spec's clock_sync_status.protocol).")
					.value("NTP", "NTP", "Network Time Protocol.")
					.value("PTP", "PTP", "Precision Time Protocol (IEEE 1588).")
					.value("BROWSER", "Browser", "A browser's clock, compared with the server's.")
					.value("SERVER", "Server", "A server's clock, compared with a reference server.")
					.build(),
				GraphQLEnumType.newEnum()
					.name("ClockStatus")
					.description("A clock reading's derived status: ERROR when it carries an error message, else "
							+ "DRIFTING when its offset is 10,000 microseconds (10 ms, the spec's target) or more either "
							+ "way, else SYNCHRONIZED.")
					.value("SYNCHRONIZED", ClockSyncStatus.SYNCHRONIZED, "Within 10 ms of the reference.")
					.value("DRIFTING", ClockSyncStatus.DRIFTING, "10 ms or more off the reference.")
					.value("ERROR", ClockSyncStatus.ERROR, "Synchronisation failed (see errorMessage).")
					.build());
	}

	static GraphQLObjectType filesystemTimestamp() {
		return GraphQLObjectType.newObject()
			.name("FilesystemTimestamp")
			.description("One file's MAC times at one capture, for correlating the filesystem with git and the "
					+ "database. All times are UTC.")
			.field(field("id", required(GraphQLID), "The capture row's id."))
			.field(field("projectId", GraphQLID, "The project the file belongs to (a soft reference)."))
			.field(field("filePath", required(GraphQLString), "The file's path, as captured."))
			.field(field("atime", required(Scalars.DATE_TIME), "Access time: when the file was last read."))
			.field(field("mtime", required(Scalars.DATE_TIME), "Modification time: when its content last changed."))
			.field(field("ctime", required(Scalars.DATE_TIME), "Change time: when its metadata last changed."))
			.field(field("capturedAt", required(Scalars.DATE_TIME),
					"When the capture was recorded (the server's clock; the same for every file of one call)."))
			.field(field("gitCommitSha", GraphQLString, "The git commit the file belongs to, in lower case, if any."))
			.build();
	}

	static GraphQLObjectType capture() {
		return GraphQLObjectType.newObject()
			.name("FilesystemCapture")
			.description("What captureFilesystemTimestamps wrote.")
			.field(field("projectId", required(GraphQLID), "The project."))
			.field(field("captured", required(GraphQLInt), "How many files were recorded."))
			.field(field("capturedAt", required(Scalars.DATE_TIME), "The capture time of every row written."))
			.build();
	}

	static GraphQLObjectType clockSync() {
		return GraphQLObjectType.newObject()
			.name("ClockSync")
			.description("One reading of a component's clock (a row of clock_sync_status, kept as history).")
			.field(field("id", required(GraphQLID), "The reading's id."))
			.field(field("componentName", required(GraphQLString), "The component whose clock was read."))
			.field(field("protocol", required(ref("ClockSyncProtocol")), "How the component synchronises."))
			.field(field("stratum", GraphQLInt, "The NTP stratum, if the protocol has one."))
			.field(field("offsetMicroseconds", required(Scalars.LONG),
					"The offset from the reference in microseconds (negative: behind)."))
			.field(field("lastSyncAt", required(Scalars.DATE_TIME), "When the component last synchronised."))
			.field(field("status", required(ref("ClockStatus")), "The derived status of this reading."))
			.field(field("errorMessage", GraphQLString, "Why synchronisation failed, if it did."))
			.build();
	}

}
