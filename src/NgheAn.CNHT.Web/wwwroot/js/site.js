// Site-wide behaviour, loaded as a file so the Content-Security-Policy needs no inline script.
(function () {
    "use strict";
    // Any form or button with data-confirm asks before an irreversible step.
    document.addEventListener("submit", function (event) {
        var form = event.target;
        var submitter = event.submitter;
        var message = (submitter && submitter.getAttribute("data-confirm")) || form.getAttribute("data-confirm");
        if (message && !window.confirm(message)) {
            event.preventDefault();
        }
    }, true);
})();
