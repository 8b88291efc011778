package club.icourse.reviewapp.people;

import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.reviewapp.ReviewAppTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Signing in starts an OpenID Connect authorization request to iCourse ID, with PKCE. */
@ReviewAppTest
class SignInTest {

    @LocalServerPort
    int port;

    @Test
    void theSignInLinkSendsThePersonToTheProviderWithPkce() throws Exception {
        HttpResponse<String> home = get("/");
        assertThat(home.body()).contains("/oauth2/authorization/icourse");

        HttpResponse<String> redirect = get("/oauth2/authorization/icourse");
        assertThat(redirect.statusCode()).isEqualTo(302);
        URI authorize = URI.create(redirect.headers().firstValue("Location").orElseThrow());
        assertThat(authorize.getPath()).isEqualTo("/oauth2/authorize");
        assertThat(authorize.getQuery()).contains("client_id=review-app", "code_challenge_method=S256", "code_challenge=",
                "scope=openid profile email school", "nonce=", "state=");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept-Language", "en").build(), HttpResponse.BodyHandlers.ofString());
    }
}
