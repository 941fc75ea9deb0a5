package dev.devguide.cockpit.migration;

import static dev.devguide.cockpit.graphql.Sdl.field;
import static dev.devguide.cockpit.graphql.Sdl.ref;
import static dev.devguide.cockpit.graphql.Sdl.required;
import static graphql.Scalars.GraphQLID;
import static graphql.Scalars.GraphQLInt;
import static graphql.Scalars.GraphQLString;
import static graphql.schema.GraphQLList.list;

import dev.devguide.cockpit.graphql.Scalars;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLObjectType;
import java.util.List;

/** The GraphQL types of global impacts, and the risk scale the programme shares. */
final class GlobalImpactTypes {

	private GlobalImpactTypes() {
	}

	static List<GraphQLEnumType> enums() {
		return List.of(GraphQLEnumType.newEnum()
			.name("RiskLevel")
			.description("A risk, by severity: LOW < MEDIUM < HIGH < CRITICAL. Lists ordered by risk follow this "
					+ "order (highest first), never the alphabet.")
			.value("LOW", "low", "The lowest risk.")
			.value("MEDIUM", "medium", "Above low.")
			.value("HIGH", "high", "Above medium.")
			.value("CRITICAL", "critical", "The highest risk.")
			.build(),
				GraphQLEnumType.newEnum()
					.name("ImpactChangeType")
					.description("What kind of change a global impact is about.")
					.value("ENUM", "enum", "A database ENUM consolidation.")
					.value("FILE", "file", "A file renamed or rewritten.")
					.value("API", "api", "An API change.")
					.value("SCHEMA", "schema", "A schema change.")
					.build(),
				GraphQLEnumType.newEnum()
					.name("ImpactApprovalStatus")
					.description("Where a global impact stands: PENDING (reviewed by personas) -> APPROVED (by an "
							+ "admin).")
					.value("PENDING", GlobalImpact.PENDING, "Recorded, under review.")
					.value("APPROVED", GlobalImpact.APPROVED, "Approved by an admin (the Architect).")
					.build());
	}

	static GraphQLObjectType impact() {
		return GraphQLObjectType.newObject()
			.name("GlobalImpact")
			.description("The assessed impact of one change of the V7 migration across workflows and layers "
					+ "(v7_global_impacts).")
			.field(field("id", required(GraphQLID), "The impact's id."))
			.field(field("changeType", required(ref("ImpactChangeType")), "What kind of change."))
			.field(field("changeDetail", required(Scalars.JSON), "What exactly changes (a JSON object)."))
			.field(field("affectedWorkflows", required(list(required(GraphQLString))),
					"The workflows affected, e.g. WF1."))
			.field(field("affectedLayers", required(list(required(GraphQLInt))), "The layers affected."))
			.field(field("impactDescription", required(GraphQLString), "What the change affects and how."))
			.field(field("riskAssessment", required(ref("RiskLevel")), "The risk."))
			.field(field("mitigationStrategy", GraphQLString, "How the risk is mitigated."))
			.field(field("reviewedByPersonas", required(list(required(GraphQLString))),
					"The personas who reviewed it, each once, in review order."))
			.field(field("approvalStatus", required(ref("ImpactApprovalStatus")), "Where it stands."))
			.field(field("implementationNotes", GraphQLString, "Notes on implementing it."))
			.field(field("phaseNumber", GraphQLInt, "The phase it belongs to, if any."))
			.field(field("createdAt", Scalars.DATE_TIME, "When it was recorded."))
			.field(field("updatedAt", Scalars.DATE_TIME, "When it last changed."))
			.build();
	}

}
