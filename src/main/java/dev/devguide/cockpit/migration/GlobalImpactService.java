package dev.devguide.cockpit.migration;

import static dev.devguide.cockpit.migration.GlobalImpactInputs.AFFECTED_LAYERS;
import static dev.devguide.cockpit.migration.GlobalImpactInputs.AFFECTED_WORKFLOWS;
import static dev.devguide.cockpit.migration.GlobalImpactInputs.APPROVAL_STATUS;
import static dev.devguide.cockpit.migration.GlobalImpactInputs.CHANGE_DETAIL;
import static dev.devguide.cockpit.migration.GlobalImpactInputs.CHANGE_TYPE;
import static dev.devguide.cockpit.migration.GlobalImpactInputs.IMPACT_DESCRIPTION;
import static dev.devguide.cockpit.migration.GlobalImpactInputs.IMPLEMENTATION_NOTES;
import static dev.devguide.cockpit.migration.GlobalImpactInputs.LAYER;
import static dev.devguide.cockpit.migration.GlobalImpactInputs.MITIGATION_STRATEGY;
import static dev.devguide.cockpit.migration.GlobalImpactInputs.PHASE;
import static dev.devguide.cockpit.migration.GlobalImpactInputs.PHASE_NUMBER;
import static dev.devguide.cockpit.migration.GlobalImpactInputs.RISK;
import static dev.devguide.cockpit.migration.GlobalImpactInputs.RISK_ASSESSMENT;
import static dev.devguide.cockpit.migration.GlobalImpactInputs.WORKFLOW;

import dev.devguide.cockpit.audit.AuditFacts;
import dev.devguide.cockpit.audit.AuditedTransactions;
import dev.devguide.cockpit.graphql.ApiException;
import dev.devguide.cockpit.graphql.Input;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Global impacts: recorded and reviewed by admins and the migration personas (each
 * persona counted once), approved by admins; read by both, by severity.
 */
@Service
class GlobalImpactService {

	static final String TYPE = "global_impact";

	private static final Pattern WORKFLOW_NAME = Pattern.compile("WF[1-9][0-9]*");

	private final GlobalImpactRepository impacts;

	private final MigrationPhaseRepository phases;

	private final AuditedTransactions transactions;

	GlobalImpactService(GlobalImpactRepository impacts, MigrationPhaseRepository phases,
			AuditedTransactions transactions) {
		this.impacts = impacts;
		this.phases = phases;
		this.transactions = transactions;
	}

	/** The impacts matching the checked filters, by severity (highest first). */
	Mono<List<GlobalImpact>> list(Input arguments) {
		return MigrationAccess.reader()
			.flatMap(caller -> impacts
				.find(arguments.optional(RISK), arguments.optional(APPROVAL_STATUS), arguments.optional(WORKFLOW),
						arguments.optional(LAYER), arguments.optional(PHASE))
				.collectList());
	}

	Mono<GlobalImpact> create(Input input) {
		String id = UUID.randomUUID().toString();
		return transactions.run(AuditFacts.of("global_impact.create", TYPE, id).with("fields", input.fieldNames()),
				caller -> MigrationAccess.persona(caller).then(Mono.defer(() -> {
					Integer phase = input.optional(PHASE_NUMBER);
					GlobalImpact impact = new GlobalImpact(id, input.required(CHANGE_TYPE),
							input.required(CHANGE_DETAIL), workflows(input), input.required(AFFECTED_LAYERS),
							input.required(IMPACT_DESCRIPTION), input.required(RISK_ASSESSMENT),
							input.optional(MITIGATION_STRATEGY), List.of(), GlobalImpact.PENDING,
							input.optional(IMPLEMENTATION_NOTES), phase, null, null);
					return phases.requireExists(phase, input.path(PHASE_NUMBER))
						.then(impacts.insert(impact))
						.then(impacts.findById(id));
				})), (facts, impact) -> facts.with("riskAssessment", impact.riskAssessment())
					.with("phaseNumber", impact.phaseNumber()));
	}

	/**
	 * Adds {@code persona} to a pending impact's reviewers (a persona already there is
	 * not added again).
	 */
	Mono<GlobalImpact> review(String id, Input arguments) {
		return transactions.run(AuditFacts.of("global_impact.review", TYPE, id),
				caller -> MigrationAccess.persona(caller).then(pending(id, "reviewGlobalImpact")).flatMap(current -> {
					String persona = arguments.required(GlobalImpactInputs.PERSONA);
					if (current.reviewedByPersonas().contains(persona)) {
						return Mono.just(current);
					}
					List<String> reviewers = new ArrayList<>(current.reviewedByPersonas());
					reviewers.add(persona);
					return impacts.update(withReview(current, reviewers, current.approvalStatus()))
						.then(impacts.findById(id));
				}), (facts, impact) -> facts.with("persona", arguments.optional(GlobalImpactInputs.PERSONA))
					.with("reviewedByPersonas", impact.reviewedByPersonas()));
	}

	/** Approves a pending impact (admins only). */
	Mono<GlobalImpact> approve(String id) {
		return transactions.run(AuditFacts.of("global_impact.approve", TYPE, id),
				caller -> MigrationAccess.approver(caller)
					.then(pending(id, "approveGlobalImpact"))
					.flatMap(current -> impacts
						.update(withReview(current, current.reviewedByPersonas(), GlobalImpact.APPROVED))
						.then(impacts.findById(id))),
				(facts, impact) -> facts.with("riskAssessment", impact.riskAssessment()));
	}

	/** The impact, locked, if pending; a BAD_REQUEST naming its status otherwise. */
	private Mono<GlobalImpact> pending(String id, String operation) {
		return impacts.lock(id)
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("GlobalImpact", id)))
			.flatMap(current -> GlobalImpact.PENDING.equals(current.approvalStatus()) ? Mono.just(current)
					: Mono.error(ApiException.badRequest("id", "global impact " + id + " is " + current.approvalStatus()
							+ "; " + operation + " needs a pending impact")));
	}

	private static List<String> workflows(Input input) {
		List<String> workflows = input.required(AFFECTED_WORKFLOWS);
		for (String workflow : workflows) {
			if (!WORKFLOW_NAME.matcher(workflow).matches()) {
				throw ApiException.badRequest(input.path(AFFECTED_WORKFLOWS),
						"each workflow must be WF<n>, e.g. WF1; " + workflow + " is not");
			}
		}
		return workflows.stream().distinct().toList();
	}

	private static GlobalImpact withReview(GlobalImpact impact, List<String> reviewers, String approvalStatus) {
		return new GlobalImpact(impact.id(), impact.changeType(), impact.changeDetail(), impact.affectedWorkflows(),
				impact.affectedLayers(), impact.impactDescription(), impact.riskAssessment(),
				impact.mitigationStrategy(), List.copyOf(reviewers), approvalStatus, impact.implementationNotes(),
				impact.phaseNumber(), impact.createdAt(), impact.updatedAt());
	}

}
