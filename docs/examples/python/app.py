"""'Sign in with iCourse ID' and one API call, with Authlib and Flask (docs/developers.md)."""
import os
import secrets

from authlib.integrations.flask_client import OAuth
from flask import Flask, jsonify, url_for

ISSUER = os.environ.get("ISSUER", "http://127.0.0.1:9000")
API = os.environ.get("API", "http://127.0.0.1:8080/api")

app = Flask(__name__)
app.secret_key = secrets.token_hex(32)
oauth = OAuth(app)
oauth.register(
    "icourse",
    client_id=os.environ["CLIENT_ID"],
    client_secret=os.environ["CLIENT_SECRET"],
    server_metadata_url=f"{ISSUER}/.well-known/openid-configuration",
    client_kwargs={"scope": "openid profile reviews.read", "code_challenge_method": "S256"},
)


@app.route("/")
def sign_in():
    return oauth.icourse.authorize_redirect(url_for("callback", _external=True))


@app.route("/callback")
def callback():
    token = oauth.icourse.authorize_access_token()  # checks state, PKCE and the ID token
    reviews = oauth.icourse.get(f"{API}/me/reviews", token=token)
    return jsonify(claims=token["userinfo"], reviews=reviews.json())


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(os.environ.get("PORT", "5000")))
