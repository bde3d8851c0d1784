// Draws the authenticator key's QR code (no inline script: CSP allows only files from the portal).
(function () {
    "use strict";
    var target = document.getElementById("qr");
    if (!target || !target.dataset.uri || typeof qrcode !== "function") {
        return;
    }
    var qr = qrcode(0, "M");
    qr.addData(target.dataset.uri);
    qr.make();
    target.innerHTML = qr.createSvgTag({ cellSize: 4, margin: 4, scalable: false, alt: "Mã QR của khóa xác thực" });
})();
