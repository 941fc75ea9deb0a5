package dev.devguide.cockpit.extension;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.path.NodePath;
import dev.devguide.cockpit.graphql.ApiException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON Schema of an extension dashboard's config
 * ({@code classpath:extension/dashboard-config.schema.json}, draft 2020-12), checked with
 * the networknt validator: a dashboard (name, optional description, layout) with its
 * modules (type, name, configuration, position), the shape that can be applied to a
 * project as a dashboard of a profile. Other domains (installing and applying extensions)
 * check a config with it too.
 */
@Component
public class ExtensionConfigSchema {

	/** Where the schema is committed (under src/main/resources). */
	public static final String LOCATION = "classpath:extension/dashboard-config.schema.json";

	private final Schema schema;

	private final JsonMapper mapper;

	public ExtensionConfigSchema(JsonMapper mapper) {
		this.mapper = mapper;
		this.schema = SchemaRegistry.withDialect(Dialects.getDraft202012()).getSchema(SchemaLocation.of(LOCATION));
		this.schema.initializeValidators();
	}

	/**
	 * Every way {@code config} (maps, lists and scalars, as the JSON scalar gives them)
	 * does not fit the schema; empty when it fits.
	 */
	public List<ExtensionConfigProblem> problems(Object config) {
		JsonNode node = mapper.valueToTree(config);
		List<ExtensionConfigProblem> problems = new ArrayList<>();
		for (Error error : schema.validate(node)) {
			problems.add(new ExtensionConfigProblem(path(error), error.getMessage()));
		}
		return problems;
	}

	/**
	 * {@code config} when it fits the schema, else a BAD_REQUEST naming the first
	 * problem's path under {@code field} (for example
	 * {@code input.config.modules[2].type}).
	 */
	public <T> T checked(T config, String field) {
		List<ExtensionConfigProblem> problems = problems(config);
		if (problems.isEmpty()) {
			return config;
		}
		ExtensionConfigProblem first = problems.get(0);
		int others = problems.size() - 1;
		String more = others == 0 ? "" : " (and " + others + " more " + (others == 1 ? "problem)" : "problems)");
		throw ApiException.badRequest(first.pathUnder(field), first.message() + more);
	}

	/**
	 * The error's place in the config: its instance location, and for a keyword about a
	 * property that is missing or not allowed, that property.
	 */
	private static String path(Error error) {
		StringBuilder path = new StringBuilder();
		NodePath location = error.getInstanceLocation();
		for (int i = 0; i < location.getNameCount(); i++) {
			append(path, location.getElement(i));
		}
		String property = error.getProperty();
		if (property != null) {
			append(path, property);
		}
		return path.toString();
	}

	private static void append(StringBuilder path, Object element) {
		if (element instanceof Integer index) {
			path.append('[').append(index).append(']');
			return;
		}
		if (!path.isEmpty()) {
			path.append('.');
		}
		path.append(element);
	}

}
