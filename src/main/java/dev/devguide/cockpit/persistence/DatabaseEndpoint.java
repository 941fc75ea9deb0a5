package dev.devguide.cockpit.persistence;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * One MySQL-protocol database: host, port, schema and credentials, with the R2DBC and
 * JDBC URLs derived from them. The JDBC form exists only for Liquibase.
 */
public record DatabaseEndpoint(String host, int port, String database, String user, String password) {

	/**
	 * Parses {@code r2dbc:mysql://host:port/database} (also {@code r2dbcs:} and
	 * {@code mariadb}).
	 */
	public static DatabaseEndpoint parse(String r2dbcUrl, @Nullable String user, @Nullable String password) {
		String withoutScheme = r2dbcUrl.replaceFirst("^r2dbcs?:(pool:)?[a-z]+://", "http://");
		URI uri = URI.create(withoutScheme);
		if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
			throw new IllegalArgumentException("COCKPIT_DB_URL must look like r2dbc:mysql://host:port/database");
		}
		int port = uri.getPort() > 0 ? uri.getPort() : 3306;
		return new DatabaseEndpoint(uri.getHost(), port, uri.getPath().substring(1), user == null ? "root" : user,
				password == null ? "" : password);
	}

	public String jdbcUrl() {
		return "jdbc:mysql://" + host + ":" + port + "/" + database
				+ "?connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true&allowPublicKeyRetrieval=true"
				+ "&sslMode=PREFERRED";
	}

	@Override
	public String toString() {
		return "DatabaseEndpoint[" + host + ":" + port + "/" + database + " as " + user + "]";
	}

}
