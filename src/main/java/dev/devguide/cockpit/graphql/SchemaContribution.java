package dev.devguide.cockpit.graphql;

/**
 * One domain's part of the GraphQL schema: its types, its root fields and the fields it
 * adds to other domains' types, each with its data fetcher. The {@link SchemaAssembler}
 * joins all contributions into one schema.
 */
public interface SchemaContribution {

	void contribute(SchemaParts schema);

}
