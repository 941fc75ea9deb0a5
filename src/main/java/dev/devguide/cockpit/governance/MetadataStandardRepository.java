package dev.devguide.cockpit.governance;

import static dev.devguide.cockpit.persistence.Rows.bool;
import static dev.devguide.cockpit.persistence.Rows.instant;
import static dev.devguide.cockpit.persistence.Rows.string;
import static dev.devguide.cockpit.persistence.Rows.stringOrNull;

import dev.devguide.cockpit.persistence.Rows;
import io.r2dbc.spi.Readable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL for {@code metadata_standards}. */
@Repository
public class MetadataStandardRepository {

	private static final String COLUMNS = """
			id, standard_name, category, pattern_regex, field_pattern, validation_message, enforcement_level,
			is_active, created_at, updated_at""";

	private final DatabaseClient db;

	public MetadataStandardRepository(DatabaseClient db) {
		this.db = db;
	}

	/** The standards of a category and activity (null: any), by name. */
	public Flux<MetadataStandard> find(@Nullable String category, @Nullable Boolean active) {
		List<String> where = new ArrayList<>();
		if (category != null) {
			where.add("category = :category");
		}
		if (active != null) {
			where.add("is_active = :active");
		}
		String sql = "SELECT " + COLUMNS + " FROM metadata_standards"
				+ (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where)) + " ORDER BY standard_name, id";
		DatabaseClient.GenericExecuteSpec spec = db.sql(sql);
		if (category != null) {
			spec = spec.bind("category", category);
		}
		if (active != null) {
			spec = spec.bind("active", active);
		}
		return spec.map(MetadataStandardRepository::map).all();
	}

	/** The active standards that check fields (those with a field pattern). */
	public Flux<MetadataStandard> findApplicable() {
		return db
			.sql("SELECT " + COLUMNS + " FROM metadata_standards WHERE is_active = TRUE AND field_pattern IS NOT NULL "
					+ "ORDER BY standard_name, id")
			.map(MetadataStandardRepository::map)
			.all();
	}

	public Mono<MetadataStandard> findById(String id) {
		return db.sql("SELECT " + COLUMNS + " FROM metadata_standards WHERE id = :id")
			.bind("id", id)
			.map(MetadataStandardRepository::map)
			.one();
	}

	/** The standard, locked until the transaction ends (for read-modify-write). */
	public Mono<MetadataStandard> lock(String id) {
		return db.sql("SELECT " + COLUMNS + " FROM metadata_standards WHERE id = :id FOR UPDATE")
			.bind("id", id)
			.map(MetadataStandardRepository::map)
			.one();
	}

	public Flux<MetadataStandard> findByIds(Collection<String> ids) {
		return db.sql("SELECT " + COLUMNS + " FROM metadata_standards WHERE id IN (:ids)")
			.bind("ids", ids)
			.map(MetadataStandardRepository::map)
			.all();
	}

	/** True when another standard than {@code id} already has this name. */
	public Mono<Boolean> nameTaken(String name, String id) {
		return db.sql("SELECT COUNT(*) AS taken FROM metadata_standards WHERE standard_name = :name AND id <> :id")
			.bind("name", name)
			.bind("id", id)
			.map(row -> Rows.longValue(row, "taken") > 0)
			.one();
	}

	public Mono<Void> save(MetadataStandard standard, boolean isNew) {
		String sql = isNew ? """
				INSERT INTO metadata_standards (id, standard_name, category, pattern_regex, field_pattern,
				                                validation_message, enforcement_level, is_active)
				VALUES (:id, :name, :category, :pattern, :fields, :message, :level, :active)""" : """
				UPDATE metadata_standards SET standard_name = :name, category = :category, pattern_regex = :pattern,
				       field_pattern = :fields, validation_message = :message, enforcement_level = :level,
				       is_active = :active
				WHERE id = :id""";
		return db.sql(sql)
			.bind("id", standard.id())
			.bind("name", standard.standardName())
			.bind("category", standard.category())
			.bind("pattern", standard.patternRegex())
			.bind("fields", Parameter.fromOrEmpty(standard.fieldPattern(), String.class))
			.bind("message", Parameter.fromOrEmpty(standard.validationMessage(), String.class))
			.bind("level", standard.enforcementLevel())
			.bind("active", standard.active())
			.then();
	}

	static MetadataStandard map(Readable row) {
		return new MetadataStandard(string(row, "id"), string(row, "standard_name"), string(row, "category"),
				string(row, "pattern_regex"), stringOrNull(row, "field_pattern"),
				stringOrNull(row, "validation_message"), string(row, "enforcement_level"),
				Boolean.TRUE.equals(bool(row, "is_active")), instant(row, "created_at"), instant(row, "updated_at"));
	}

}
