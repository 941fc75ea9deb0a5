package dev.devguide.cockpit.cortex;

import dev.devguide.cockpit.graphql.LoaderContribution;
import dev.devguide.cockpit.graphql.LoaderKey;
import dev.devguide.cockpit.graphql.Loaders;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The context windows of each project, for {@code Project.contextWindows}: a batch of
 * projects with one statement, reading only the selected columns.
 */
@Component
public class ContextWindowLoaders implements LoaderContribution {

	public static final LoaderKey<String, List<ContextWindow>> PROJECT_WINDOWS = LoaderKey
		.named("project.contextWindows");

	private final ContextWindowRepository windows;

	ContextWindowLoaders(ContextWindowRepository windows) {
		this.windows = windows;
	}

	@Override
	public void register(Loaders loaders) {
		loaders.grouped(PROJECT_WINDOWS, windows::findByProjectIds, ContextWindow::projectId);
	}

}
