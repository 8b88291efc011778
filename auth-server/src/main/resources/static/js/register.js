// Live checks on the registration form: completes a bare mailbox name with the school domains and says early
// whether a username is free. The server checks everything again on submit.
(function () {
    const form = document.getElementById('register-form');
    if (!form) {
        return;
    }
    const completions = document.getElementById('email-completions');

    function live(field, url) {
        const input = form.querySelector('[name="' + field + '"]');
        const output = form.querySelector('[data-live-for="' + field + '"]');
        let timer;
        input.addEventListener('input', function () {
            clearTimeout(timer);
            timer = setTimeout(async function () {
                const value = input.value.trim();
                if (!value) {
                    output.textContent = '';
                    return;
                }
                const response = await fetch(url + '?value=' + encodeURIComponent(value), {headers: {Accept: 'application/json'}});
                if (!response.ok) {
                    return;
                }
                const answer = await response.json();
                output.textContent = answer.message || '';
                output.classList.toggle('text-danger', !answer.ok && !(answer.suggestions || []).length);
                if (field === 'email') {
                    completions.replaceChildren(...(answer.suggestions || []).map(function (address) {
                        const option = document.createElement('option');
                        option.value = address;
                        return option;
                    }));
                }
            }, 300);
        });
    }

    live('email', form.dataset.checkEmail);
    live('username', form.dataset.checkUsername);
})();
