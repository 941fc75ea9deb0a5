package dev.devguide.cockpit.security;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ThreadLocalAccessor;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Configuration;

/**
 * Removes the security thread-local accessors from Micrometer's context registry. Reactor
 * restores every registered accessor whose key is in the Reactor context around each
 * element of a {@code handle} operator, and r2dbc-mysql decodes every row in one: per row
 * of a request, Spring Security's security context and exchange were put into thread
 * locals and taken out again. Nothing here reads them from thread locals (the caller
 * comes from the Reactor context, {@link CallerContext}). Micrometer's observation
 * accessor stays, for observations.
 */
@Configuration(proxyBeanMethods = false)
class ThreadLocalAccessors {

	private static final Set<String> UNUSED = Set.of(
			"org.springframework.security.core.context.ReactiveSecurityContextHolderThreadLocalAccessor",
			"org.springframework.security.core.context.SecurityContextHolderThreadLocalAccessor",
			"org.springframework.security.web.server.ServerWebExchangeThreadLocalAccessor",
			"org.springframework.graphql.execution.SecurityContextThreadLocalAccessor");

	ThreadLocalAccessors() {
		ContextRegistry registry = ContextRegistry.getInstance();
		List<ThreadLocalAccessor<?>> registered = List.copyOf(registry.getThreadLocalAccessors());
		for (ThreadLocalAccessor<?> accessor : registered) {
			if (UNUSED.contains(accessor.getClass().getName())) {
				registry.removeThreadLocalAccessor(accessor.key());
			}
		}
	}

}
