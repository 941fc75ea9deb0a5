package dev.devguide.cockpit.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;

/**
 * What a token with a good signature must also be, checked in this order, the first
 * failure refusing it:
 * <ul>
 * <li>{@code exp} is present, and now is before it (plus the clock allowance);</li>
 * <li>{@code nbf} and {@code iat}, where present, are not later than now plus the
 * allowance;</li>
 * <li>it lives at most the maximum lifetime: {@code exp} minus {@code iat} (minus now
 * when there is no {@code iat});</li>
 * <li>{@code iss} and {@code aud} match the configured issuer and audience, when
 * set;</li>
 * <li>{@code sub} is present, not blank, and at most {@value #MAX_SUBJECT} characters
 * (the user-id columns);</li>
 * <li>{@code roles} is present and a JSON array of strings (an empty one means no roles):
 * a string is refused, not split into roles.</li>
 * </ul>
 * No message quotes a claim's value.
 */
final class TokenRules {

	static final int MAX_SUBJECT = 255;

	static final String ROLES = "roles";

	private final Clock clock;

	private final Duration maxLifetime;

	private final Duration clockSkew;

	private final @Nullable OAuth2TokenValidator<Jwt> issuer;

	private final @Nullable OAuth2TokenValidator<Jwt> audience;

	TokenRules(JwtSettings settings, Clock clock) {
		this.clock = clock;
		this.maxLifetime = settings.maxLifetime();
		this.clockSkew = settings.clockSkew();
		this.issuer = settings.issuer() == null ? null : new JwtIssuerValidator(settings.issuer());
		this.audience = settings.audience() == null ? null : new JwtAudienceValidator(settings.audience());
	}

	/** Throws the first rule {@code jwt} breaks. */
	void check(Jwt jwt) throws TokenRefusedException {
		// the claims as the token has them: Jwt's getIssuedAt() may be made up from exp
		Instant now = clock.instant();
		Instant expiresAt = jwt.getClaimAsInstant(JwtClaimNames.EXP);
		if (expiresAt == null) {
			throw TokenProblem.INVALID_CLAIMS.refusal("The bearer token has no exp claim");
		}
		if (now.isAfter(expiresAt.plus(clockSkew))) {
			throw TokenProblem.EXPIRED.refusal();
		}
		Instant latest = now.plus(clockSkew);
		Instant notBefore = jwt.getClaimAsInstant(JwtClaimNames.NBF);
		Instant issuedAt = jwt.getClaimAsInstant(JwtClaimNames.IAT);
		if ((notBefore != null && notBefore.isAfter(latest)) || (issuedAt != null && issuedAt.isAfter(latest))) {
			throw TokenProblem.NOT_YET_VALID.refusal();
		}
		if (Duration.between(issuedAt == null ? now : issuedAt, expiresAt).compareTo(maxLifetime) > 0) {
			throw TokenProblem.INVALID_CLAIMS
				.refusal("The bearer token lives longer than the server accepts (" + maxLifetime + ")");
		}
		if (issuer != null && issuer.validate(jwt).hasErrors()) {
			throw TokenProblem.WRONG_ISSUER.refusal();
		}
		if (audience != null && audience.validate(jwt).hasErrors()) {
			throw TokenProblem.WRONG_AUDIENCE.refusal();
		}
		String subject = jwt.getClaimAsString(JwtClaimNames.SUB);
		if (subject == null || subject.isBlank()) {
			throw TokenProblem.INVALID_CLAIMS.refusal("The bearer token has no sub claim, or a blank one");
		}
		if (subject.codePointCount(0, subject.length()) > MAX_SUBJECT) {
			throw TokenProblem.INVALID_CLAIMS
				.refusal("The bearer token's sub claim is longer than " + MAX_SUBJECT + " characters");
		}
		if (!(jwt.getClaims().get(ROLES) instanceof List<?> roles)
				|| !roles.stream().allMatch(String.class::isInstance)) {
			throw TokenProblem.INVALID_CLAIMS.refusal("The bearer token's roles claim must be an array of strings");
		}
	}

}
