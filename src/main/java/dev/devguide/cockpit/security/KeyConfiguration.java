package dev.devguide.cockpit.security;

import dev.devguide.cockpit.persistence.DatabaseSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The server's {@link SealedSecrets}, over the ring {@link KeyRings} finds. A context
 * without settings (the schema-only test context) gets one without a ring.
 */
@Configuration(proxyBeanMethods = false)
class KeyConfiguration {

	@Bean
	SealedSecrets sealedSecrets(ObjectProvider<KeySettings> keys, ObjectProvider<DatabaseSettings> database) {
		KeySettings settings = keys.getIfAvailable();
		DatabaseSettings where = database.getIfAvailable();
		if (settings == null || where == null) {
			return new SealedSecrets(null);
		}
		return new SealedSecrets(KeyRings.resolve(settings.ring(), where));
	}

}
