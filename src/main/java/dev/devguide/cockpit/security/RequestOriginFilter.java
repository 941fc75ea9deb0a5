package dev.devguide.cockpit.security;

import java.net.InetSocketAddress;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Puts the request's client address and user agent into the Reactor context for audit
 * rows.
 */
@Component
class RequestOriginFilter implements WebFilter {

	private static final int MAX_USER_AGENT = 1000;

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
		String ip = remote == null || remote.getAddress() == null ? null : remote.getAddress().getHostAddress();
		String agent = exchange.getRequest().getHeaders().getFirst(HttpHeaders.USER_AGENT);
		if (agent != null && agent.length() > MAX_USER_AGENT) {
			agent = agent.substring(0, MAX_USER_AGENT);
		}
		RequestOrigin origin = new RequestOrigin(ip, agent);
		return chain.filter(exchange).contextWrite(context -> context.put(RequestOrigin.class, origin));
	}

}
