package dev.devguide.cockpit.configuration;

import static dev.devguide.cockpit.persistence.Rows.boolOrNull;
import static dev.devguide.cockpit.persistence.Rows.instant;
import static dev.devguide.cockpit.persistence.Rows.integerOrNull;
import static dev.devguide.cockpit.persistence.Rows.string;
import static dev.devguide.cockpit.persistence.Rows.stringOrNull;

import dev.devguide.cockpit.persistence.JsonColumns;
import dev.devguide.cockpit.project.TemplateReferences;
import io.r2dbc.spi.Readable;
import java.util.Collection;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL for {@code templates}. */
@Repository
public class TemplateRepository implements TemplateReferences {

	private static final String COLUMNS = """
			id, name, category, description, specification, created_by, community_approved, download_count,
			created_at""";

	private final DatabaseClient db;

	private final JsonColumns json;

	public TemplateRepository(DatabaseClient db, JsonColumns json) {
		this.db = db;
		this.json = json;
	}

	/** Templates, optionally of one category, by name. */
	public Flux<Template> findAll(@Nullable String category) {
		String where = category == null ? "" : " WHERE category = :category";
		DatabaseClient.GenericExecuteSpec spec = db
			.sql("SELECT " + COLUMNS + " FROM templates" + where + " ORDER BY name");
		return (category == null ? spec : spec.bind("category", category)).map(this::map).all();
	}

	public Mono<Template> findById(String id) {
		return db.sql("SELECT " + COLUMNS + " FROM templates WHERE id = :id").bind("id", id).map(this::map).one();
	}

	public Flux<Template> findByIds(Collection<String> ids) {
		return db.sql("SELECT " + COLUMNS + " FROM templates WHERE id IN (:ids)").bind("ids", ids).map(this::map).all();
	}

	@Override
	public Mono<Boolean> exists(String id) {
		return db.sql("SELECT 1 FROM templates WHERE id = :id")
			.bind("id", id)
			.map(row -> true)
			.first()
			.defaultIfEmpty(false);
	}

	public Mono<Boolean> nameTaken(String name, String exceptId) {
		return db.sql("SELECT 1 FROM templates WHERE name = :name AND id <> :id")
			.bind("name", name)
			.bind("id", exceptId)
			.map(row -> true)
			.first()
			.defaultIfEmpty(false);
	}

	public Mono<Void> save(Template template, boolean isNew) {
		String sql = isNew ? """
				INSERT INTO templates (id, name, category, description, specification, created_by,
				                       community_approved, download_count)
				VALUES (:id, :name, :category, :description, :specification, :createdBy, :approved, :downloads)""" : """
				UPDATE templates SET name = :name, category = :category, description = :description,
				       specification = :specification, created_by = :createdBy,
				       community_approved = :approved, download_count = :downloads
				WHERE id = :id""";
		return db.sql(sql)
			.bind("id", template.id())
			.bind("name", template.name())
			.bind("category", template.category())
			.bind("description", Parameter.fromOrEmpty(template.description(), String.class))
			.bind("specification", json.write(template.specification()))
			.bind("createdBy", Parameter.fromOrEmpty(template.createdBy(), String.class))
			.bind("approved", template.communityApproved())
			.bind("downloads", template.downloadCount())
			.then();
	}

	public Mono<Long> delete(String id) {
		return db.sql("DELETE FROM templates WHERE id = :id").bind("id", id).fetch().rowsUpdated();
	}

	Template map(Readable row) {
		Integer downloads = integerOrNull(row, "download_count");
		return new Template(string(row, "id"), string(row, "name"), string(row, "category"),
				stringOrNull(row, "description"), json.read(row, "specification"), stringOrNull(row, "created_by"),
				Boolean.TRUE.equals(boolOrNull(row, "community_approved")), downloads == null ? 0 : downloads,
				instant(row, "created_at"));
	}

}
