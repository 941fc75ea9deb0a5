package dev.devguide.cockpit.governance;

import static dev.devguide.cockpit.graphql.Sdl.field;
import static dev.devguide.cockpit.graphql.Sdl.ref;
import static dev.devguide.cockpit.graphql.Sdl.required;
import static graphql.Scalars.GraphQLFloat;
import static graphql.Scalars.GraphQLID;
import static graphql.Scalars.GraphQLString;
import static graphql.schema.GraphQLList.list;

import dev.devguide.cockpit.graphql.FieldSpec;
import dev.devguide.cockpit.graphql.Input;
import dev.devguide.cockpit.graphql.LoaderContribution;
import dev.devguide.cockpit.graphql.LoaderKey;
import dev.devguide.cockpit.graphql.Loaders;
import dev.devguide.cockpit.graphql.Scalars;
import dev.devguide.cockpit.graphql.SchemaContribution;
import dev.devguide.cockpit.graphql.SchemaParts;
import dev.devguide.cockpit.project.Project;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * The metadata compliance dashboard (the spec's HTAP query) in GraphQL:
 * {@code complianceReport} over the caller's projects and {@code Project.compliance}
 * through a loader, each one statement.
 */
@Component
class ComplianceSchema implements SchemaContribution, LoaderContribution {

	static final LoaderKey<ProjectCompliance, ComplianceReport> PROJECT_COMPLIANCE = LoaderKey
		.named("project.compliance");

	private static final FieldSpec<List<String>> PROJECT_IDS = FieldSpec.idList("projectIds",
			ComplianceService.MAX_PROJECTS,
			"The projects; those the caller may not read count nothing. Default: every project the caller may "
					+ "read (admins: every violation).");

	private static final FieldSpec<List<String>> CATEGORIES = FieldSpec.enumList("categories", "StandardCategory",
			"Only standards of these categories (default: all).");

	/** One project's report: the loader key of {@code Project.compliance}. */
	record ProjectCompliance(String projectId, @Nullable List<String> categories) {
	}

	private final ComplianceService compliance;

	ComplianceSchema(ComplianceService compliance) {
		this.compliance = compliance;
	}

	@Override
	public void contribute(SchemaParts schema) {
		schema.object(report(), ComplianceReport.class).object(standard(), StandardCompliance.class);
		schema.query(field("complianceReport", required(ref("ComplianceReport")),
				"Compliance with every active metadata standard, lowest rate first, and the overall score.",
				PROJECT_IDS.argument(), CATEGORIES.argument()), env -> {
					Input arguments = Input.arguments(env);
					return compliance.report(arguments.optional(PROJECT_IDS), arguments.optional(CATEGORIES));
				});
		schema.argumentRelation("Project",
				field("compliance", required(ref("ComplianceReport")),
						"The project's compliance with every active metadata standard.", CATEGORIES.argument()),
				PROJECT_COMPLIANCE, (Project project, Input arguments) -> new ProjectCompliance(project.id(),
						arguments.optional(CATEGORIES)));
		schema.relation("StandardCompliance", "standard", required(ref("MetadataStandard")), "The standard.",
				GovernanceLoaders.STANDARD, StandardCompliance::standardId);
	}

	@Override
	public void register(Loaders loaders) {
		loaders.mapped(PROJECT_COMPLIANCE, (keys, selection) -> {
			Map<List<String>, List<ProjectCompliance>> groups = keys.stream()
				.collect(Collectors.groupingBy(key -> key.categories() == null ? List.of() : key.categories()));
			return Flux.fromIterable(groups.entrySet())
				.concatMap(group -> compliance
					.reports(group.getValue().stream().map(ProjectCompliance::projectId).distinct().toList(),
							group.getKey())
					.map(reports -> {
						Map<ProjectCompliance, ComplianceReport> answers = new HashMap<>();
						group.getValue().forEach(key -> answers.put(key, reports.get(key.projectId())));
						return answers;
					}))
				.collect(HashMap::new, Map::putAll);
		});
	}

	private static GraphQLObjectType report() {
		return GraphQLObjectType.newObject()
			.name("ComplianceReport")
			.description("How well changes meet the active metadata standards.")
			.field(field("standards", required(list(required(ref("StandardCompliance")))),
					"One entry per active standard, lowest compliance rate first."))
			.fields(counts("over every standard of the report"))
			.build();
	}

	private static GraphQLObjectType standard() {
		return GraphQLObjectType.newObject()
			.name("StandardCompliance")
			.description("Compliance with one active standard.")
			.field(field("standardId", required(GraphQLID), "The standard's id."))
			.field(field("standardName", required(GraphQLString), "The standard's name."))
			.field(field("category", required(ref("StandardCategory")), "What the standard governs."))
			.fields(counts("of this standard"))
			.build();
	}

	private static List<GraphQLFieldDefinition> counts(String of) {
		return List.of(field("violations", required(Scalars.LONG), "Violations " + of + ", in any status."),
				field("open", required(Scalars.LONG), "Open violations " + of + "."),
				field("resolved", required(Scalars.LONG), "Resolved violations " + of + "."),
				field("suppressed", required(Scalars.LONG), "Suppressed violations " + of + "."),
				field("complianceRate", required(GraphQLFloat),
						"(1 - open / violations) * 100, rounded to 2 decimals; 100 without violations (the spec's "
								+ "query gives NULL there)."));
	}

}
