// The public portal's only script: the print button of a profile (no inline script, CSP script-src 'self').
document.querySelectorAll('[data-print]').forEach(function (button) {
    button.addEventListener('click', function () { window.print(); });
});
