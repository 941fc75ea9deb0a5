package dev.devguide.cockpit.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Plain JDBC reads and statements of the migration tooling (which runs off the event
 * loop).
 */
final class Jdbc {

	private Jdbc() {
	}

	/** Every row of {@code sql}, each column as text (null for NULL). */
	static List<List<@Nullable String>> rows(Connection connection, String sql, String... parameters)
			throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setString(i + 1, parameters[i]);
			}
			try (ResultSet result = statement.executeQuery()) {
				int columns = result.getMetaData().getColumnCount();
				List<List<@Nullable String>> rows = new ArrayList<>();
				while (result.next()) {
					List<@Nullable String> row = new ArrayList<>(columns);
					for (int column = 1; column <= columns; column++) {
						row.add(result.getString(column));
					}
					rows.add(row);
				}
				return rows;
			}
		}
	}

	static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
