package dev.devguide.cockpit.graphql;

import static dev.devguide.cockpit.graphql.Sdl.field;
import static dev.devguide.cockpit.graphql.Sdl.ref;
import static dev.devguide.cockpit.graphql.Sdl.required;
import static graphql.Scalars.GraphQLID;
import static graphql.Scalars.GraphQLString;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLObjectType;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.DefaultBatchLoaderRegistry;
import reactor.core.publisher.Mono;

/**
 * The assembler refuses at start-up the mistakes no single contribution can see: fields
 * with nowhere to go, fetchers for fields that do not exist, relations through loaders
 * nobody registers, names used twice.
 */
class SchemaAssemblerTests {

	private static final RootGuard ANYONE = access -> Mono.just("anyone");

	private static final LoaderKey<String, Thing> THING = LoaderKey.named("thing.byId");

	/** The Java class of the test type. */
	record Thing(String id, String ownerId) {
	}

	@Test
	void assemblesContributionsThatFitTogether() {
		SchemaAssembler.Assembly assembly = assemble(Set.of(THING.name()), SchemaAssemblerTests::thing,
				schema -> schema.relation("Thing", "owner", ref("Thing"), "Its owner.", THING, Thing::ownerId));

		assertThat(((GraphQLObjectType) assembly.schema().getType("Thing")).getFieldDefinition("owner")).isNotNull();
		assertThat(assembly.sources()).containsEntry("Thing", Thing.class);
	}

	@Test
	void refusesAFieldAddedToATypeNobodyDefines() {
		assertThatIllegalStateException()
			.isThrownBy(() -> assemble(Set.of(), SchemaAssemblerTests::thing,
					schema -> schema.field("Nothing", field("x", GraphQLString, "X."), env -> "x")))
			.withMessageContaining("fields [x] are added to Nothing, which no contribution defines");
	}

	@Test
	void refusesAFieldAddedToATypeThatIsNoObject() {
		assertThatIllegalStateException().isThrownBy(() -> assemble(Set.of(), SchemaAssemblerTests::thing, schema -> {
			schema.type(GraphQLEnumType.newEnum().name("Colour").description("A colour.").value("RED").build());
			schema.field("Colour", field("x", GraphQLString, "X."), env -> "x");
		})).withMessageContaining("fields [x] are added to Colour, which is not an object type");
	}

	@Test
	void refusesAFetcherForAFieldThatDoesNotExist() {
		assertThatIllegalStateException()
			.isThrownBy(() -> assemble(Set.of(), SchemaAssemblerTests::thing,
					schema -> schema.fetcher("Thing", "idd", env -> "misspelt")))
			.withMessageContaining("a fetcher is registered for Thing.idd, which does not exist");
	}

	@Test
	void refusesAFieldDeclaredTwice() {
		assertThatIllegalStateException()
			.isThrownBy(() -> assemble(Set.of(), SchemaAssemblerTests::thing,
					schema -> schema.field("Thing", field("id", GraphQLString, "Again."), env -> "x")))
			.withMessageContaining("field Thing.id is declared twice");
	}

	@Test
	void refusesARelationThroughALoaderNobodyRegisters() {
		assertThatIllegalStateException()
			.isThrownBy(() -> assemble(Set.of(), SchemaAssemblerTests::thing,
					schema -> schema.relation("Thing", "owner", ref("Thing"), "Its owner.", THING, Thing::ownerId)))
			.withMessageContaining("Thing.owner loads through DataLoader thing.byId, which nobody registers");
	}

	@Test
	void reportsEveryMistakeAtOnce() {
		assertThatIllegalStateException().isThrownBy(() -> assemble(Set.of(), SchemaAssemblerTests::thing, schema -> {
			schema.fetcher("Thing", "idd", env -> "misspelt");
			schema.field("Nothing", field("x", GraphQLString, "X."), env -> "x");
		})).withMessageContaining("Thing.idd").withMessageContaining("Nothing");
	}

	@Test
	void refusesAnObjectTypeWithoutItsJavaClassAndNamesUsedTwice() {
		SchemaParts parts = new SchemaParts();
		GraphQLObjectType thing = thingType();
		assertThatIllegalArgumentException().isThrownBy(() -> parts.type(thing))
			.withMessageContaining("must be added with object(type, sourceClass)");
		parts.object(thing, Thing.class);
		assertThatIllegalStateException().isThrownBy(() -> parts.object(thing, Thing.class))
			.withMessageContaining("Type Thing is contributed twice");
		parts.fetcher("Thing", "id", env -> "one");
		assertThatIllegalStateException().isThrownBy(() -> parts.fetcher("Thing", "id", env -> "two"))
			.withMessageContaining("Two fetchers are registered for Thing.id");
	}

	@Test
	void refusesALoaderNameRegisteredTwice() {
		Loaders loaders = new Loaders(new DefaultBatchLoaderRegistry());
		loaders.byId(THING, (ids, selection) -> reactor.core.publisher.Flux.empty(), Thing::id);
		assertThatIllegalStateException()
			.isThrownBy(() -> loaders.byId(LoaderKey.<String, Thing>named("thing.byId"),
					(ids, selection) -> reactor.core.publisher.Flux.empty(), Thing::id))
			.withMessageContaining("DataLoader thing.byId is registered twice");
		assertThat(loaders.names()).containsExactly("thing.byId");
	}

	private static SchemaAssembler.Assembly assemble(Set<String> loaders, SchemaContribution... contributions) {
		return SchemaAssembler.assemble(List.of(contributions), loaders, ANYONE);
	}

	private static void thing(SchemaParts schema) {
		schema.object(thingType(), Thing.class)
			.query(field("thing", ref("Thing"), "One thing.", Sdl.arg("id", required(GraphQLID), "Its id.")),
					env -> Mono.just(new Thing(env.getArgument("id"), null)));
	}

	private static GraphQLObjectType thingType() {
		return GraphQLObjectType.newObject()
			.name("Thing")
			.description("A thing.")
			.field(field("id", required(GraphQLID), "Its id."))
			.build();
	}

}
