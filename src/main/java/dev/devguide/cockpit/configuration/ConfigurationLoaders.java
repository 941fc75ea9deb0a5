package dev.devguide.cockpit.configuration;

import dev.devguide.cockpit.graphql.LoaderContribution;
import dev.devguide.cockpit.graphql.LoaderKey;
import dev.devguide.cockpit.graphql.Loaders;
import java.util.List;
import org.springframework.stereotype.Component;

/** Templates by id, and each project's guardrails (its own and the system ones). */
@Component
public class ConfigurationLoaders implements LoaderContribution {

	public static final LoaderKey<String, Template> TEMPLATE = LoaderKey.named("template.byId");

	public static final LoaderKey<String, List<Guardrail>> PROJECT_GUARDRAILS = LoaderKey.named("project.guardrails");

	private final TemplateRepository templates;

	private final GuardrailRepository guardrails;

	ConfigurationLoaders(TemplateRepository templates, GuardrailRepository guardrails) {
		this.templates = templates;
		this.guardrails = guardrails;
	}

	@Override
	public void register(Loaders loaders) {
		loaders.byId(TEMPLATE, (ids, selection) -> templates.findByIds(ids), Template::id);
		loaders.mapped(PROJECT_GUARDRAILS,
				(ids, selection) -> guardrails.findByProjectIdsWithSystem(ids)
					.collectList()
					.map(rows -> ProjectGuardrails.distribute(ids, rows)));
	}

}
