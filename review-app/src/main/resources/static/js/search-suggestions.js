// Search-as-you-type: fills the search box's list with courses and teachers from /search/suggestions.
// Without JavaScript the box still searches on Enter.
(function () {
    const input = document.querySelector('input[list="search-suggestions"]');
    const list = document.getElementById('search-suggestions');
    if (!input || !list) {
        return;
    }
    let timer;
    let asked = '';
    input.addEventListener('input', function () {
        clearTimeout(timer);
        timer = setTimeout(function () {
            const typed = input.value.trim();
            if (typed === '' || typed === asked) {
                return;
            }
            asked = typed;
            fetch(list.dataset.url + '?q=' + encodeURIComponent(typed), {headers: {'Accept': 'application/json'}})
                .then(function (response) { return response.ok ? response.json() : []; })
                .then(function (suggestions) {
                    list.replaceChildren(...suggestions.map(function (suggestion) {
                        const option = document.createElement('option');
                        option.value = suggestion.label;
                        option.label = suggestion.detail ? suggestion.label + ' · ' + suggestion.detail : suggestion.label;
                        return option;
                    }));
                })
                .catch(function () { });
        }, 150);
    });
})();
