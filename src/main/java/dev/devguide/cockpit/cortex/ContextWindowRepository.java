package dev.devguide.cockpit.cortex;

import static dev.devguide.cockpit.persistence.Rows.instant;
import static dev.devguide.cockpit.persistence.Rows.integer;
import static dev.devguide.cockpit.persistence.Rows.string;

import dev.devguide.cockpit.graphql.SelectedColumns;
import dev.devguide.cockpit.graphql.Selection;
import dev.devguide.cockpit.persistence.JsonColumns;
import dev.devguide.cockpit.persistence.Rows;
import io.r2dbc.spi.Readable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * SQL for {@code context_windows}. The history is read (and its JSON parsed) only when
 * {@code messages} is selected.
 */
@Repository
public class ContextWindowRepository {

	private static final SelectedColumns SELECTED = SelectedColumns.always("w.id", "w.project_id")
		.field("messages", "w.conversation_history")
		.field("currentTokens", "w.current_tokens")
		.field("maxTokens", "w.max_tokens")
		.field("lastMessageAt", "w.last_message_at");

	private final DatabaseClient db;

	private final JsonColumns json;

	public ContextWindowRepository(DatabaseClient db, JsonColumns json) {
		this.db = db;
		this.json = json;
	}

	public Mono<Void> insert(String id, String projectId, int maxTokens) {
		return db.sql("""
				INSERT INTO context_windows (id, project_id, conversation_history, current_tokens, max_tokens)
				VALUES (:id, :project, '[]', 0, :max)""")
			.bind("id", id)
			.bind("project", projectId)
			.bind("max", maxTokens)
			.then();
	}

	/** The window's project, without a lock (to lock the project first). */
	public Mono<String> projectOf(String id) {
		return db.sql("SELECT project_id FROM context_windows WHERE id = :id")
			.bind("id", id)
			.map(row -> string(row, "project_id"))
			.one();
	}

	/** The whole window, locked until the transaction ends. */
	public Mono<ContextWindow> lock(String id) {
		return db.sql("SELECT " + SELECTED.of(Selection.ALL) + " FROM context_windows w WHERE w.id = :id FOR UPDATE")
			.bind("id", id)
			.map(row -> read(row, Selection.ALL))
			.one();
	}

	/** The window, read for {@code selection}, with the owner of its project. */
	public Mono<Owned> findOwned(String id, Selection selection) {
		return db
			.sql("SELECT " + SELECTED.of(selection) + ", p.owner_user_id FROM context_windows w "
					+ "JOIN projects p ON p.id = w.project_id WHERE w.id = :id")
			.bind("id", id)
			.map(row -> new Owned(read(row, selection), string(row, "owner_user_id")))
			.one();
	}

	/** A window and the owner of its project. */
	public record Owned(ContextWindow window, String owner) {
	}

	/**
	 * The windows of many projects in one statement, each project's most recently used
	 * first.
	 */
	public Flux<ContextWindow> findByProjectIds(Collection<String> projectIds, Selection selection) {
		return db
			.sql("SELECT " + SELECTED.of(selection) + " FROM context_windows w WHERE w.project_id IN (:ids) "
					+ "ORDER BY w.last_message_at DESC, w.id DESC")
			.bind("ids", projectIds)
			.map(row -> read(row, selection))
			.all();
	}

	/** Writes the kept history, its token sum and the time of the last append. */
	public Mono<Void> write(String id, List<ContextWindowMessage> messages, int tokens, Instant at) {
		return db.sql("""
				UPDATE context_windows
				SET conversation_history = :history, current_tokens = :tokens, last_message_at = :at
				WHERE id = :id""")
			.bind("history", json.write(messages.stream().map(ContextWindowRepository::toJson).toList()))
			.bind("tokens", tokens)
			.bind("at", Rows.utc(at))
			.bind("id", id)
			.then();
	}

	/** Empties the history; the time of the last message stays. */
	public Mono<Void> clear(String id) {
		return db.sql("UPDATE context_windows SET conversation_history = '[]', current_tokens = 0 WHERE id = :id")
			.bind("id", id)
			.then();
	}

	/** How many bytes one message takes in the history's JSON (and a separator). */
	int bytes(ContextWindowMessage message) {
		return json.write(toJson(message)).getBytes(StandardCharsets.UTF_8).length + 1;
	}

	static Map<String, Object> toJson(ContextWindowMessage message) {
		Map<String, Object> value = new LinkedHashMap<>();
		value.put("role", message.role());
		value.put("content", message.content());
		value.put("tokens", message.tokens());
		value.put("at", message.at().toString());
		return value;
	}

	private ContextWindow read(Readable row, Selection selection) {
		return new ContextWindow(string(row, "id"), string(row, "project_id"),
				selection.has("messages") ? messages(json.read(row, "conversation_history")) : List.of(),
				selection.has("currentTokens") ? integer(row, "current_tokens") : 0,
				selection.has("maxTokens") ? integer(row, "max_tokens") : 0,
				selection.has("lastMessageAt") ? instant(row, "last_message_at") : Instant.EPOCH);
	}

	private static List<ContextWindowMessage> messages(Object history) {
		List<ContextWindowMessage> messages = new ArrayList<>();
		for (Object item : (List<?>) history) {
			Map<?, ?> message = (Map<?, ?>) item;
			// the API writes every key of every message (toJson)
			Number tokens = (Number) Objects.requireNonNull(message.get("tokens"));
			messages.add(new ContextWindowMessage(String.valueOf(message.get("role")),
					String.valueOf(message.get("content")), tokens.intValue(),
					Instant.parse(String.valueOf(message.get("at")))));
		}
		return messages;
	}

}
