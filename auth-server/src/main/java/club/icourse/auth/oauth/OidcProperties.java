package club.icourse.auth.oauth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param issuer the issuer identifier (this server's public address); blank to take it
 * from each request, which suits tests on random ports only
 * @param keyEncryptionSecret base64 of 32 random bytes: encrypts the private signing keys
 * stored in the database; every instance needs the same one
 * @param keyLifetime how long a signing key signs before the next one takes over
 * @param keyPublishedAhead how long a new key is published before it signs, so every
 * client and instance has it
 * @param accessTokenAlgorithm how access tokens that only this server reads are signed:
 * ES256 (the default) or RS256 ({@link AccessTokenAlgorithm})
 */
@ConfigurationProperties("icourse.oidc")
record OidcProperties(String issuer, String keyEncryptionSecret, @DefaultValue("30d") Duration keyLifetime,
		@DefaultValue("1h") Duration keyPublishedAhead, @DefaultValue("1d") Duration longestTokenLifetime,
		@DefaultValue("ES256") String accessTokenAlgorithm) {
}
