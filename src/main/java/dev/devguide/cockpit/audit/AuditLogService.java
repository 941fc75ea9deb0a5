package dev.devguide.cockpit.audit;

import static dev.devguide.cockpit.audit.AuditInputs.ACTION;
import static dev.devguide.cockpit.audit.AuditInputs.FROM;
import static dev.devguide.cockpit.audit.AuditInputs.PROJECT_ID;
import static dev.devguide.cockpit.audit.AuditInputs.RESOURCE_ID;
import static dev.devguide.cockpit.audit.AuditInputs.RESOURCE_TYPE;
import static dev.devguide.cockpit.audit.AuditInputs.STATUS;
import static dev.devguide.cockpit.audit.AuditInputs.TO;
import static dev.devguide.cockpit.audit.AuditInputs.USER_ID;

import dev.devguide.cockpit.graphql.ApiException;
import dev.devguide.cockpit.graphql.Cursors;
import dev.devguide.cockpit.graphql.Input;
import dev.devguide.cockpit.graphql.Page;
import dev.devguide.cockpit.security.CallerContext;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Reads the audit trail. Admins read every row. A user reads their own actions and the
 * rows of the projects they own now (whoever acted, refused attempts included); the rows
 * of a deleted project stay readable by admins and by their actors only. A user sees
 * where a row came from (IP address, user agent) only on their own actions.
 */
@Service
public class AuditLogService {

	private final AuditLogRepository rows;

	AuditLogService(AuditLogRepository rows) {
		this.rows = rows;
	}

	/** A page of the rows the caller may read, newest first. */
	public Mono<Page<AuditEntry>> page(Input filter, int first, Cursors.@Nullable Position after, String afterPath) {
		return CallerContext.current().flatMap(caller -> {
			Instant from = filter.optional(FROM);
			Instant to = filter.optional(TO);
			if (from != null && to != null && !to.isAfter(from)) {
				return Mono.error(ApiException.badRequest(filter.path(TO), "must be after filter.from"));
			}
			Long afterId = after == null ? null : rowId(after, afterPath);
			AuditFilter criteria = new AuditFilter(filter.optional(PROJECT_ID), filter.optional(USER_ID),
					filter.optional(ACTION), filter.optional(RESOURCE_TYPE), filter.optional(RESOURCE_ID),
					filter.optional(STATUS), from, to, caller.admin() ? null : caller.userId());
			return rows.page(criteria, after == null ? null : after.time(), afterId, first + 1)
				.map(row -> caller.admin() || row.userId().equals(caller.userId()) ? row : row.withoutOrigin())
				.collectList()
				.map(page -> Page.of(page, first, after != null,
						row -> Cursors.encode(row.timestamp(), Long.toString(row.id())), () -> rows.count(criteria)));
		});
	}

	private static long rowId(Cursors.Position after, String path) {
		try {
			return Long.parseLong(after.id());
		}
		catch (NumberFormatException ex) {
			throw ApiException.badRequest(path, "is not a cursor of the audit log");
		}
	}

}
