package dev.devguide.cockpit.project;

import reactor.core.publisher.Mono;

/**
 * Whether a template exists, for a dashboard that names one. Templates belong to the
 * configuration domain, which builds on this one and implements this; the hierarchy never
 * imports it.
 */
public interface TemplateReferences {

	Mono<Boolean> exists(String templateId);

}
