package dev.devguide.cockpit.graphql;

import org.springframework.stereotype.Component;

/** Types shared by every domain: PageInfo. */
@Component
class CoreSchema implements SchemaContribution {

	@Override
	public void contribute(SchemaParts schema) {
		Connections.definePageInfo(schema);
	}

}
