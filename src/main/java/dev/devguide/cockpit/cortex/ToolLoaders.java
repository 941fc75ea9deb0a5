package dev.devguide.cockpit.cortex;

import dev.devguide.cockpit.graphql.LoaderContribution;
import dev.devguide.cockpit.graphql.LoaderKey;
import dev.devguide.cockpit.graphql.Loaders;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Tools by id ({@code ToolAccess.tool}) and each project's grants
 * ({@code Project.toolAccess}).
 */
@Component
public class ToolLoaders implements LoaderContribution {

	public static final LoaderKey<String, Tool> TOOL = LoaderKey.named("tool.byId");

	public static final LoaderKey<String, List<ToolAccess>> PROJECT_TOOL_ACCESS = LoaderKey.named("project.toolAccess");

	private final ToolRepository tools;

	private final ToolAccessRepository accesses;

	ToolLoaders(ToolRepository tools, ToolAccessRepository accesses) {
		this.tools = tools;
		this.accesses = accesses;
	}

	@Override
	public void register(Loaders loaders) {
		loaders.byId(TOOL, (ids, selection) -> tools.findByIds(ids), Tool::id);
		loaders.grouped(PROJECT_TOOL_ACCESS, (ids, selection) -> accesses.findByProjectIds(ids), ToolAccess::projectId);
	}

}
