// A comment's reply button: starts the comment box of its review with "@author " and puts the cursor after it.
(function () {
    document.addEventListener('click', function (event) {
        const button = event.target.closest('button.comment-reply');
        if (!button) {
            return;
        }
        const box = button.closest('article').querySelector('form.comment-form input[name="content"]');
        if (!box) {
            return;
        }
        const mention = '@' + button.dataset.mention + ' ';
        if (!box.value.startsWith(mention)) {
            box.value = mention + box.value.trimStart();
        }
        box.focus();
        box.setSelectionRange(box.value.length, box.value.length);
    });
})();
