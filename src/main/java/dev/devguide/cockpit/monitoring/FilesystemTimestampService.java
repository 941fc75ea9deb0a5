package dev.devguide.cockpit.monitoring;

import static dev.devguide.cockpit.monitoring.MonitoringInputs.ATIME;
import static dev.devguide.cockpit.monitoring.MonitoringInputs.CTIME;
import static dev.devguide.cockpit.monitoring.MonitoringInputs.FILES;
import static dev.devguide.cockpit.monitoring.MonitoringInputs.FILE_PATH;
import static dev.devguide.cockpit.monitoring.MonitoringInputs.GIT_COMMIT_SHA;
import static dev.devguide.cockpit.monitoring.MonitoringInputs.MTIME;

import dev.devguide.cockpit.audit.AuditFacts;
import dev.devguide.cockpit.audit.AuditedTransactions;
import dev.devguide.cockpit.graphql.ApiException;
import dev.devguide.cockpit.graphql.Cursors;
import dev.devguide.cockpit.graphql.FieldSpec;
import dev.devguide.cockpit.graphql.Input;
import dev.devguide.cockpit.graphql.Page;
import dev.devguide.cockpit.project.Ownership;
import dev.devguide.cockpit.security.Caller;
import dev.devguide.cockpit.security.CallerContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Captures and lists filesystem MAC times. A capture of up to 5,000 files is written all
 * or none in one audited transaction, one multi-row statement per chunk of at most
 * {@link #CHUNK_ROWS} rows (and about {@link #CHUNK_BYTES} bytes of paths, so that no
 * statement nears the server's packet limit). Who: the project's owner, admins, and the
 * ingest service for any project; reading is for the owner and admins.
 */
@Service
public class FilesystemTimestampService {

	/** At most this many rows per INSERT. */
	static final int CHUNK_ROWS = 1000;

	/** A chunk ends before its paths exceed this many UTF-8 bytes. */
	static final int CHUNK_BYTES = 4 * 1024 * 1024;

	/** The earliest and latest moments a TIMESTAMP(6) column holds. */
	static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:01Z");

	static final Instant LATEST = Instant.parse("2038-01-19T03:14:07.999999Z");

	private static final Pattern SHA = Pattern.compile("[0-9a-fA-F]{40}");

	private final FilesystemTimestampRepository timestamps;

	private final Ownership ownership;

	private final AuditedTransactions transactions;

	private final Clock clock = Clock.systemUTC();

	FilesystemTimestampService(FilesystemTimestampRepository timestamps, Ownership ownership,
			AuditedTransactions transactions) {
		this.timestamps = timestamps;
		this.ownership = ownership;
		this.transactions = transactions;
	}

	/** {@code captureFilesystemTimestamps}. */
	public Mono<FilesystemCapture> capture(String projectId, Input arguments) {
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		AuditFacts facts = AuditFacts.of("filesystem_timestamps.capture", "project", projectId)
			.with("capturedAt", now.toString());
		// who first, then what: a stranger learns nothing about the project from its
		// input
		return transactions.run(facts,
				caller -> mayWrite(caller, projectId).then(Mono.fromCallable(() -> read(arguments, projectId, now)))
					.flatMap(rows -> Flux.fromIterable(chunks(rows))
						.concatMap(timestamps::insert)
						.then(Mono.just(new FilesystemCapture(projectId, rows.size(), now)))),
				(done, capture) -> done.with("entries", capture.captured()));
	}

	/** A page of the project's captures, newest first. */
	public Mono<Page<FilesystemTimestamp>> page(String projectId, @Nullable String pathPrefix,
			@Nullable Instant modifiedAfter, int first, Cursors.@Nullable Position after) {
		return CallerContext.current()
			.flatMap(caller -> mayRead(caller, projectId))
			.then(timestamps.page(projectId, pathPrefix, modifiedAfter, after, first + 1).collectList())
			.map(rows -> Page.of(rows, first, after != null, row -> Cursors.encode(row.capturedAt(), row.id()),
					() -> timestamps.count(projectId, pathPrefix, modifiedAfter)));
	}

	/** Every capture of one file, oldest first. */
	public Flux<FilesystemTimestamp> history(String projectId, String filePath) {
		return CallerContext.current()
			.flatMap(caller -> mayRead(caller, projectId))
			.thenMany(timestamps.history(projectId, filePath));
	}

	/**
	 * The checked rows: a path must not be empty, times within what TIMESTAMP(6) holds, a
	 * commit 40 hexadecimal characters (stored in lower case).
	 */
	private static List<FilesystemTimestamp> read(Input arguments, String projectId, Instant now) {
		List<Input> sent = arguments.objects(FILES);
		List<FilesystemTimestamp> rows = new ArrayList<>(sent.size());
		for (Input entry : sent) {
			String path = entry.required(FILE_PATH);
			if (path.isEmpty()) {
				throw ApiException.badRequest(entry.path(FILE_PATH), "must not be empty");
			}
			String sha = entry.optional(GIT_COMMIT_SHA);
			if (sha != null && !SHA.matcher(sha).matches()) {
				throw ApiException.badRequest(entry.path(GIT_COMMIT_SHA),
						"must be a full git commit SHA: exactly 40 hexadecimal characters");
			}
			rows.add(new FilesystemTimestamp(UUID.randomUUID().toString(), projectId, path, time(entry, ATIME),
					time(entry, MTIME), time(entry, CTIME), now, sha == null ? null : sha.toLowerCase(Locale.ROOT)));
		}
		return rows;
	}

	static Instant time(Input entry, FieldSpec<Instant> spec) {
		Instant value = entry.required(spec);
		if (value.isBefore(EARLIEST) || value.isAfter(LATEST)) {
			throw ApiException.badRequest(entry.path(spec), "must be between " + EARLIEST + " and " + LATEST);
		}
		return value.truncatedTo(ChronoUnit.MICROS);
	}

	/**
	 * The rows in chunks of at most {@link #CHUNK_ROWS} rows and about
	 * {@link #CHUNK_BYTES} path bytes.
	 */
	static List<List<FilesystemTimestamp>> chunks(List<FilesystemTimestamp> rows) {
		List<List<FilesystemTimestamp>> chunks = new ArrayList<>();
		List<FilesystemTimestamp> chunk = new ArrayList<>();
		long bytes = 0;
		for (FilesystemTimestamp row : rows) {
			int size = row.filePath().getBytes(StandardCharsets.UTF_8).length;
			if (!chunk.isEmpty() && (chunk.size() == CHUNK_ROWS || bytes + size > CHUNK_BYTES)) {
				chunks.add(chunk);
				chunk = new ArrayList<>();
				bytes = 0;
			}
			chunk.add(row);
			bytes += size;
		}
		if (!chunk.isEmpty()) {
			chunks.add(chunk);
		}
		return chunks;
	}

	/**
	 * The ingest service and admins may write any existing project, users their own. No
	 * lock on the project row: captures are appended, and nothing else of the project
	 * depends on them (as with token usage).
	 */
	private Mono<Void> mayWrite(Caller caller, String projectId) {
		return existingFor(projectId, owner -> caller.ingest() || caller.owns(owner));
	}

	private Mono<Void> mayRead(Caller caller, String projectId) {
		return existingFor(projectId, caller::owns);
	}

	/**
	 * Nothing when the project exists and its owner is {@code allowed}; else NOT_FOUND,
	 * the same answer whether it does not exist or is someone else's.
	 */
	private Mono<Void> existingFor(String projectId, Predicate<String> allowed) {
		return ownership.owners(List.of(projectId))
			.flatMap(owners -> Mono.justOrEmpty(owners.get(projectId)))
			.filter(allowed)
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("Project", projectId)))
			.then();
	}

}
