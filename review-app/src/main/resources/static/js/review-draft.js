// The review form keeps what is written on the server, every few seconds and when the page is left, so that a closed
// tab, a crash or another device finds it again (the server keeps a draft 30 days and deletes it once published).
(function () {
    const form = document.getElementById('review-form');
    if (!form || !form.dataset.draftUrl) {
        return;
    }
    const url = form.dataset.draftUrl;
    const fields = function () { return new URLSearchParams(new FormData(form)); };
    let saved = fields().toString();
    let sent = false;
    const save = function () {
        const now = fields();
        if (sent || now.toString() === saved) {
            return;
        }
        saved = now.toString();
        fetch(url, {method: 'POST', body: now, credentials: 'same-origin'})
            .then(function (response) { if (!response.ok) { saved = ''; } })
            .catch(function () { saved = ''; });
    };
    const leave = function () {
        const now = fields();
        if (!sent && now.toString() !== saved && navigator.sendBeacon(url, now)) {
            saved = now.toString();
        }
    };
    setInterval(save, 3000);
    document.addEventListener('visibilitychange', function () {
        if (document.visibilityState === 'hidden') {
            leave();
        }
    });
    window.addEventListener('pagehide', leave);
    form.addEventListener('submit', function () { sent = true; });
})();
