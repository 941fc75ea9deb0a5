package dev.devguide.cockpit.cortex;

import dev.devguide.cockpit.security.SealedSecretException;
import dev.devguide.cockpit.security.SealedSecrets;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Seals again, under the key ring's primary key, the provider keys and OAuth tokens still
 * sealed under an older key. One call handles one batch inside the caller's transaction:
 * the rows are locked in id order, opened with their own key and sealed under the
 * primary. Rows already under the primary are never selected, so the rotation can stop
 * anywhere and be run again until nothing remains. A row that does not open (its key is
 * not in the ring, or it was altered) stops the batch with an error naming the row.
 */
@Component
public class ProviderKeyRotation {

	private final ProviderRepository providers;

	private final ToolAccessRepository accesses;

	private final SealedSecrets secrets;

	public ProviderKeyRotation(ProviderRepository providers, ToolAccessRepository accesses, SealedSecrets secrets) {
		this.providers = providers;
		this.accesses = accesses;
		this.secrets = secrets;
	}

	/** Rotates up to {@code limit} rows; run it inside a transaction. */
	public Mono<ProviderKeyRotationResult> rotateBatch(int limit) {
		if (!secrets.available()) {
			return Mono.error(SealedSecretException.noKeyRing());
		}
		String primary = secrets.primaryKeyId();
		return providers.lockStale(primary, limit)
			.concatMap(row -> providers.reseal(row.id(), reseal(row), primary).thenReturn(row.id()))
			.count()
			.flatMap(keys -> keys >= limit ? Mono.just(keys)
					: accesses.lockStale(primary, (int) (limit - keys))
						.concatMap(row -> accesses.reseal(row.id(), reseal(row)).thenReturn(row.id()))
						.count()
						.map(tokens -> keys + tokens))
			.flatMap(rotated -> remaining(primary)
				.map(remaining -> new ProviderKeyRotationResult(primary, rotated.intValue(), remaining.intValue())));
	}

	/** How many rows are still sealed under another key than the primary. */
	public Mono<Long> remaining(String primary) {
		return Flux.concat(providers.countStale(primary), accesses.countStale(primary)).reduce(0L, Long::sum);
	}

	private byte[] reseal(ProviderSealedRow row) {
		return secrets.reseal(row.sealed(),
				new SealedSecrets.Binding(ProviderConfiguration.TABLE, ProviderConfiguration.KEY_COLUMN, row.id()));
	}

	private ToolOAuth reseal(ToolSealedTokens row) {
		ToolOAuth oauth = row.oauth();
		return new ToolOAuth(oauth.scopes(), reseal(oauth.accessToken(), row.id(), ToolOAuth.ACCESS_TOKEN),
				reseal(oauth.refreshToken(), row.id(), ToolOAuth.REFRESH_TOKEN));
	}

	private byte @Nullable [] reseal(byte @Nullable [] sealed, String id, String token) {
		return sealed == null ? null : secrets.reseal(Objects.requireNonNull(sealed), ToolOAuth.binding(id, token));
	}

}
