// Passkeys through Spring Security's WebAuthn endpoints: signing in with one on the sign-in page, adding one on the
// account page. A file of its own, as the Content-Security-Policy runs no inline script; the buttons stay hidden
// where the browser has no WebAuthn.
(function () {
    if (!window.PublicKeyCredential) {
        return;
    }

    function decode(base64url) {
        const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
        const binary = atob(base64 + '='.repeat((4 - base64.length % 4) % 4));
        return Uint8Array.from(binary, function (c) {
            return c.charCodeAt(0);
        }).buffer;
    }

    function encode(buffer) {
        const bytes = new Uint8Array(buffer);
        let binary = '';
        for (let i = 0; i < bytes.length; i++) {
            binary += String.fromCharCode(bytes[i]);
        }
        return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    }

    async function post(element, url, body) {
        const headers = {'Content-Type': 'application/json', Accept: 'application/json'};
        headers[element.dataset.csrfHeader] = element.dataset.csrfToken;
        return fetch(url, {method: 'POST', headers: headers, credentials: 'same-origin', body: body ? JSON.stringify(body) : undefined});
    }

    async function problemOf(response, fallback) {
        try {
            const answer = await response.json();
            return answer.message || fallback;
        } catch (e) {
            return fallback;
        }
    }

    function show(problem, text) {
        problem.textContent = text;
        problem.classList.remove('d-none');
    }

    function descriptors(list) {
        return (list || []).map(function (credential) {
            return Object.assign({}, credential, {id: decode(credential.id)});
        });
    }

    const signIn = document.getElementById('passkey-sign-in');
    if (signIn) {
        const problem = document.getElementById('passkey-problem');
        signIn.hidden = false;
        signIn.addEventListener('click', async function () {
            problem.classList.add('d-none');
            try {
                const optionsResponse = await post(signIn, '/webauthn/authenticate/options');
                if (!optionsResponse.ok) {
                    show(problem, await problemOf(optionsResponse, signIn.dataset.failed));
                    return;
                }
                const options = await optionsResponse.json();
                const credential = await navigator.credentials.get({
                    publicKey: Object.assign({}, options, {
                        challenge: decode(options.challenge),
                        allowCredentials: descriptors(options.allowCredentials)
                    })
                });
                const response = credential.response;
                const answer = await post(signIn, '/login/webauthn', {
                    id: credential.id,
                    rawId: encode(credential.rawId),
                    type: credential.type,
                    response: {
                        authenticatorData: encode(response.authenticatorData),
                        clientDataJSON: encode(response.clientDataJSON),
                        signature: encode(response.signature),
                        userHandle: response.userHandle ? encode(response.userHandle) : undefined
                    },
                    clientExtensionResults: credential.getClientExtensionResults(),
                    authenticatorAttachment: credential.authenticatorAttachment
                });
                if (!answer.ok) {
                    show(problem, await problemOf(answer, signIn.dataset.failed));
                    return;
                }
                window.location.href = (await answer.json()).redirectUrl;
            } catch (e) {
                // The person cancelled, or the authenticator refused: nothing was sent.
                show(problem, signIn.dataset.failed);
            }
        });
    }

    const register = document.getElementById('passkey-register');
    if (register) {
        const problem = document.getElementById('passkey-register-problem');
        register.hidden = false;
        register.addEventListener('submit', async function (event) {
            event.preventDefault();
            problem.classList.add('d-none');
            try {
                const optionsResponse = await post(register, '/webauthn/register/options');
                if (!optionsResponse.ok) {
                    show(problem, await problemOf(optionsResponse, register.dataset.failed));
                    return;
                }
                const options = await optionsResponse.json();
                const credential = await navigator.credentials.create({
                    publicKey: Object.assign({}, options, {
                        challenge: decode(options.challenge),
                        user: Object.assign({}, options.user, {id: decode(options.user.id)}),
                        excludeCredentials: descriptors(options.excludeCredentials)
                    })
                });
                const response = credential.response;
                const answer = await post(register, '/webauthn/register', {
                    publicKey: {
                        label: register.elements.name.value.trim(),
                        credential: {
                            id: credential.id,
                            rawId: encode(credential.rawId),
                            type: credential.type,
                            response: {
                                attestationObject: encode(response.attestationObject),
                                clientDataJSON: encode(response.clientDataJSON),
                                transports: response.getTransports ? response.getTransports() : []
                            },
                            clientExtensionResults: credential.getClientExtensionResults(),
                            authenticatorAttachment: credential.authenticatorAttachment
                        }
                    }
                });
                if (!answer.ok) {
                    show(problem, await problemOf(answer, register.dataset.failed));
                    return;
                }
                window.location.href = '/account?passkeyAdded#passkeys';
            } catch (e) {
                show(problem, register.dataset.failed);
            }
        });
    }
})();
