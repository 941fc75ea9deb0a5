package dev.devguide.cockpit.security;

import java.util.Set;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The paths anyone may call (the GraphQL endpoint answers UNAUTHORIZED per field itself):
 * one matcher instead of {@code pathMatchers(...)}'s one per pattern, each of which has
 * Spring Security build a debug message per request even when debug logging is off
 * (commons-logging's SLF4J bridge formats before it checks the level).
 */
final class OpenPaths implements ServerWebExchangeMatcher {

	private static final Set<String> EXACT = Set.of("/graphql", "/graphiql", "/actuator/health");

	private static final String[] PREFIXES = { "/graphiql/", "/actuator/health/" };

	@Override
	public Mono<MatchResult> matches(ServerWebExchange exchange) {
		String path = exchange.getRequest().getPath().pathWithinApplication().value();
		return open(path) ? MatchResult.match() : MatchResult.notMatch();
	}

	static boolean open(String path) {
		if (EXACT.contains(path)) {
			return true;
		}
		for (String prefix : PREFIXES) {
			if (path.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	@Override
	public String toString() {
		return "OpenPaths";
	}

}
